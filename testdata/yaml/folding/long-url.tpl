s: "https://example.com/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/path/"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
