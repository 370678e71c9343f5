---
{{ and 1 2 }} {{ and 0 2 }} {{ and 1 "" 3 }} {{ or 0 "" 5 }} {{ or 0 "" }} {{ or 1 2 }} [{{ and nil 1 }}] {{ or nil "x" }}
