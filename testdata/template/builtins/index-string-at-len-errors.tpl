---
{{ index "abc" 3 }}
