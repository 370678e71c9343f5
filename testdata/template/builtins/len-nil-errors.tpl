---
{{ len nil }}
