---
{{ prepend nil 1 }}
