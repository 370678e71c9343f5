---
{{ printf 1 }}
