---
{{ urlParse "http://u p@h/" }}
