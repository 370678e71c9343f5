{"u": "https://user:pa%20ss@example.com:8443/a/b%2Fc?x=1&y=%20#frag%21"}
---
{{ urlParse .Values.u }}
{{ urlParse "http://[::1]:80/a%2fb?x=1#f%20g" }}
{{ urlParse "mailto:joe@example.com?subject=hi" }}
{{ urlParse "" }}
{{ urlParse "/rel/path?q" }} {{ urlParse "rel/path" }} {{ urlParse "//h/p" }} {{ urlParse "///p" }} {{ urlParse "HTTP://H/%7e" }} {{ urlParse "*" }}
{{ urlParse "http://u@p@h/" }} {{ urlParse "http://x]:80/" }} {{ urlParse "http://h:/" }} {{ urlParse "http://h/?" }} {{ urlParse "http://h#" }} {{ urlParse "http://[fe80::1%25en0]:8/" }} {{ urlParse "http://[::ffff:1.2.3.4]/" }} {{ urlParse "http://h/p#a#b" }}
{{ (urlParse .Values.u).hostname }} {{ urlParse "x" | typeOf }}
