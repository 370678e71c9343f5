---
{{ call nil }}
