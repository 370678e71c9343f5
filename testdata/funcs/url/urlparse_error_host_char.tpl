---
{{ urlParse "http://a b.com/" }}
