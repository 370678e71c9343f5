---
a<no value>b {{ "<no value>" }} {{ print nil }}
