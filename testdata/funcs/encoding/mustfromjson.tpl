---
{{ mustFromJson "{\"a\": [1, {\"b\": null}]}" }}
{{ mustFromJson "[1, \"x\"]" }}|{{ printf "%T" (mustFromJson "[1]") }}
{{ mustFromJson "\"s\"" }}|{{ printf "%T" (mustFromJson "\"s\"") }}
{{ mustFromJson "2.5" }}|{{ printf "%T" (mustFromJson "2") }}
{{ mustFromJson "null" }}|{{ printf "%T" (mustFromJson "null") }}
{{ mustFromJson "true" }}
