---
{{ shuffle 3 }}
