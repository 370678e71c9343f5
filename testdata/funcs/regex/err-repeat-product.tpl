---
{{ regexReplaceAll "(x{500}){3}" "x" "" }}
