---
{{ dig "a" "def" nil }}
