---
{{ dig "a" "b" (split "," "x") }}
