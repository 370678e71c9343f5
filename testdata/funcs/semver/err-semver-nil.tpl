---
{{ semver nil }}
