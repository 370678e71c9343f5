---
{{ fromJson 1 }}
