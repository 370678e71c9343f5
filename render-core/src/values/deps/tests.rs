use super::*;

fn chart(name: &str, version: &str) -> Chart {
    let mut c = Chart::default();
    c.metadata.name = name.to_string();
    c.metadata.version = version.to_string();
    c
}

fn dep(name: &str, version: &str) -> Dependency {
    Dependency {
        name: name.to_string(),
        version: version.to_string(),
        ..Dependency::default()
    }
}

// Declared names are matched by chart name, whatever the version (Helm's CheckDependencies);
// the text is what `helm template` prints (pkg/cmd/install.go wraps the action's error).
#[test]
fn missing_dependencies_are_listed() {
    let mut c = chart("top", "1.0.0");
    c.metadata.dependencies = vec![dep("a", "9.9.9"), dep("b", "1.0.0"), dep("c", "")];
    c.dependencies = vec![chart("a", "1.0.0")];
    assert_eq!(
        check_dependencies(&c),
        Err("an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: b, c".to_string())
    );
    c.metadata.dependencies.truncate(1);
    assert_eq!(check_dependencies(&c), Ok(()));
}

// expected values from helm-oracle (testdata/charts/version-mismatch and alias: which
// vendored charts a declaration takes).
#[test]
fn constraints_decide_which_chart_is_taken() {
    assert!(!is_compatible_range("^2.0.0", "1.4.0"));
    assert!(is_compatible_range("~1.2.0", "1.2.3"));
    assert!(!is_compatible_range("", "0.1.0"));
    assert!(is_compatible_range("1.x", "1.0.0"));
    assert!(is_compatible_range(">=1.0.0", "1.0.0"));
    assert!(!is_compatible_range("2.0.0", "1.0.0"));
    assert!(!is_compatible_range("1.0.0", "not-a-version"));
}

#[test]
fn aliases_copy_the_first_matching_chart() {
    let loaded = vec![chart("multi", "1.0.0"), chart("multi", "2.0.0")];
    let mut d = dep("multi", "2.0.0");
    d.alias = "m2".to_string();
    let got = alias_dependency(&loaded, &d).map(|c| (c.metadata.name, c.metadata.version));
    assert_eq!(got, Some(("m2".to_string(), "2.0.0".to_string())));
    assert!(alias_dependency(&loaded, &dep("multi", "3.0.0")).is_none());
}

#[test]
fn import_paths_nest_tables() {
    let data = Map::from_entries(MapType::Any, [(Str::from("k"), Value::int64(1))]);
    let nested = path_to_map("a.b", data.clone());
    let got = render_go::json::encode(&Value::Map(nested), false);
    assert_eq!(got.as_deref(), Ok(r#"{"a":{"b":{"k":1}}}"#));
    assert!(path_to_map(".", data.clone()).ptr_eq(&data));
}

// Go's slog text quoting, as seen in helm-oracle's stderr.
#[test]
fn warnings_quote_like_slog() {
    assert_eq!(
        slog_warn(
            "returned non-bool value",
            &[("path", "e.enabled"), ("chart", "e")]
        ),
        "level=WARN msg=\"returned non-bool value\" path=e.enabled chart=e"
    );
    assert_eq!(
        slog_warn(
            "ImportValues missing table",
            &[("error", "\"nope\" is not a table")]
        ),
        r#"level=WARN msg="ImportValues missing table" error="\"nope\" is not a table""#
    );
    assert_eq!(slog_warn("m", &[("k", "")]), r#"level=WARN msg=m k="""#);
}
