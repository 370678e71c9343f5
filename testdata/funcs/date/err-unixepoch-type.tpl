---
{{ unixEpoch 1700000000 }}
