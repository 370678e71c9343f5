{"a": [1, null], "b": {"c": [[null]]}, "d": {"d": [{"x": null}, 2]}, "e": {"e": [[{"f": [null]}]]}}
---
[{{ toToml .Values.a }}]
[{{ toToml .Values.b }}]
[{{ toToml .Values.d }}]
[{{ toToml .Values.e }}]
