---
{{ toToml (fromJson "{\"name\": \"x\", \"port\": 80, \"tags\": [\"a\"], \"sub\": {\"k\": 1.25, \"t\": {\"z\": null}}}") }}