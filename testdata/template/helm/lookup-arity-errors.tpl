---
{{ lookup "v1" "Secret" }}
