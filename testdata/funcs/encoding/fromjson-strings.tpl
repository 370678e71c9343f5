---
{{ $m := fromJson "{\"s\": \"\\ud83d\\ude00|\\ud800x|\\udc00|\\ud800\\ud800|\\u00e9|\\/|\\b\\f\\n\\r\\t|\\u0000|\\\"\\\\|\\u2028\\u003c\"}" }}{{ $m.s | printf "%q" }}
{{ toJson $m }}
{{ toRawJson $m }}
