---
{{ compact "x" }}
