---
{{ repeat nil "x" }}
