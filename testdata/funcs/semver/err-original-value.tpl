---
{{ (semver "v1.2.3").IncPatch.Original }}
