---
{{ ternary 1 2 nil }}
