---
{{ toToml (fromJson (printf "{\"s\": \"%c%c%c%c%c%c%c%c\", \"k%c\": 1}" 0 1 8 9 12 13 31 127 1)) }}