---
{{ printf "%v|%s|%d|%T|%q" nil nil nil nil nil }}
