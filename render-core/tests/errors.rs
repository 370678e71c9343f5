//! The public error type locates what it can: a template error at the template position Go
//! reports (the innermost one, where an `include`d template failed), a values file that does
//! not parse at its line, and an I/O failure keeps its `std::io::Error` as the source.

#![allow(
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

use render_core::{ErrorKind, LoadedChart, RenderOptions};
use std::error::Error as _;

fn chart(templates: &[(&str, &str)]) -> LoadedChart {
    let mut files = vec![(
        "Chart.yaml".to_string(),
        "apiVersion: v2\nname: mychart\nversion: 0.1.0\n".to_string(),
    )];
    files.extend(
        templates
            .iter()
            .map(|(name, text)| (format!("templates/{name}"), text.to_string())),
    );
    match LoadedChart::from_files(files) {
        Ok(chart) => chart,
        Err(e) => panic!("the chart loads: {e}"),
    }
}

fn location(e: &render_core::Error) -> Option<(String, Option<usize>, Option<usize>)> {
    e.location()
        .map(|l| (l.file().to_string(), l.line(), l.column()))
}

#[test]
fn an_exec_error_is_located_in_the_included_template() {
    let chart = chart(&[
        ("a.yaml", "kind: A\n{{ include \"x\" . }}\n"),
        (
            "_helpers.tpl",
            "{{ define \"x\" }}\n  {{ fail \"boom\" }}\n{{ end }}\n",
        ),
    ]);
    let Err(e) = chart.render(&RenderOptions::new("mychart")) else {
        panic!("fail fails the render");
    };
    assert_eq!(e.kind(), ErrorKind::Exec);
    // Go's position of the `fail` call: line 2, byte column 5 (0-based 5 is the `f`).
    let want = (
        "mychart/templates/_helpers.tpl".to_string(),
        Some(2),
        Some(6),
    );
    assert_eq!(location(&e), Some(want));
    assert_eq!(
        e.location().map(ToString::to_string).as_deref(),
        Some("mychart/templates/_helpers.tpl:2:6")
    );
}

#[test]
fn a_parse_error_is_located_at_its_line() {
    let chart = chart(&[("a.yaml", "kind: A\n\n{{ if }}\n")]);
    let Err(e) = chart.render(&RenderOptions::new("mychart")) else {
        panic!("the template does not parse");
    };
    assert_eq!(e.kind(), ErrorKind::Parse);
    // Helm: `parse error at (mychart/templates/a.yaml:3): missing value for if`.
    assert!(e.message().contains("(mychart/templates/a.yaml:3)"), "{e}");
    let want = ("mychart/templates/a.yaml".to_string(), Some(3), None);
    assert_eq!(location(&e), Some(want));
}

#[test]
fn a_values_file_that_does_not_parse_is_located() {
    let dir = std::env::temp_dir().join(format!("render-errors-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("bad.yaml");
    if let Err(e) = std::fs::write(&file, "a: 1\nb: [\n") {
        panic!("{e}");
    }
    let chart = chart(&[("a.yaml", "kind: A\n")]);
    let mut opts = RenderOptions::new("mychart");
    opts.values.value_files = vec![file.display().to_string()];
    let result = chart.render(&opts);
    let _ = std::fs::remove_dir_all(&dir);
    let Err(e) = result else {
        panic!("the values file does not parse");
    };
    assert_eq!(e.kind(), ErrorKind::Values);
    let line = e.location().and_then(|l| l.line());
    let file_named = e.location().map(|l| l.file().to_string());
    assert_eq!(file_named, Some(file.display().to_string()));
    // Go's YAML error names the line it reports; the location carries the same one.
    let reported = line.map(|l| format!("line {l}:"));
    assert!(
        reported
            .as_ref()
            .is_some_and(|r| e.message().contains(r.as_str())),
        "{e} / {line:?}"
    );
}

#[test]
fn a_missing_values_file_keeps_the_io_error() {
    let chart = chart(&[("a.yaml", "kind: A\n")]);
    let mut opts = RenderOptions::new("mychart");
    opts.values.value_files = vec!["/nonexistent/values.yaml".to_string()];
    let Err(e) = chart.render(&opts) else {
        panic!("the values file is missing");
    };
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(
        e.message(),
        "open /nonexistent/values.yaml: no such file or directory"
    );
    let source = e.source().and_then(|s| s.downcast_ref::<std::io::Error>());
    assert_eq!(
        source.map(std::io::Error::kind),
        Some(std::io::ErrorKind::NotFound)
    );
}
