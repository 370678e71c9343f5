---
{{ b64enc "" }} {{ b32enc "" }} {{ b64enc "" | b64dec }} {{ b32enc "" | b32dec }}
{{ b64enc "f" }} {{ b32enc "f" }} {{ b64enc "f" | b64dec }} {{ b32enc "f" | b32dec }}
{{ b64enc "fo" }} {{ b32enc "fo" }} {{ b64enc "fo" | b64dec }} {{ b32enc "fo" | b32dec }}
{{ b64enc "foo" }} {{ b32enc "foo" }} {{ b64enc "foo" | b64dec }} {{ b32enc "foo" | b32dec }}
{{ b64enc "foob" }} {{ b32enc "foob" }} {{ b64enc "foob" | b64dec }} {{ b32enc "foob" | b32dec }}
{{ b64enc "fooba" }} {{ b32enc "fooba" }} {{ b64enc "fooba" | b64dec }} {{ b32enc "fooba" | b32dec }}
{{ b64enc "foobar" }} {{ b32enc "foobar" }} {{ b64enc "foobar" | b64dec }} {{ b32enc "foobar" | b32dec }}
{{ b64enc "é😀" }} {{ b32enc "é😀" }} {{ b64enc "é😀" | b64dec }} {{ b32enc "é😀" | b32dec }}
{{ b64enc "a\nb" }} {{ b32enc "a\nb" }} {{ b64enc "a\nb" | b64dec }} {{ b32enc "a\nb" | b32dec }}
{{ b64enc "<>&?" }} {{ b32enc "<>&?" }} {{ b64enc "<>&?" | b64dec }} {{ b32enc "<>&?" | b32dec }}
{{ b64enc "ÿþ" }} {{ b32enc "ÿþ" }} {{ b64enc "ÿþ" | b64dec }} {{ b32enc "ÿþ" | b32dec }}
