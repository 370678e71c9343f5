---
{{ if .Capabilities.KubeVersion }}struct-true{{ end }} {{ if .Files }}files{{ else }}nofiles{{ end }}
