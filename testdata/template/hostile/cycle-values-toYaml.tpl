---
{{$_ := set .Values "me" .Values}}{{ toYaml .Values | quote }}