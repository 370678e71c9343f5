---
{{ (semver "v1.2.3").SetMetadata "a_b" }}
