---
{{ index (list nil) 0 0 }}
