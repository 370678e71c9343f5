---
{{ (semver "1.2.3").LessThan nil }}
