{"i": 3, "f": 2.5, "s": "x", "e": "", "z": 0, "l": [], "m": {}, "full": {"a": 1}, "t": true, "fl": false}
---
{{ default "d" .Values.e }} {{ default "d" .Values.s }} {{ default "d" .Values.z }} {{ default "d" .Values.l }} {{ default "d" .Values.m }} {{ default "d" .Values.fl }} {{ default "d" }} {{ default "d" nil }} {{ default "d" .Values.missing }} {{ default "d" 0.0 }} {{ default "d" .Values.full }} {{ default "d" "a" "b" }} {{ .Values.missing | default 5 | typeOf }} {{ default .Values.f .Values.i }}
