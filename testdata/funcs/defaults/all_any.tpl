{"i": 3, "f": 2.5, "s": "x", "e": "", "z": 0, "l": [], "m": {}, "full": {"a": 1}, "t": true, "fl": false}
---
{{ all }} {{ all 1 "a" }} {{ all 1 "" }} {{ all .Values.full .Values.t }} {{ any }} {{ any 0 "" nil }} {{ any 0 "a" }} {{ any .Values.l .Values.m .Values.f }}
