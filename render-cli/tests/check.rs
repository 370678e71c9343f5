//! `render check`: the unread values of testdata/charts/check-wrapper's cases as snapshots
//! (that each reported value changes nothing Helm prints is proven with real Helm by
//! testdata/check/verify.py, which CI runs), the exit statuses, the JSON format, and
//! `template --warn-unused-values`, whose stdout stays Helm's.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

mod common;

use common::{repo, text};
use std::process::Output;

const CHART: &str = "testdata/charts/check-wrapper";

fn render(args: &[&str]) -> Output {
    common::render_in(&repo().join(CHART), args)
}

/// The cases of the chart: label and values files.
fn cases() -> Vec<(String, Vec<String>)> {
    let listed = std::fs::read_to_string(repo().join(CHART).join("cases.txt"))
        .expect("cannot read cases.txt");
    listed
        .lines()
        .filter_map(|l| {
            let words: Vec<&str> = l.split('#').next()?.split_whitespace().collect();
            let (label, files) = (words.first()?, words.get(3..)?);
            Some((
                label.to_string(),
                files.iter().map(|f| f.to_string()).collect(),
            ))
        })
        .collect()
}

#[test]
fn findings_of_every_case() {
    let cases = cases();
    assert!(cases.len() >= 4, "the chart lists its cases");
    for (label, files) in cases {
        let mut args = vec!["check", "web", "."];
        for f in &files {
            args.extend(["-f", f.as_str()]);
        }
        let o = render(&args);
        let report = format!(
            "exit status {}\n{}{}",
            o.status.code().unwrap_or(-1),
            text(&o.stdout),
            text(&o.stderr)
        );
        insta::assert_snapshot!(format!("check-wrapper__{label}"), report);
    }
}

#[test]
fn no_findings_exit_zero_and_print_nothing() {
    let o = render(&["check", "web", ".", "-f", "values/clean.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "");
}

#[test]
fn a_render_error_exits_two() {
    let o = render(&["check", "web", "./no-such-chart"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "Error: path \"./no-such-chart\" not found\n"
    );
}

#[test]
fn json_lists_path_file_line_column_and_suggestion() {
    let o = render(&[
        "check",
        "web",
        ".",
        "-f",
        "values/wrong-nesting.yaml",
        "--set",
        "app.replicacount=2",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "[\n  {\"path\": \"app.gpu\", \"file\": \"values/wrong-nesting.yaml\", \"line\": 3, \
         \"column\": 3, \"suggestion\": \"app.app.gpu\"},\n  {\"path\": \"app.replicacount\", \
         \"file\": \"--set\", \"line\": null, \"column\": null, \"suggestion\": \
         \"app.replicaCount\"}\n]\n"
    );
}

#[test]
fn chart_defaults_are_reported_on_request() {
    let o = render(&["check", "web", ".", "--include-chart-defaults"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    // The wrapper's own default `app.app.gpu.count` is read only when the GPU is enabled,
    // and it is not by default.
    assert_eq!(
        text(&o.stdout),
        "values.yaml:7:7: app.app.gpu.count: no template reads this value\n"
    );
}

#[test]
fn template_warns_on_stderr_and_prints_what_helm_prints() {
    let plain = render(&["template", "web", ".", "-f", "values/typos.yaml"]);
    let warned = render(&[
        "template",
        "web",
        ".",
        "-f",
        "values/typos.yaml",
        "--warn-unused-values",
    ]);
    assert!(warned.status.success(), "{}", text(&warned.stderr));
    assert_eq!(text(&warned.stdout), text(&plain.stdout));
    let warnings: Vec<String> = text(&warned.stderr)
        .lines()
        .filter(|l| l.starts_with("WARNING: "))
        .map(String::from)
        .collect();
    assert_eq!(
        warnings.first().map(String::as_str),
        Some(
            "WARNING: values/typos.yaml:2:3: app.replicacount: no template reads this value; \
             did you mean app.replicaCount?"
        )
    );
    assert_eq!(warnings.len(), 5);
}

#[test]
fn set_paths_keep_their_escapes() {
    let o = render(&[
        "check",
        "web",
        ".",
        "--set",
        "nope\\.x=1",
        "--set",
        "app.env.a\\.b=1",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    // `app.env` is ranged over, so every key of it is read; `nope.x` (one key) is not.
    assert_eq!(
        text(&o.stdout),
        "--set nope\\.x=1: nope\\.x: no template reads this value\n"
    );
}
