---
{{ first nil }}
