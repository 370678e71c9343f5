---
{{ urlJoin (dict "host" nil) }}
