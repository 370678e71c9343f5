---
{{ true }} {{ false }} {{ . | typeOf }}
