---
{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.APIVersion }} {{ .Chart.IsRoot }} [{{ .Chart.AppVersion }}] {{ .Chart.Annotations }} {{ .Chart.Keywords }}
{{ .Chart }}
