---
{{ repeat 3 "ab" }}|{{ repeat 0 "x" }}|{{ repeat 2 "" }}|{{ "é" | repeat 2 }}
