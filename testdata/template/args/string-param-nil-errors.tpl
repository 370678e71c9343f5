---
{{ upper nil }}
