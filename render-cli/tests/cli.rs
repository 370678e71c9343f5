//! The `render` binary: Helm's output on stdout, Helm's errors (`Error: ...` on stderr, exit
//! status 1). Successful outputs are compared with the chart snapshots real Helm produced
//! (render-core/tests/snapshots/charts); error texts are the ones Helm's sources print.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

mod common;

use common::{render, repo};
use std::process::Output;

fn stdout(o: &Output) -> String {
    common::text(&o.stdout)
}

fn stderr(o: &Output) -> String {
    common::text(&o.stderr)
}

/// The `helm template` output real Helm produced for a chart case.
fn helm_snapshot(name: &str) -> String {
    common::helm_chart_case(name).expect("Helm failed")
}

#[test]
fn prints_what_helm_prints() {
    let o = render(&["template", "release-name", "testdata/charts/hello"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), helm_snapshot("hello__default"));
    let o = render(&[
        "template",
        "my-release",
        "testdata/charts/hello",
        "-n",
        "prod",
        "--values=testdata/charts/hello/values-prod.yaml",
    ]);
    assert_eq!(stdout(&o), helm_snapshot("hello__prod"));
}

#[test]
fn name_is_optional_and_flags_mix_with_arguments() {
    let a = render(&["template", "testdata/charts/hello"]);
    let b = render(&[
        "template",
        "--namespace",
        "default",
        "release-name",
        "testdata/charts/hello",
    ]);
    assert_eq!(stdout(&a), helm_snapshot("hello__default"));
    assert_eq!(stdout(&a), stdout(&b));
}

#[test]
fn show_only_keeps_matching_templates() {
    let o = render(&[
        "template",
        "testdata/charts/hello",
        "-s",
        "templates/service.yaml",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("---\n# Source: hello/templates/service.yaml\n"),
        "{out}"
    );
    assert!(!out.contains("kind: Deployment"));
    let o = render(&[
        "template",
        "testdata/charts/hello",
        "-s",
        "templates/nope.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "Error: could not find template templates/nope.yaml in chart\n"
    );
}

#[test]
fn output_dir_writes_files() {
    let dir = std::env::temp_dir().join(format!("render-cli-out-{}", std::process::id()));
    let dir_s = dir.display().to_string();
    let o = render(&["template", "testdata/charts/hello", "--output-dir", &dir_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written =
        std::fs::read_to_string(dir.join("hello/templates/service.yaml")).unwrap_or_default();
    assert!(written.starts_with("---\n# Source: hello/templates/service.yaml\napiVersion: v1\n"));
    assert!(stdout(&o).contains(&format!("wrote {dir_s}/hello/templates/service.yaml\n")));
    let _ = std::fs::remove_dir_all(dir);
}

/// Each bad input: exit status 1, `Error: ` and Helm's text on stderr, nothing on stdout.
fn assert_error(args: &[&str], want: &str) {
    let o = render(args);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
    assert_eq!(stdout(&o), "", "{args:?}");
    let err = stderr(&o);
    assert!(err.starts_with("Error: "), "{args:?}: {err}");
    assert!(
        err.contains(want),
        "{args:?}: {err:?} does not contain {want:?}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gives_helm_errors() {
    assert_error(
        &["template", "./no/such/chart"],
        "path \"./no/such/chart\" not found",
    );
    assert_error(&["template"], "requires at least 1 argument");
    assert_error(
        &["template", "a", "b", "c"],
        "expected at most two arguments, unexpected arguments: c",
    );
    assert_error(
        &["template", "testdata/charts/hello", "--nope"],
        "unknown flag: --nope",
    );
    assert_error(
        &["template", "testdata/charts/hello", "-x"],
        "unknown shorthand flag: 'x' in -x",
    );
    assert_error(
        &["template", "testdata/charts/hello", "--values"],
        "flag needs an argument: --values",
    );
    assert_error(
        &[
            "template",
            "testdata/charts/hello",
            "-f",
            "testdata/charts/hello/nope.yaml",
        ],
        "open testdata/charts/hello/nope.yaml: no such file or directory",
    );
    assert_error(
        &["template", "Bad_Name", "testdata/charts/hello"],
        "invalid release name",
    );
    assert_error(
        &["template", "testdata/charts/hello", "--set", "a.b[x]=1"],
        "failed parsing --set data",
    );
    assert_error(&["frobnicate"], "unknown command \"frobnicate\"");
}

#[test]
fn broken_charts_give_clear_errors() {
    let dir = std::env::temp_dir().join(format!("render-cli-bad-{}", std::process::id()));
    let chart = dir.join("broken");
    let _ = std::fs::create_dir_all(chart.join("templates"));
    let chart_s = chart.display().to_string();

    let _ = std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: broken\nversion: [1\n",
    );
    assert_error(
        &["template", &chart_s],
        "cannot load Chart.yaml: error converting YAML to JSON: yaml: line",
    );

    let _ = std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: broken\nversion: 1.0.0\n",
    );
    // Go's YAML errors name no line for the first one (its lines count from 0).
    let _ = std::fs::write(chart.join("values.yaml"), "x: 1\na: b: c\n");
    assert_error(
        &["template", &chart_s],
        "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
    );

    let _ = std::fs::write(chart.join("values.yaml"), "a: 1\n");
    let _ = std::fs::write(chart.join("templates/x.yaml"), "x: {{ .Values.a.b }}\n");
    assert_error(
        &["template", &chart_s],
        "Use --debug flag to render out invalid YAML",
    );

    let _ = std::fs::write(chart.join("templates/x.yaml"), "x: {{ nope }}\n");
    assert_error(
        &["template", &chart_s],
        "parse error at (broken/templates/x.yaml:1): function \"nope\" not defined",
    );

    let _ = std::fs::write(chart.join("templates/x.yaml"), "a: b: c\n");
    assert_error(
        &["template", &chart_s],
        "YAML parse error on broken/templates/x.yaml",
    );

    let _ = std::fs::write(chart.join("templates/x.yaml"), "x: 1\n");
    let _ = std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: broken\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: 1.0.0\n",
    );
    assert_error(
        &["template", &chart_s],
        "found in Chart.yaml, but missing in charts/ directory: db",
    );

    let _ = std::fs::write(chart.join("Chart.yaml"), "apiVersion: v2\nname: broken\n");
    assert_error(
        &["template", &chart_s],
        "validation: chart.metadata.version is required",
    );

    let tgz = dir.join("evil.tgz");
    let _ = std::fs::write(&tgz, b"not gzip at all");
    assert_error(
        &["template", &tgz.display().to_string()],
        "does not appear to be a gzipped archive",
    );

    let _ = std::fs::remove_dir_all(dir);
}

/// Hostile inputs that only the command line meets: each ends quickly with Helm's text.
#[test]
fn hostile_inputs_end_with_helm_errors() {
    let dir = std::env::temp_dir().join(format!("render-cli-hostile-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);

    // --show-only runs Go's filepath.Match, which never backtracks: a pattern that takes a
    // backtracking matcher minutes answers at once.
    let pattern = format!("templates/{}b", "*a".repeat(12));
    assert_error(
        &[
            "template",
            "testdata/charts/hostile-globs",
            "--show-only",
            &pattern,
        ],
        &format!("could not find template {pattern} in chart"),
    );

    // A chart archive whose GNU long-name header claims 3 GB: Helm's CLI reports any
    // archive failure of the top chart as `unable to load chart archive` (pkg/chart/loader
    // LoadFile); the subchart case, whose text Helm shows, is in the chart suite.
    let tgz = dir.join("bomb.tgz");
    let sub =
        std::fs::read(repo().join("testdata/charts/archive-longname-bomb/charts/sub-0.1.0.tgz"))
            .unwrap_or_default();
    let _ = std::fs::write(&tgz, sub);
    assert_error(
        &["template", &tgz.display().to_string()],
        "unable to load chart archive",
    );

    // Go sniffs a 512-byte buffer, zero-filled past a short file's end: short text is binary.
    let _ = std::fs::write(&tgz, b"hello, not a chart");
    assert_error(
        &["template", &tgz.display().to_string()],
        "does not appear to be a gzipped archive; got 'application/octet-stream'",
    );
    let _ = std::fs::write(&tgz, b"<html><body>moved</body></html>");
    assert_error(
        &["template", &tgz.display().to_string()],
        "does not appear to be a gzipped archive; got 'text/html; charset=utf-8'",
    );

    // apiVersion v3: Helm v4.2.3's loader reads the chart, then `action.Install` refuses it
    // (pkg/action/install.go: only *v2.Chart is installable).
    let v3 = dir.join("v3");
    let _ = std::fs::create_dir_all(v3.join("templates"));
    let _ = std::fs::write(
        v3.join("Chart.yaml"),
        "apiVersion: v3\nname: v3\nversion: 0.1.0\n",
    );
    let _ = std::fs::write(v3.join("templates/a.yaml"), "a: 1\n");
    assert_error(
        &["template", &v3.display().to_string()],
        "invalid chart apiVersion",
    );
    let _ = std::fs::write(
        v3.join("Chart.yaml"),
        "apiVersion: v4\nname: v3\nversion: 0.1.0\n",
    );
    assert_error(
        &["template", &v3.display().to_string()],
        "unsupported chart version",
    );

    // A symbolic link to a parent directory is followed until the system refuses the path.
    let looped = dir.join("looped");
    let _ = std::fs::create_dir_all(looped.join("templates/sub"));
    let _ = std::fs::write(
        looped.join("Chart.yaml"),
        "apiVersion: v2\nname: l\nversion: 0.1.0\n",
    );
    let _ = std::os::unix::fs::symlink("..", looped.join("templates/sub/up"));
    assert_error(
        &["template", &looped.display().to_string()],
        "too many levels of symbolic links",
    );

    let _ = std::fs::remove_dir_all(dir);
}
