---
{{ urlParse "http://[::1.2.3.256]/" }}
