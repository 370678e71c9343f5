{"s": "Hello World", "u": "h\u00e9llo w\u00f6rld", "n": 3, "f": 2.5, "e": "", "l": ["b", "a", 3], "m": {"a": 1, "b": "x"}}
---
upper: {{ upper "héllo ß ǆ ﬀ ᾀ" }} {{ upper .Values.u }}
lower: {{ lower "HÉLLO İ Σ ǅ" }} {{ lower .Values.s }}
title: {{ title "hello wörld o'neil x_y 3d ǆa ა" }} {{ title .Values.u }}
untitle: {{ untitle "Hello WORLD  Foo" }} {{ untitle "" | quote }}
swapcase: {{ swapcase "Hello World ǅx 123 éÉ" }} {{ swapcase .Values.s }}
