---
{{ (fromJson (printf "\"a%cb\"" 10)).Error }}
{{ (fromJson (printf "\"a%cb\"" 9)).Error }}
{{ (fromJson (printf "%c" 1)).Error }}
{{ (fromJson (printf "[1,%c2]" 10)).a }}|{{ fromJson (printf "{%c\"a\"%c:%c1}" 9 13 10) }}
