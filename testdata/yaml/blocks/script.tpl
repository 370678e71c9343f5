s: "#!/bin/sh\nset -e\necho \"hi\" > /tmp/x\nexit 0\n"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
