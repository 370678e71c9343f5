---
{{- define "mask" }}{{ regexReplaceAll "[0-9]+" (printf "%v" .) "N" }}{{ end -}}
{{ include "mask" now }}
{{ include "mask" now.UTC }}|{{ include "mask" now.Local }}|{{ include "mask" (now.Round 1000000000) }}|{{ include "mask" (now.Add 5) }}
{{ include "mask" (dateModify "1h" now) }}|{{ include "mask" (mustDateModify "-1h" now) }}
{{ ago now }}|{{ durationRound now }}|{{ include "mask" (ago 0) }}|{{ include "mask" (ago (toDate "2006" "2001")) }}|{{ include "mask" (ago 1.5) }}|{{ include "mask" (ago "x") }}
{{ include "mask" (now | date "2006-01-02 15:04:05 MST") }}|{{ include "mask" (htmlDate now) }}|{{ include "mask" (date "2006" 1.5) }}|{{ include "mask" (htmlDateInZone "x" "UTC") }}
{{ include "mask" (now | unixEpoch) }}|{{ include "mask" now.Unix }}|{{ printf "%T" now }}|{{ now.IsZero }}|{{ now.Equal now }}|{{ (now.Sub now) | printf "%T" }}
{{ include "mask" (durationRound (toDate "2006" "2001")) }}|{{ include "mask" (now.Sub (toDate "2006" "2001")) }}
