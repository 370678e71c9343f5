{"ts": 1700000000}
---
{{ $t := toDate "2006-01-02 15:04:05.000000000" "2009-11-10 23:00:07.012345678" }}
{{ $t }}
{{ $t.Format "Mon Jan _2 15:04:05 2006" }}|{{ $t.Format "Mon Jan _2 15:04:05 MST 2006" }}|{{ $t.Format "Mon Jan 02 15:04:05 -0700 2006" }}
{{ $t.Format "02 Jan 06 15:04 MST" }}|{{ $t.Format "02 Jan 06 15:04 -0700" }}|{{ $t.Format "Monday, 02-Jan-06 15:04:05 MST" }}
{{ $t.Format "Mon, 02 Jan 2006 15:04:05 MST" }}|{{ $t.Format "2006-01-02T15:04:05Z07:00" }}|{{ $t.Format "2006-01-02T15:04:05.999999999Z07:00" }}|{{ $t.Format "3:04PM" }}
{{ $t.Format "Jan _2 15:04:05.000" }}|{{ $t.Format "Jan _2 15:04:05.000000" }}|{{ $t.Format "15:04:05,999" }}|{{ $t.Format ".9 .99 .0 ,00" }}
{{ $t.Format "January Monday Jan Mon 1 01 2 _2 02 __2 002 15 3 03 4 04 5 05 2006 06 PM pm" }}
{{ $t.Format "Z0700 Z07:00 Z07 Z070000 Z07:00:00 -0700 -07:00 -07 -070000 -07:00:00 MST" }}
{{ $t.Format "Janet Month Mondays _2006 x2006y 1st" }}
{{ $t.Format "" }}|{{ $t.Format "no elements here" }}
{{ date "2006-01-02 15:04:05 MST" 0 }}|{{ date "2006" (toDate "2006" "2023").Unix }}
{{ dateInZone "2006-01-02 15:04:05 MST -07:00" (toDate "2006-01-02" "2024-07-04") "America/New_York" }}
{{ dateInZone "2006-01-02 15:04:05 MST -07:00" (toDate "2006-01-02" "2024-01-04") "America/New_York" }}
{{ dateInZone "2006-01-02 15:04:05 MST" (toDate "2006-01-02" "2024-07-04") "Asia/Kolkata" }}|{{ dateInZone "15:04 MST" (toDate "2006-01-02" "2024-07-04") "Australia/Sydney" }}
{{ dateInZone "15:04 MST" (toDate "2006-01-02" "2024-07-04") "No/Such_Zone" }}|{{ dateInZone "15:04 MST" (toDate "2006-01-02" "2024-07-04") "" }}|{{ dateInZone "15:04 MST" (toDate "2006-01-02" "2024-07-04") "Local" }}
{{ date_in_zone "15:04 MST" (toDate "2006-01-02" "2024-07-04") "America/Sao_Paulo" }}|{{ htmlDateInZone (toDate "2006-01-02 15" "2024-07-04 23") "Asia/Tokyo" }}|{{ htmlDate (toDate "2006-01-02" "2024-07-04") }}
{{ (toDate "2006-01-02" "2024-02-29").Format "__2 002 Monday" }} {{ (toDate "2006-01-02" "2024-12-31").Format "__2 002" }}
{{ (toDate "2006" "0005").Format "2006 06" }}|{{ date "2006-01-02 15:04:05" 253402300799 }}|{{ date "2006-01-02" -62135596800 }}
