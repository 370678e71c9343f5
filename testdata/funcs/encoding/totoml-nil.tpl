---
{{ toToml nil }}
