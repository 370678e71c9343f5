---
{{ without 1 1 }}
