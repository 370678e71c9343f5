{"i": 3, "f": 2.5, "s": "x", "l": [], "full": {"a": 1}, "t": true}
---
{{ typeIs "int" 1 }} {{ typeIs "float64" .Values.i }} {{ typeIs "string" nil }} {{ typeIs "<nil>" nil }} {{ typeIsLike "common.Capabilities" .Capabilities }} {{ typeIsLike "int" 1 }} {{ typeIsLike "*int" 1 }} {{ typeIs "common.Values" .Values }}
{{ kindIs "map" .Values }} {{ kindIs "slice" .Values.l }} {{ kindIs "invalid" nil }} {{ kindIs "ptr" .Capabilities }} {{ kindIs "int" 1.0 }} {{ kindIs "float64" .Values.f }}
