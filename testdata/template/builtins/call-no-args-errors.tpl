---
{{ call }}
