---
{{ indent -1 "x" }}
