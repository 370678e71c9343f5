---
{{ regexFindAll "b" "abc" -1 | toJson }} {{ regexFindAll "x" "abc" -1 | typeOf }} {{ regexFindAll "x" "abc" -1 | len }}
{{ toDate "2006-01-02 15:04:05.999" "2024-03-05 10:11:12.5" | toJson }} {{ toDate "2006-01-02T15:04:05Z07:00" "2024-03-05T10:11:12+02:00" | toJson }}
{{ semver "v1.2.3-rc.1+b" | toJson }} {{ (semver "1.2.3").IncMajor | toJson }}
{{ typeOf (semver "1") }} {{ kindOf (semver "1") }} {{ typeOf ((semver "1").IncMinor) }} {{ kindOf ((semver "1").IncMinor) }} {{ typeOf now }} {{ kindOf now }} {{ typeOf (genCA "x" 1) }} {{ kindOf (genCA "x" 1) }}
{{ toDate "2006" "2024" | toYaml }}{{ dict "t" (toDate "2006" "2024") "v" (semver "1.2") | toJson }}
{{ $c := genCA "x" 1 }}{{ $j := $c | toJson | fromJson }}{{ keys $j | sortAlpha }} {{ eq $j.Cert $c.Cert }}
{{ durationRound (int64 1000000001) }} {{ duration (int64 95) }} {{ date "2006" (int64 1700000000) }} {{ ago (int64 0) | regexReplaceAll "[0-9]+" "N" }} {{ date "2006-01-02" (int 86400) }}
