s: "w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd w\u00f6rd"
---
{{ toYaml .Values }}
~~~
{{ toYamlPretty .Values }}
