---
{{ urlParse ":x" }}
