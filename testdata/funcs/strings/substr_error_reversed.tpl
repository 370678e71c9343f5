---
{{ substr 3 1 "hello" }}
