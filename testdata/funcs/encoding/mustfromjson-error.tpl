---
{{ mustFromJson "{\"a\":" }}
