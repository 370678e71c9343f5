{"b": {"z": [1, {"y": null, "x": [[], {}]}], "a": true}, "a": [], "A": {}, "_": "u", "10": 1, "9": 2, "é": "k", "key with space": {"k.dot": "v"}}
---
{{ toJson .Values }}
{{ toPrettyJson .Values }}
{{ mustToPrettyJson .Values.b }}
{{ toRawJson .Values }}
