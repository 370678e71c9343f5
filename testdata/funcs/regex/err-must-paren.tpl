---
{{ mustRegexFind "(" "x" }}
