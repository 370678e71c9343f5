---
{{ lt nil 1 }}
