---
{{ randBytes -1 }}
