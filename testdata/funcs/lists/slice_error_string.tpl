---
{{ slice "abc" 1 }}
