---
{{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }} {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }} {{ len .Capabilities.APIVersions }}
{{ .Capabilities.APIVersions }}
