---
{{ printf }}
