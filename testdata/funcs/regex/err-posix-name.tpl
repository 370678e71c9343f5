---
{{ mustRegexMatch "[[:foo:]]" "x" }}
