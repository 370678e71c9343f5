---
{{ last 3 }}
