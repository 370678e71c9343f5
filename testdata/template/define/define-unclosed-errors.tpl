---
{{ define "a" }}x
