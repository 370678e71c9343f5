---
{{ mustToToml .Values.missing }}
