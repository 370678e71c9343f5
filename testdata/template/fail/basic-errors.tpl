---
{{ fail "something broke" }}
