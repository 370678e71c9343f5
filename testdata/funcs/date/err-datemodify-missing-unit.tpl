---
{{ mustDateModify "10" (toDate "2006" "2024") }}
