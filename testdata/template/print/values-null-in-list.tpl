---
{{ list 1 nil "a" }} {{ dict "k" nil }}
