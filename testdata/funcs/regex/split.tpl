{"s": "a1b22c333d"}
---
{{ regexSplit "[0-9]+" .Values.s -1 }} {{ len (regexSplit "[0-9]+" .Values.s -1) }}
{{ regexSplit "[0-9]+" .Values.s 2 }}
{{ regexSplit "[0-9]+" .Values.s 0 }} {{ len (regexSplit "[0-9]+" .Values.s 0) }}
{{ regexSplit "a*" "abaabaccadaaae" 5 }}
{{ regexSplit "" "abc" -1 }}
{{ regexSplit "x" "" -1 }} {{ len (regexSplit "x" "" -1) }}
{{ regexSplit "" "" -1 }} {{ len (regexSplit "" "" -1) }}
{{ regexSplit "," "a,b,,c," -1 }} {{ len (regexSplit "," "a,b,,c," -1) }}
{{ mustRegexSplit "\\s+" " lead trail " -1 }} {{ len (mustRegexSplit "\\s+" " lead trail " -1) }}
{{ regexSplit "[0-9]+" .Values.s 1 }}
{{ regexSplit "[0-9]+" .Values.s 1 | printf "%T" }}
