---
{{ deepCopy nil }}
