---
{{ fromJson nil }}
