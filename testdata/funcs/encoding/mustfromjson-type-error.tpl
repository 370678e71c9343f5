---
{{ mustFromJson "[1e999]" }}
