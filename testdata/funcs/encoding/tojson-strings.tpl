{"s": "a<b>&c \"q\" \\ / é ü 😀 ﻿ end", "html": "<script>alert('x&y')</script>", "empty": ""}
---
{{ toJson .Values.s }}
{{ toRawJson .Values.s }}
{{ toPrettyJson .Values.s }}
{{ toJson .Values.html }}|{{ toRawJson .Values.html }}|{{ mustToRawJson .Values.html }}|{{ mustToJson .Values.html }}
{{ toJson .Values.empty }}
{{ toJson (printf "%c%c" 0x2028 0x2029) }}|{{ toRawJson (printf "%c" 0x2029) }}
