---
{{ include "a" }}
