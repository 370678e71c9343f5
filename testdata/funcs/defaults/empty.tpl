{"i": 3, "f": 2.5, "s": "x", "e": "", "z": 0, "l": [], "m": {}, "full": {"a": 1}, "t": true, "fl": false}
---
{{ empty "" }} {{ empty 0 }} {{ empty nil }} {{ empty .Values.l }} {{ empty .Values.m }} {{ empty .Values.full }} {{ empty false }} {{ empty .Values.f }} {{ empty .Values }} {{ empty .Capabilities }} {{ empty (list 0) }} {{ empty .Release }} {{ empty .Values.missing }} {{ empty 0.0 }} {{ empty .Files }}
