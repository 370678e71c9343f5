---
{{ range list 1 2 3 4 }}{{ if eq . 1 }}one{{ else if eq . 2 }}two{{ else if eq . 3 }}three{{ else }}other{{ end }} {{ end }}
