{"i": 3, "f": 1e-06, "l": [1, "a", true], "lm": [{"a": 1}, 2]}
---
[{{ toToml .Values.i }}][{{ toToml .Values.f }}][{{ toToml .Values.l }}][{{ toToml .Values.lm }}]
