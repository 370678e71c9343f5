{"s": "foo-bar_baz"}
---
{{ regexReplaceAll "[-_]" .Values.s "." }}
{{ regexReplaceAll "(\\w+)-(\\w+)" .Values.s "$2+$1" }}
{{ regexReplaceAll "(\\w+)-(\\w+)" .Values.s "${2}x$1x" }}
{{ regexReplaceAll "(?P<first>[a-z]+)-" .Values.s "<$first>" }}
{{ regexReplaceAll "(?P<first>[a-z]+)-" .Values.s "<${first}>$$ $ ${ $9 $0 $01 ${1" }}
{{ regexReplaceAll "a*" "baaab" "<$0>" }}
{{ regexReplaceAll "" "abc" "-" }}
{{ regexReplaceAll "x*" "héllo" "-" }}
{{ regexReplaceAllLiteral "(o)" .Values.s "[$1]" }}
{{ mustRegexReplaceAll "o+" .Values.s "0" }} {{ mustRegexReplaceAllLiteral "o+" .Values.s "$0" }}
{{ regexReplaceAll "(a)|b" "ab" "[$1]" }}
{{ regexReplaceAll "(?i)FOO" .Values.s "X" }}
{{ regexReplaceAll "é" "éaé" "e" }}
{{ regexReplaceAll "\\b" "ab cd" "|" }}
