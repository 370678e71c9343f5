---
{{ mustRegexMatch "\\p{Old_Italic}" "x" }}
