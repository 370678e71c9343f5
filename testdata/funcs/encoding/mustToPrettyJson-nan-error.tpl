---
{{ mustToPrettyJson (fromToml "a = [nan]") }}
