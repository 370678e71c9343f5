---
{{- /* "\x.." escapes in template strings are raw bytes, not characters */}}
b64: {{ "\xff\xe2\x82" | b64enc }}|{{ "a\xc3\xa9b" | b64enc }}
len: {{ len "\xff\xe2\x82" }}|{{ "\xff" | len }}
quote: {{ "a\xffb" | quote }}|{{ printf "%q %x %+q" "\xe2\x82" "\xe2\x82" "é\xff" }}
json: {{ "\xe2\x82z" | toJson }}|{{ list "\xff" | toYaml | b64enc }}
upper: {{ "\xffa" | upper | b64enc }}|{{ "\xffé" | title | b64enc }}
cut: {{ "\xe2\x82\xacx" | trunc 1 | b64enc }}|{{ "\xe2\x82" | cat "y" | b64enc }}
rune loops: {{ "\xffab cd" | swapcase | b64enc }}|{{ "\xffAB CD" | untitle | b64enc }}|{{ "x\xff" | title | b64enc }}
