---
{{ $m := fromToml "a = nan\nb = inf\nc = -inf\nd = [1.0, nan]" }}[{{ toJson $m.a }}][{{ toJson $m }}][{{ toPrettyJson $m.b }}][{{ toJson $m.d }}]
