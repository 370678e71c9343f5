{"my-key": 1, "outer": {"in-ner": 2}}
---
{{ index .Values "my-key" }} {{ index .Values.outer "in-ner" }}
