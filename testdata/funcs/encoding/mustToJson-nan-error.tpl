---
{{ mustToJson (fromToml "a = nan").a }}
