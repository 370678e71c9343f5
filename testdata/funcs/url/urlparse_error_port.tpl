---
{{ urlParse "http://localhost:80:80/" }}
