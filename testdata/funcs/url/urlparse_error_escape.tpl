---
{{ urlParse "http://h/%zz" }}
