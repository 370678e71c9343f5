---
{{ initial nil }}
