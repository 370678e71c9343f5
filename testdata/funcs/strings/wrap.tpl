---
wrap: {{ wrap 5 "hello world foo bar" }}|{{ wrap 0 "a b c" }}|{{ wrap 3 "abcdefgh ij" }}|{{ wrap 80 "" | quote }}|{{ wrap 2 "  a  b  " }}
wrapWith: {{ wrapWith 5 "<br>" "hello world foo" }}|{{ wrapWith 3 "" "abcdefgh ij" }}|{{ wrapWith -1 "|" "ab cd" }}|{{ wrapWith 1 "" "a  b   c" }}
