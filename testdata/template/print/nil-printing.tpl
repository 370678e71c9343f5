{"a": 1}
---
[{{ nil | print }}] [{{ index .Values "nope" }}] [{{ print .Values.nope }}] [{{ printf "%v" .Values.nope }}]
