---
{{ semver "x" }}
