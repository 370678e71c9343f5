---
{{ urlParse "http://[fe80::zz]/" }}
