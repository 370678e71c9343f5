---
{{ (semver "1.2.3").Compare "1.2.3" }}
