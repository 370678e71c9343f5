---
{{ `raw \n string` }} {{ `multi
line` }}
