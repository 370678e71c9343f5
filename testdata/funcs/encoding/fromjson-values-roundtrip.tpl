{"cfg": "{\"port\": 8080, \"hosts\": [\"a\", \"b\"], \"tls\": {\"enabled\": true}}"}
---
{{ $c := fromJson .Values.cfg }}port={{ $c.port }} hosts={{ $c.hosts }} tls={{ $c.tls.enabled }}
{{ toJson $c }}
{{ toPrettyJson $c }}
