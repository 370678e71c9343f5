---
{{ fromToml "a.b = 1\n[a]\nc = 2" }}
{{ fromToml "a.b = 1\na = 2" }}
{{ fromToml "a = {x = 1}\n[a.y]\nz = 2" }}
{{ fromToml "[a.b]\n[a]\nc = 1" }}
{{ fromToml "" }}|{{ len (fromToml "") }}
{{ fromToml "# only comment" }}
{{ fromToml "\ufeffa = 1" }}
{{ fromToml "a = 1\r\nb = 2\r\n" }}
{{ fromToml "a = [\n]" }}
