---
{{ repeat 2.5 "x" }}
