---
{{ $b := .Files.GetBytes "x" }}{{ printf "%v|%s|%x|%q|%d" $b $b $b $b $b }}
