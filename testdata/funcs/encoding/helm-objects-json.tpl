{}
---
{{ .Chart | toToml }}
{{ .Chart | toJson }}
{{ .Capabilities.KubeVersion | toJson }}
{{ .Capabilities | toJson }}
{{ .Capabilities.HelmVersion | toJson }}
{{ .Release | toJson }} {{ .Template | toJson }}
