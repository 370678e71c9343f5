{"s": "hello", "n": 3, "list": ["a", "b", "c"], "m": {"x": 1}, "empty": ""}
---
[{{ .Values.empty }}][{{ .Values.missing }}][{{ print .Values.empty }}][{{ printf "%q" .Values.empty }}]
