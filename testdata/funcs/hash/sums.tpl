{"s": "hello world", "n": 42}
---
{{ sha1sum .Values.s }}
{{ sha256sum .Values.s }}
{{ sha512sum .Values.s }}
{{ adler32sum .Values.s }}
{{ sha1sum "" }} {{ sha256sum "" }} {{ adler32sum "" }}
{{ sha256sum "héllo ✓" }} {{ adler32sum "héllo ✓" }}
{{ .Values.s | sha256sum | printf "%T" }}
