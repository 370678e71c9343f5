---
{{ trunc 3 }}
