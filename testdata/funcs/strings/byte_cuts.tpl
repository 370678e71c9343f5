{"u": "h\u00e9llo", "e": "\u00e9"}
---
{{- /* trunc/substr/abbrev cut bytes: the halves of a character stay raw bytes */}}
trunc: {{ trunc 2 .Values.u | b64enc }}|{{ trunc -4 .Values.u | b64enc }}|{{ trunc 2 .Values.u | len }}
substr: {{ substr 0 2 .Values.u | b64enc }}|{{ substr 2 5 .Values.u | b64enc }}
abbrev: {{ abbrev 5 .Values.u | b64enc }}
json: {{ trunc 2 .Values.u | toJson }}|{{ dict "k" (trunc 2 .Values.u) | toYaml | b64enc }}
quote: {{ trunc 2 .Values.u | quote }}|{{ printf "%q|%x|%X" (trunc 2 .Values.u) (trunc 2 .Values.u) (trunc 2 .Values.u) }}
case: {{ trunc 2 .Values.u | upper | b64enc }}|{{ trunc 2 .Values.u | lower | b64enc }}
hash: {{ trunc 2 .Values.u | sha256sum }}|{{ trunc 2 .Values.u | sha1sum }}|{{ trunc 2 .Values.u | adler32sum }}|{{ trunc 2 .Values.u | b32enc }}
rejoin: {{ trunc 2 .Values.u }}{{ substr 2 6 .Values.u }}
decoded: {{ .Values.e | b64enc | b64dec | trunc 1 | b64enc }}|{{ "gP8=" | b64dec | b64enc }}|{{ "gP8=" | b64dec | len }}
