---
{{ urlParse "1http:x" }}
