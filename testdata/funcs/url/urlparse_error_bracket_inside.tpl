---
{{ urlParse "http://h[x]/" }}
