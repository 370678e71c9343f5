---
{{ dig "a" (dict) }}
