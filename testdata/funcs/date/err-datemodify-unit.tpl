---
{{ mustDateModify "1d" (toDate "2006" "2024") }}
