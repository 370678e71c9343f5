---
{{ substr -1 -1 "hello" }}
