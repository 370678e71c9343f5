---
{{ with .Files.Get "nope" }}has{{ else }}empty{{ end }} {{ with .Files }}files{{ else }}nofiles{{ end }}
