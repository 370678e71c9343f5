---
{{ (fromJson "").Error }}
{{ (fromJson " ").Error }}
{{ (fromJson "{").Error }}
{{ (fromJson "[").Error }}
{{ (fromJson "tru").Error }}
{{ (fromJson "nul").Error }}
{{ (fromJson "-").Error }}
{{ (fromJson "1.").Error }}
{{ (fromJson "1e").Error }}
{{ (fromJson "1e+").Error }}
{{ (fromJson "01").Error }}
{{ (fromJson "1 a").Error }}
{{ (fromJson "{\"a\" 1}").Error }}
{{ (fromJson "{\"a\":1,}").Error }}
{{ (fromJson "[1,]").Error }}
{{ (fromJson "[1 2]").Error }}
{{ (fromJson "{1:2}").Error }}
{{ (fromJson "{\"a\":1 \"b\":2}").Error }}
{{ (fromJson "'x'").Error }}
{{ (fromJson "\"a\\x\"").Error }}
{{ (fromJson "\"\\u12g4\"").Error }}
{{ (fromJson "{\"a\":1}}").Error }}
{{ (fromJson "[1]]").Error }}
{{ (fromJson "{\"a\":}").Error }}
{{ (fromJson ".5").Error }}
{{ (fromJson "+1").Error }}
{{ (fromJson "-a").Error }}
{{ (fromJson "\"abc").Error }}
{{ (fromJson "NaN").Error }}
{{ (fromJson "Infinity").Error }}
{{ (fromJson "{\"a\":[1,{\"b\":2]}").Error }}
{{ (fromJson "é").Error }}
{{ (fromJson "").Error }}
{{ (fromJson "[ ]").Error }}
