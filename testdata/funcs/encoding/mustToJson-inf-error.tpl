---
{{ mustToJson (fromToml "a = -inf") }}
