---
{{ .Capabilities.Nope }}
