---
{{/* never closed }}
