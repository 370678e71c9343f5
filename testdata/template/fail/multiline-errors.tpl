---
{{ fail "line1\nline2: x" }}
