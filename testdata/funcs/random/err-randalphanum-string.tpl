---
{{ randAlphaNum "3" }}
