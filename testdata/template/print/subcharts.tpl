---
{{ .Subcharts }}
