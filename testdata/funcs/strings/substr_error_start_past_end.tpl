---
{{ substr 6 99 "hello" }}
