---
{{ (fromToml "a = \"unterminated").Error }}
{{ (fromToml "x = 1 2").Error }}
{{ (fromToml "[a.b").Error }}
{{ (fromToml "[[a]").Error }}
{{ (fromToml "$ = 1").Error }}
{{ (fromToml "a = ").Error }}
{{ (fromToml "a = @").Error }}
{{ (fromToml "a = [1,,2]").Error }}
{{ (fromToml "a = [1 2]").Error }}
{{ (fromToml "a = {x = 1 y = 2}").Error }}
{{ (fromToml "a = 01").Error }}
{{ (fromToml "a = 1__0").Error }}
{{ (fromToml "a = 99999999999999999999").Error }}
{{ (fromToml "a = 1e").Error }}
{{ (fromToml "a = 1.").Error }}
{{ (fromToml "a = 1979-02-30").Error }}
{{ (fromToml "a = foo").Error }}
{{ (fromToml "a = 1\na = 2").Error }}
{{ (fromToml "[a]\n[a]").Error }}
{{ (fromToml "a = 1\n[[a]]").Error }}
{{ (fromToml "a = \"\\q\"").Error }}
{{ (fromToml "a = \"\\x4g\"").Error }}
{{ (fromToml "a = \"\\ud800\"").Error }}
{{ (fromToml "a.b = 1\na.c = 2\n[a]").Error }}
{{ (fromToml "[x]\na = \"a\nb\"").Error }}
{{ (fromToml "a = 1 # ok\nb = {x = 1, $}").Error }}
{{ (fromToml "[a]\nb.c.d = @\n").Error }}
{{ (fromToml "= 1").Error }}
{{ (fromToml ".a = 1").Error }}
{{ (fromToml "a. = 1").Error }}
{{ (fromToml "a..b = 1").Error }}
{{ (fromToml "[]").Error }}
{{ (fromToml "[.a]").Error }}
{{ (fromToml "[a.]").Error }}
{{ (fromToml "a = .5").Error }}
{{ (fromToml "a = +").Error }}
{{ (fromToml "a = +0x1").Error }}
{{ (fromToml "a = -i").Error }}
{{ (fromToml "a = 0x").Error }}
{{ (fromToml "a = 0b2").Error }}
{{ (fromToml "a = [1,2").Error }}
{{ (fromToml "a = {").Error }}
{{ (fromToml "a = \"a\\").Error }}
{{ (fromToml "a = 'x").Error }}
{{ (fromToml "a = \"\"\"x").Error }}
{{ (fromToml "a = '''x").Error }}
{{ (fromToml "a = \"\"\"a\"\"\"\"\"\"").Error }}
{{ (fromToml "a = 1\n\n\nb = @").Error }}
{{ (fromToml "a = 1\nb = \"\\u00\"").Error }}
{{ (fromToml "a = 1979-05-27T25:00:00Z").Error }}
{{ (fromToml "a = 1979-05-27T07:32:00.1234567891Z").Error }}
{{ (fromToml "a = 24:00:00").Error }}
{{ (fromToml "a = 7:32:00").Error }}
{{ (fromToml "a = 1979-5-27").Error }}
{{ (fromToml "a = 1\nb\n").Error }}
{{ (fromToml "a = 1\n[[b]]\n[b]").Error }}
{{ (fromToml "[a]\nx=1\n[a.x]").Error }}
{{ (fromToml "a = [1]\n[a.b]").Error }}
{{ (fromToml "a = {x=1}\n[a]").Error }}
{{ (fromToml "a = {x = 1, x = 2}").Error }}
{{ (fromToml "a.b = 1\na.b.c = 2").Error }}
{{ (fromToml "a = 1 b = 2").Error }}
{{ (fromToml "a = truee").Error }}
{{ (fromToml "a = True").Error }}
{{ (fromToml "a = nul").Error }}
{{ (fromToml "a = \"x\"\u0001").Error }}
{{ (fromToml "# c \u0007\na = 1").Error }}
{{ (fromToml "a = 1\r").Error }}
{{ (fromToml "a = 1\n[a b]").Error }}
{{ (fromToml "a = \"\\U00110000\"").Error }}
{{ (fromToml "a = 1_").Error }}
{{ (fromToml "a = _1").Error }}
{{ (fromToml "a = 1.e5").Error }}
{{ (fromToml "a = 1e_5").Error }}
{{ (fromToml "a = 00.5").Error }}
{{ (fromToml "a = -01").Error }}
