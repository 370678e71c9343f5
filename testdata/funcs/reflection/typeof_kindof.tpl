{"i": 3, "f": 2.5, "s": "x", "l": [], "full": {"a": 1}, "t": true}
---
{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf .Values.i }} {{ typeOf "s" }} {{ typeOf nil }} {{ typeOf .Values }} {{ typeOf .Values.full }} {{ typeOf .Values.l }} {{ typeOf (list) }} {{ typeOf true }} {{ typeOf .Capabilities }} {{ typeOf .Release }} {{ typeOf (int64 1) }} {{ typeOf (split "," "a") }} {{ typeOf .Values.missing }}
{{ kindOf 1 }} {{ kindOf 1.5 }} {{ kindOf "s" }} {{ kindOf nil }} {{ kindOf .Values }} {{ kindOf .Values.l }} {{ kindOf true }} {{ kindOf .Capabilities }} {{ kindOf (int64 1) }} {{ kindOf (until 2) }} {{ kindOf (split "," "a") }}
