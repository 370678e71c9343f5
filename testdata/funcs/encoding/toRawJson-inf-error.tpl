---
{{ toRawJson (fromToml "a = inf").a }}
