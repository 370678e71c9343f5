---
a  {{- /* comment */ -}}  b
