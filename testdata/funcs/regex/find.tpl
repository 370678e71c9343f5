{"s": "abc123def456"}
---
[{{ regexFind "[0-9]+" .Values.s }}] [{{ regexFind "x" .Values.s }}] [{{ mustRegexFind "[a-z]+$" .Values.s }}]
{{ regexFindAll "[0-9]+" .Values.s -1 }} {{ regexFindAll "[0-9]" .Values.s 2 }} {{ regexFindAll "[0-9]" .Values.s 0 }} {{ regexFindAll "x" .Values.s -1 }}
{{ regexFindAll "a*" "baaab" -1 }} {{ len (regexFindAll "a*" "baaab" -1) }} {{ regexFindAll "" "héllo" -1 }} {{ len (regexFindAll "" "héllo" -1) }}
{{ mustRegexFindAll "\\b\\w" "one two  three" 10 }} {{ regexFindAll "(?U)a+" "aaa" -1 }} {{ regexFindAll "(?U)a+?" "aaa" -1 }} {{ regexFindAll "a|ab" "abab" -1 }}
{{ regexFindAll "[[:upper:]][[:lower:]]*" "HelloWorldFOO" -1 | printf "%T" }} {{ regexFindAll "(?i)ß" "SS ß ẞ" -1 }} {{ regexFindAll "\\x{D800}|b" "abc" -1 }}
