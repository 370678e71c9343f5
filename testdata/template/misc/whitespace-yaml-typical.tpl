{"s": "hello", "map": {"a": "x", "b": {"c": 1}}, "list": [1, 2], "\u043a\u043b\u044e\u0447": "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435", "k-e-y": 1}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-cm
  labels:
    {{- range $k, $v := .Values.map }}
    {{ $k }}: {{ $v | quote }}
    {{- end }}
data:
  {{- if .Values.s }}
  s: {{ .Values.s }}
  {{- end }}
