//! What the CLI tests share: where the repository is, and reading the snapshots real Helm's
//! answers were written to by `testdata/generate.py`.

// Each test file uses part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (tests run `render` there).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `render ARGS` run in `dir`.
pub fn render_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_render"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("cannot run render")
}

/// `render ARGS` run at the repository root.
pub fn render(args: &[&str]) -> Output {
    render_in(&repo(), args)
}

/// Output bytes as text (invalid UTF-8 replaced).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A snapshot of Helm's answer: `Ok(output)` or `Err(error message)`, bytes as Helm printed
/// them (carriage returns are stored as U+240D).
pub fn helm_answer(path: &Path) -> Result<String, String> {
    let raw = std::fs::read_to_string(path).expect("cannot read the Helm answer");
    let body = raw.splitn(3, "---\n").nth(2).unwrap_or_default();
    let body = body
        .strip_suffix("\n\u{27e6}end\u{27e7}\n")
        .unwrap_or(body)
        .replace('\u{240d}', "\r");
    match body.strip_prefix("OUTPUT\n") {
        Some(out) => Ok(out.to_string()),
        None => Err(body.strip_prefix("ERROR\n").unwrap_or(&body).to_string()),
    }
}

/// Helm's `helm template` output (or error) for a chart case (`<chart>__<label>`).
pub fn helm_chart_case(name: &str) -> Result<String, String> {
    helm_answer(&repo().join(format!(
        "render-core/tests/snapshots/charts/case@{name}.snap"
    )))
}
