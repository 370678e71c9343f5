---
{{ repeat 3 "ab" }} {{ repeat 2.0 "x" }} {{ repeat 0x2 "y" }} {{ repeat 'b' "" | len }}
