---
{{ false | and true }} {{ true | and false }} {{ true | or false }} {{ false | or 0 }}
