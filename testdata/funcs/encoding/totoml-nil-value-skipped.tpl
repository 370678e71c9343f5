{"m": {"a": null, "b": 1, "c": {"d": null}}}
---
{{ toToml .Values.m }}
