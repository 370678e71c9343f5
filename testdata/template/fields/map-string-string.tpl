---
{{ (split "," "a,b")._0 }} [{{ (split "," "a,b").nope }}]
