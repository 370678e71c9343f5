---
{{ $nope }}
