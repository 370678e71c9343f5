---
{{ printf "%s|%q|%v|%x|%X|% x|%10s|%-10s|%.2s|%5.1s|%#q|%+q" "hi" "hi" "hi" "hi" "hi" "hi" "hi" "hi" "hello" "hello" "back" "é" }}
