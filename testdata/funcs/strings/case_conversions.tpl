{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
snakecase: {{ snakecase "FirstName" }} {{ snakecase "HTTPServer" }} {{ snakecase "GO PATH" }} {{ snakecase "a-b_c d" }} {{ snakecase "x1y2" }} {{ snakecase "ÀbcDéf" }} {{ snakecase "a.b,c" }} {{ snakecase "__a__" }} {{ snakecase "漢字Abc" }} {{ snakecase "HTTP20xOK" }} {{ snakecase "Duration2m3s" }}
camelcase: {{ camelcase "http_server" }} {{ camelcase "some words" }} {{ camelcase "a-b-c" }} {{ camelcase "fooBar" }} {{ camelcase "GOLANG_IS_GREAT" }} {{ camelcase "ébc_déf" }} {{ camelcase "_complex__case_" }} {{ camelcase "_" }} {{ camelcase "" | quote }}
kebabcase: {{ kebabcase "FirstName" }} {{ kebabcase "HTTP20xOK" }} {{ kebabcase "Some Words_here" }} {{ kebabcase "Bld4Floor3rd" }} {{ kebabcase .Values.s }}
