---
{{ and false (fail "never") }} {{ or true (fail "never") }}
