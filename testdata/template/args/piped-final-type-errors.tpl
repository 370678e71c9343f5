---
{{ 2.5 | repeat 2 }}
