---
{{ printf "%v %d %c %x %T" (index "A" 0) (index "A" 0) (index "A" 0) (index "A" 0) (index "A" 0) }}
