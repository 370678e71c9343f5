---
{{ .Files.Get }}
