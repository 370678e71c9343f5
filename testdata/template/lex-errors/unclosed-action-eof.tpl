---
text {{