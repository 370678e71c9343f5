---
{{ regexQuoteMeta "1.2.3+build*[x]{y}(z)|a^b$c?\\d" }}
{{ regexQuoteMeta "plain" }}
{{ regexMatch (regexQuoteMeta "a.b") "axb" }}
