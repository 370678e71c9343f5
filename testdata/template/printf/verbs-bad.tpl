---
{{ printf "%d|%s|%t|%f|%x|%z|%!" "str" 5 "x" "y" 1.5 3 }}
