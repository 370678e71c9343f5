---
{{ urlParse "http://%41/" }}
