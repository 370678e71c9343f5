{"i": 3, "f": 2.5, "s": "x", "e": "", "z": 0, "l": [], "m": {}, "full": {"a": 1}, "t": true, "fl": false}
---
{{ coalesce "" 0 nil "x" "y" }} {{ coalesce }} {{ coalesce "" nil | quote }} {{ coalesce .Values.e .Values.f }} {{ coalesce .Values.l .Values.full }} {{ coalesce .Values.missing .Values.s }}
