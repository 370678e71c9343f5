---
{{ substr -1 9 "hello" }}
