---
{{ repeat true "x" }}
