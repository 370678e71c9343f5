---
{{ randInt 5 3 }}
