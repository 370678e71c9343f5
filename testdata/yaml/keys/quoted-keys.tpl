'key: colon': 1
'- dash': 2
'#hash': 3
'yes': 4
'1': 5
'': 6
' sp': 7
'tab	key': 8
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
