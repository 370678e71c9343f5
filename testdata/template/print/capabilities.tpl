---
{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.GitVersion }} {{ .Capabilities.KubeVersion.String }}
{{ .Capabilities.HelmVersion }} {{ .Capabilities.HelmVersion.Version }} {{ .Capabilities.HelmVersion.GoVersion }}
