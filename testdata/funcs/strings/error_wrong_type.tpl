---
{{ upper 3 }}
