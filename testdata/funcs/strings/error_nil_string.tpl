---
{{ trim nil }}
