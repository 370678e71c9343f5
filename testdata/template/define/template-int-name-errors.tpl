---
{{ template 1 }}
