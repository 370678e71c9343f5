---
[{{ getHostByName "example.com" }}]
