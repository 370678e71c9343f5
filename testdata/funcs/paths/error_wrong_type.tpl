---
{{ base 1 }}
