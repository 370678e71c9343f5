---
{{ replace "a" "b" "banana" }}|{{ replace "" "-" "abc" }}|{{ replace "an" "" "banana" }}|{{ "aaa" | replace "a" "bb" }}|{{ replace "x" "y" "" | quote }}
