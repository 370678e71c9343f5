---
base: {{ base "/a/b.txt" }} {{ base "" }} {{ base "/" }} {{ base "a/b/" }} {{ base "héllo/wörld" }} {{ base "//" }}
dir: {{ dir "/a/b/c" }} {{ dir "a" }} {{ dir "" }} {{ dir "/" }} {{ dir "a/b/" }} {{ dir "//a" }}
clean: {{ clean "a//b/../c/." }} {{ clean "" }} {{ clean "/../x" }} {{ clean "../../a/../b" }} {{ clean "a/.." }} {{ clean "./" }} {{ clean "/a/b/../../.." }}
ext: {{ ext "a.tar.gz" }} {{ ext "a" | quote }} {{ ext "a.b/c" | quote }} {{ ext ".x" }} {{ ext "a." }}
isAbs: {{ isAbs "/a" }} {{ isAbs "a" }} {{ isAbs "" }}
