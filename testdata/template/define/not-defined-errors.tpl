---
{{ template "nope" . }}
