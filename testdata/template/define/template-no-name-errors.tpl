---
{{ template }}
