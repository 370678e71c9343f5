---
{{ mustToDate "Jan 2006" "Foo 2024" }}
