---
{{ print 1 "a" 2.5 true nil (list 1) }}|{{ print "" "" }}|{{ println 1 "a" }}
