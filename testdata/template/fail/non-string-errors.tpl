---
{{ fail 1 }}
