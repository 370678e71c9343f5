---
{{ slice (list 1 2 3) 0 4 }}
