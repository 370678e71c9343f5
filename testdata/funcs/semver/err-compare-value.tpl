---
{{ (semver "1.2.3").LessThan ((semver "v1.2.3").IncPatch) }}
