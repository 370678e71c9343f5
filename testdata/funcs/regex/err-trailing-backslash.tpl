---
{{ mustRegexMatch "\\" "x" }}
