---
{{ mustDateModify "-" (toDate "2006" "2024") }}
