---
a{{/* a comment
 spanning lines */}}b
