---
{{ lt true false }}
