---
{{ printf "%[2]d %[1]d" 1 2 }}|{{ printf "%[3]d" 1 2 }}|{{ printf "%[1]d %d" 1 2 }}|{{ printf "%[0]d" 1 }}|{{ printf "%[x]d" 1 }}|{{ printf "%[2]*[1]d" 12 5 }}
