{"doc": "title = \"TOML\"\n# comment\n[owner]\nname = \"Tom\"\ndob = 1979-05-27T07:32:00-08:00\n\n[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ [\"delta\", \"phi\"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n\n[servers]\n\n[servers.alpha]\nip = \"10.0.0.1\"\nrole = \"frontend\"\n\n[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = \"Nail\"\nsku = 284758393\ncolor = \"gray\"\n"}
---
{{ $m := fromToml .Values.doc }}{{ $m }}
{{ toJson $m }}
{{ printf "%T" $m.products }} {{ printf "%T" $m.database.ports }} {{ printf "%T" (index $m.database.ports 0) }} {{ printf "%T" $m.owner.dob }} {{ printf "%T" $m.database.temp_targets.cpu }}
{{ toToml $m }}