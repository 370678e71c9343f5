---
{{ chunk 2 "ab" }}
