---
{{ lookup "v1" "Secret" "ns" "name" }} {{ lookup "v1" "Secret" "ns" "name" | typeOf }} {{ (lookup "v1" "Secret" "ns" "n").data }}
