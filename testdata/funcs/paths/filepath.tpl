---
{{ osBase "/a/b.txt" }} {{ osDir "/a/b/c" }} {{ osClean "a//b/../c" }} {{ osExt "x.yaml" }} {{ osIsAbs "/x" }} {{ osIsAbs "x" }} {{ osBase "" }} {{ osDir "" }} {{ osClean "../a/" }}
