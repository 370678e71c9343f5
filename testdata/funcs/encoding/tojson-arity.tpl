---
{{ toJson }}
