---
{{ semver "1.2.3" }} {{ semver "v1.2" }} {{ semver "1" }} {{ semver "01.002.3" }} {{ semver "1.2.3-rc.1+build.5" }} {{ semver "v0.0.0-0" }}
{{ $v := semver "v1.2.3-beta.1+meta" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v.String }}
{{ printf "%T %T %v %+v %s" $v $v.Major $v $v $v }}
{{ $v.IncPatch }} {{ $v.IncMinor }} {{ $v.IncMajor }} {{ printf "%T" $v.IncMajor }} {{ (semver "1.2.3").IncPatch }} {{ (semver "v1.2.3").IncPatch.String }}
{{ $v.SetPrerelease "rc.2" }} {{ $v.SetMetadata "" }} {{ $v.SetPrerelease "" }}
{{ $v.Compare (semver "1.2.3") }} {{ (semver "1.2.3").Compare $v }} {{ $v.Compare $v }} {{ (semver "1.2.3+a").Compare (semver "1.2.3+b") }}
{{ $v.LessThan (semver "1.2.3") }} {{ $v.GreaterThan (semver "1.2.3-alpha") }} {{ $v.LessThanEqual $v }} {{ $v.GreaterThanEqual (semver "2") }} {{ $v.Equal (semver "1.2.3-beta.1") }} {{ $v.Equal nil }}
{{ (semver "1.2.3-beta.2").LessThan (semver "1.2.3-beta.11") }} {{ (semver "1.2.3-alpha.beta").LessThan (semver "1.2.3-alpha.1") }} {{ (semver "1.2.3-a").LessThan (semver "1.2.3-a.0") }} {{ (semver "1.2.3-A").LessThan (semver "1.2.3-a") }}
{{ $v.Value }} {{ $v.MarshalJSON }} {{ printf "%s" $v.MarshalText }}
{{ if semver "1.0.0" }}truthy{{ end }}
