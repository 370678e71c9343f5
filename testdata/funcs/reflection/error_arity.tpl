---
{{ typeIs "int" }}
