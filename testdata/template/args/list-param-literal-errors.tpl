---
{{ join "," 1 }} {{ first 1 }}
