---
[{{ toToml "x" }}][{{ toToml 1 }}][{{ toToml 2.5 }}][{{ toToml true }}][{{ toToml "a\"b" }}]
[{{ toToml .Values }}]
