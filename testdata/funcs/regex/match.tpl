{"s": "hello-123", "n": 3}
---
{{ regexMatch "^[a-z]+-\\d+$" .Values.s }}
{{ regexMatch "^\\w+$" .Values.s }}
{{ regexMatch "(" "x" }}
{{ mustRegexMatch "l+" "hello" }}
{{ regexMatch "\\d" "\u0663" }} {{ regexMatch "\\s" "\v" }} {{ regexMatch "\\bfoo\\b" "a foo b" }} {{ regexMatch "\\bé" "é" }}
{{ regexMatch "(?i)HELLO" .Values.s }} {{ regexMatch "(?i)\\w" "\u212a" }} {{ regexMatch "(?i)\\W" "\u212a" }} {{ regexMatch "(?i)[k]" "\u212a" }}
{{ regexMatch "(?s)a.b" "a\nb" }} {{ regexMatch "a.b" "a\nb" }} {{ regexMatch "(?m)^b$" "a\nb\nc" }} {{ regexMatch "^b$" "a\nb\nc" }}
{{ regexMatch "\\p{Greek}" "α" }} {{ regexMatch "\\p{Letter}" "a" }} {{ regexMatch "\\PL" "a" }} {{ regexMatch "\\p{^Lu}" "a" }} {{ regexMatch "[[:^alpha:]]" "a" }}
{{ regexMatch "\\Qa.b\\E+" "a.bb" }} {{ regexMatch "^*a" "a" }} {{ regexMatch "(?)a" "a" }} {{ regexMatch "\\x41\\101\\x{42}" "AAB" }} {{ regexMatch "\\<" "<" }}
{{ regexMatch "(?P<1a>x)(?<b>y)" "xy" }} {{ regexMatch "x{,2}" "x{,2}" }} {{ regexMatch "a{01}" "a{01}" }} {{ regexMatch "[]a]" "]" }} {{ regexMatch "[^]a]" "]" }}
{{ regexMatch "[a-]" "-" }} {{ regexMatch "\\p{Assigned}" "a" }} {{ regexMatch "\\pN" "5" }} {{ regexMatch "[\\d\\-z]" "-" }} {{ regexMatch "\\z" "" }}
