---
{{ mustDeepCopy nil }}
