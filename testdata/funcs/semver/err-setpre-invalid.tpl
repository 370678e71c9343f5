---
{{ (semver "v1.2.3").SetPrerelease "01" }}
