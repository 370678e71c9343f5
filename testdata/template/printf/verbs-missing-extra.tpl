---
{{ printf "%d %d %s" 1 }}|{{ printf "%d" 1 2 "x" nil }}|{{ printf "no verbs" 1 }}|{{ printf "%" }}|{{ printf "%%|%5%" }}
