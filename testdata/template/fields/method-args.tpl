---
{{ .Files.Get "x" | len }} {{ .Capabilities.APIVersions.Has "v1" }}
