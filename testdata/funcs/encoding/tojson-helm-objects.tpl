---
{{ toJson .Release }}
{{ toJson .Template }}
{{ toJson .Values }}
