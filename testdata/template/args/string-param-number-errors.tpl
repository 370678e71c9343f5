---
{{ upper 1 }}
