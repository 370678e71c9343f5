---
{{ split "," "a,b,,c" }} {{ split "," "" }} {{ split "" "abc" }} {{ (split "/" "foo/bar")._1 }} {{ split "," "a" | typeOf }} {{ index (split "," "x,y") "_0" }}
{{ splitList "," "a,b,,c" }} {{ splitList "" "héllo" }} {{ splitList "," "" | len }} {{ splitList "x" "abc" }} {{ splitList "," "a" | typeOf }} {{ splitList "" "" | len }}
{{ splitn "," 2 "a,b,c" }} {{ splitn "," 0 "a,b" }} {{ splitn "," -1 "a,b,c" }} {{ splitn "" 3 "abcde" }} {{ splitn "," 9 "a,b" }}
