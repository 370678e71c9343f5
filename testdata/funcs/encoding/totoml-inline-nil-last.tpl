{"a": [{"x": 1, "y": null}, 2], "b": [{"z": {"w": 1}, "v": 0}, "s"]}
---
{{ toToml .Values }}
