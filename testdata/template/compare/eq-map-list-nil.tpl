{"m": {"a": 1}, "l": [1, 2], "e": {}}
---
{{ eq (dict) nil }} {{ ne (dict) nil }} {{ eq nil (dict "a" 1) }} {{ eq .Values.m .Values.missing }} {{ ne .Values.missing .Values.l }}
{{ eq (list 1) nil }} {{ eq .Values.e nil nil }} {{ eq "a" nil }} {{ eq nil "a" }}
{{ $null := .Values.nothing }}{{ $p := dict "m" .Values.m }}{{ ne (dig "m" $null $p) $null }} {{ ne (dig "zz" $null $p) $null }}
