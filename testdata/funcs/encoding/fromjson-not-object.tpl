---
{{ fromJson "[1, 2]" }}
{{ fromJson "\"x\"" }}
{{ fromJson "12" }}
{{ fromJson "true" }}
{{ fromJson "null" }}|{{ printf "%T" (fromJson "null") }}|{{ len (fromJson "null") }}
{{ (fromJson "[1]").Error }}
