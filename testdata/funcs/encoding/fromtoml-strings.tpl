{"doc": "a = \"basic \\\"q\\\" \\\\ \\b\\t\\n\\f\\r\\e \\x41 \\u00e9 \\U0001F600\"\nb = 'literal \\n no escape'\nc = \"\"\"\nfirst newline trimmed\nsecond \\\n    continued\"\"\"\nd = '''\nraw\\n\nlines'''\ne = \"\"\"two quotes at end\"\" \"\"\"\nf = \"\"\"\"\"five\"\"\"\"\"\ng = '''''4'''''\n\"quoted key\" = 1\n'literal key' = 2\n\"\" = 3\n\"a.b\" = 4\nx.y.\"z w\" = 5\nh = \"tab\there\"\n"}
---
{{ $m := fromToml .Values.doc }}{{ range $k, $v := $m }}{{ $k | printf "%q" }}: {{ $v | printf "%q" }}
{{ end }}{{ toToml $m }}{{ toJson $m }}
