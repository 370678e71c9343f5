---
{{ $s := printf "%c%c%c%c%c%c%c%c%c|%c%c" 0 1 8 9 10 12 13 31 127 0x2028 0xfeff }}{{ toJson $s }}
{{ toRawJson $s }}
{{ toPrettyJson (fromJson (printf "{\"k%c\": \"v\"}" 0x7f)) }}
