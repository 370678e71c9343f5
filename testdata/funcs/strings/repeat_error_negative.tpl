---
{{ repeat -1 "x" }}
