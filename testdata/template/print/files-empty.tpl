---
{{ .Files }} {{ len .Files }} [{{ .Files.Get "nope" }}] {{ .Files.GetBytes "nope" }} {{ .Files.Glob "*" }} {{ .Files.Lines "nope" }}
