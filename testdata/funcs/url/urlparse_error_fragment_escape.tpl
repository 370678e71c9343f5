---
{{ urlParse "http://h/p#%zz" }}
