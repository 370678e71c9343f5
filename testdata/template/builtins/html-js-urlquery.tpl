---
{{ html "<a href='x'>&\"</a>" }} {{ js "it's \"x\" <b> & = \\ \n é" }} {{ urlquery "a b&c=d/é" }} {{ html 1 "<" }} {{ html nil }} {{ urlquery }}
