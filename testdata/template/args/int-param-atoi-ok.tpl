---
{{ repeat (atoi "2") "x" }} {{ repeat (int 2) "y" }} {{ repeat (len "ab") "z" }}
