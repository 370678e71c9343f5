//! A whole `helm template` of a generated chart: the input holds a values.yaml, a helper file
//! and templates (separated by NUL bytes), written under a Chart.yaml with a subchart, and
//! rendered with small budgets. Must produce output or an error: no panic, no hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_core::limits::Limits;
use render_core::{RenderOptions, render};
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| std::env::temp_dir().join(format!("render-fuzz-{}", std::process::id())))
}

fuzz_target!(|data: &[u8]| {
    let root = dir();
    let _ = std::fs::remove_dir_all(root);
    let chart = root.join("c");
    let sub = chart.join("charts/sub");
    if std::fs::create_dir_all(chart.join("templates")).is_err()
        || std::fs::create_dir_all(sub.join("templates")).is_err()
    {
        return;
    }
    let mut parts = data.split(|&b| b == 0);
    let values = parts.next().unwrap_or_default();
    let helpers = parts.next().unwrap_or_default();
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (
            chart.join("Chart.yaml"),
            b"apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 0.1.0\n  condition: sub.enabled\n",
        ),
        (sub.join("Chart.yaml"), b"apiVersion: v2\nname: sub\nversion: 0.1.0\n"),
        (sub.join("templates/s.yaml"), b"s: {{ .Values.x | default 1 }}\n"),
        (chart.join("values.yaml"), values),
        (chart.join("templates/_helpers.tpl"), helpers),
    ];
    for (i, t) in parts.take(4).enumerate() {
        files.push((chart.join(format!("templates/t{i}.yaml")), t));
    }
    for (path, content) in files {
        if std::fs::write(path, content).is_err() {
            return;
        }
    }
    let mut opts = RenderOptions::new(chart);
    opts.limits = Limits::new(200_000, 16 << 20, 256 << 20);
    let _ = render(&opts);
});
