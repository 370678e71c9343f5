---
{{ semver "" }}
