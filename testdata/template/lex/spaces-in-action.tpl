---
{{   "x"   |   printf   "%s!"   }}
