---
{{ printf "%v" .Capabilities.KubeVersion }} {{ printf "%+v" .Capabilities.KubeVersion }} {{ print .Capabilities.KubeVersion }}
