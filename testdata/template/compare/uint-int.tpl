---
{{ eq (index "a" 0) 97 }} {{ lt (index "a" 0) 100 }} {{ gt 100 (index "a" 0) }}
