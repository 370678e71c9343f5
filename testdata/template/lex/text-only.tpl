---
plain text, no actions
second line
