---
{{ sha1sum nil }}
