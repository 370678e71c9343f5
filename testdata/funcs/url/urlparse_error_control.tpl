---
{{ urlParse "http://h\x01/" }}
