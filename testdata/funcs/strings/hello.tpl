---
{{ hello }} {{ hello | typeOf }}
