---
{{ toToml .Release }}
---
{{ toToml .Template }}
