---
{{ upper true }}
