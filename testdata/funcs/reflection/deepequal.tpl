{"i": 3, "f": 2.5, "s": "x", "l": [], "full": {"a": 1}, "t": true}
---
{{ deepEqual 1 1 }} {{ deepEqual 1 1.0 }} {{ deepEqual (list 1 (dict "a" 2)) (list 1 (dict "a" 2)) }} {{ deepEqual .Values.l (list) }} {{ deepEqual nil nil }} {{ deepEqual .Values.full (dict "a" 1) }} {{ deepEqual .Values.full (dict "a" 1.0) }} {{ deepEqual "a" "a" }} {{ deepEqual (list) (splitList "," "") }} {{ deepEqual .Values .Values }} {{ deepEqual (int64 1) 1 }}
