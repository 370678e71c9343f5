---
{{ mustToDate "2006\"01" "x\ty" }}
