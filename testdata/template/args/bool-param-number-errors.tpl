---
{{ ternary 1 2 1 }}
