---
{{ repeat (int64 2) "x" }}
