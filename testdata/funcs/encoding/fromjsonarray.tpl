---
{{ fromJsonArray "[1, \"a\", null, [2], {\"k\": \"v\"}]" }}
{{ printf "%T" (fromJsonArray "[]") }} {{ fromJsonArray "[]" }} {{ len (fromJsonArray "[]") }}
{{ fromJsonArray "{}" }}
{{ fromJsonArray "\"x\"" }}
{{ fromJsonArray "1" }}
{{ fromJsonArray "false" }}
{{ fromJsonArray "null" }}|{{ len (fromJsonArray "null") }}
{{ fromJsonArray "[1, 1e400, 2]" }}
{{ fromJsonArray "[1," }}
{{ printf "%T" (index (fromJsonArray "[1,]") 0) }}
{{ toJson (fromJsonArray "[{\"a\": [1, {}]}, []]") }}
