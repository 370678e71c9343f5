---
{{ 2 | upper }}
