---
{{ index nil 1 }}
