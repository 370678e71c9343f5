{"i": 3, "f": 2.5, "s": "x", "e": "", "z": 0, "l": [], "m": {}, "full": {"a": 1}, "t": true, "fl": false}
---
{{ ternary "a" "b" true }} {{ ternary "a" "b" false }} {{ ternary 1 2 .Values.t }} {{ true | ternary "y" "n" }} {{ ternary nil "b" true | quote }} {{ ternary .Values.l .Values.m .Values.fl }}
