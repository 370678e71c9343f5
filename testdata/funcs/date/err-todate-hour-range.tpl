---
{{ mustToDate "15:04" "25:00" }}
