---
{{ .Files.Get 1 }}
