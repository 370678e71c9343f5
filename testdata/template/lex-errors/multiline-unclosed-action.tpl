---
line1
{{ if .x
line3
