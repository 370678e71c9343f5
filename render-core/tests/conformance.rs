//! Conformance with real Helm: every case under `testdata/<suite>/` is rendered by our engine
//! and compared with the snapshot Helm v4.2.3 produced for it (`testdata/generate.py` writes
//! the snapshots; nothing else may). A case is values.yaml, a `---` line, then the template.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

use render_core::chart::{Chart, File, Metadata};
use render_core::engine::{self, capabilities::Capabilities, scope};
use render_core::template::Limits;
use render_go::value::{Map, Value, rawbytes};
use std::path::Path;
use std::sync::Arc;

const END: &str = "\u{27e6}end\u{27e7}";

fn split_case(text: &str) -> (&str, &str) {
    if let Some(t) = text.strip_prefix("---\n") {
        return ("", t);
    }
    match text.find("\n---\n") {
        Some(i) => (&text[..=i], &text[i + 5..]),
        None => panic!("case has no `---` line"),
    }
}

/// Values as Helm loads a chart's values.yaml (`loader.LoadValues`), or Helm's error.
fn parse_values(text: &str) -> Result<Map, String> {
    render_go::yaml::load_values(text)
        .map_err(|e| format!("cannot load values.yaml: {}", e.message()))
}

fn render_case(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read case");
    let (values, template) = split_case(&text);
    let chart = Chart {
        metadata: Metadata {
            name: "t".into(),
            version: "0.1.0".into(),
            api_version: "v2".into(),
            ..Metadata::default()
        },
        templates: vec![File {
            name: "templates/case.yaml".into(),
            data: Arc::from(template.as_bytes()),
        }],
        ..Chart::default()
    };
    let values = match parse_values(values) {
        Ok(v) => v,
        Err(e) => return format!("ERROR\n{}\n{END}", e.replace('\r', "\u{240d}")),
    };
    let caps = Value::Object(Arc::new(Capabilities::new(None, &[])));
    let top = scope::top_values(&chart, values, &scope::Release::default(), caps);
    let templates = scope::all_templates(&chart, &top);
    let funcs = render_core::funcs::helm_funcs();
    let result = match engine::render(templates, funcs, &Limits::default()) {
        // The oracle's JSON shows each raw byte of a non-UTF-8 output as U+FFFD.
        Ok(out) => format!(
            "OUTPUT\n{}",
            rawbytes::lossy(out.get("t/templates/case.yaml").map_or("", |s| s))
        ),
        Err(e) => format!("ERROR\n{}", e.message()),
    };
    format!("{}\n{END}", result.replace('\r', "\u{240d}"))
}

fn suite(name: &str) {
    let cases = std::cell::Cell::new(0usize);
    insta::with_settings!({
        snapshot_path => format!("snapshots/{name}"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
        allow_empty_glob => true,
    }, {
        insta::glob!("../../testdata", &format!("{name}/**/*.tpl"), |path| {
            // A stable name: the case's path in its suite (insta's default depends on the set
            // of files matched).
            let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata").join(name);
            let base = base.canonicalize().unwrap_or(base);
            let full = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
            let rel = full.strip_prefix(&base).unwrap_or(&full);
            let suffix = rel.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "__");
            cases.set(cases.get() + 1);
            insta::with_settings!({ snapshot_suffix => suffix }, {
                insta::assert_snapshot!("case", render_case(path));
            });
        });
    });
    // A suite that finds no case (moved testdata, a changed glob) must not pass.
    assert!(
        cases.get() > 0,
        "suite {name}: no case found under testdata/{name}"
    );
}

/// A chart case: `<label> <release> <namespace> [values files | --set k=v | --set-string k=v]`.
fn chart_case(chart: &Path, line: &str) -> (String, render_core::RenderOptions) {
    let mut words = line.split_whitespace();
    let label = words.next().unwrap_or_default().to_string();
    let mut opts = render_core::RenderOptions::new(chart);
    opts.release_name = words.next().unwrap_or_default().to_string();
    opts.namespace = words.next().unwrap_or_default().to_string();
    let rest: Vec<&str> = words.collect();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            "--set" => opts.values.values.push(rest[i + 1].to_string()),
            "--set-string" => opts.values.string_values.push(rest[i + 1].to_string()),
            file => {
                opts.values
                    .value_files
                    .push(chart.join(file).display().to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    (label, opts)
}

/// A render's result as the snapshots hold it.
fn case_output(result: render_core::Result<render_core::Rendered>) -> String {
    let result = match result {
        Ok(r) => format!("OUTPUT\n{}", r.helm_output(render_core::Hooks::All)),
        // testdata/generate.py strips the oracle's error text (Helm's schema errors end in "\n").
        Err(e) => format!("ERROR\n{}", e.message().trim()),
    };
    format!("{}\n{END}", result.replace('\r', "\u{240d}"))
}

/// Every `testdata/charts/<chart>/cases.txt` line, rendered like `helm template`.
fn charts_suite() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/charts");
    let mut charts: Vec<_> = std::fs::read_dir(&base)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    charts.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for chart in charts {
        let Ok(cases) = std::fs::read_to_string(chart.join("cases.txt")) else {
            continue;
        };
        let name = chart
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut loaded_cases = Vec::new();
        for line in cases.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            count += 1;
            let (label, opts) = chart_case(&chart, line);
            let output = case_output(render_core::render(&opts));
            loaded_cases.push((label.clone(), opts, output.clone()));
            let suffix = format!("{name}__{label}");
            let r = std::panic::catch_unwind(|| {
                insta::with_settings!({
                    snapshot_path => "snapshots/charts",
                    prepend_module_to_snapshot => false,
                    omit_expression => true,
                    snapshot_suffix => suffix.clone(),
                }, {
                    insta::assert_snapshot!("case", output);
                });
            });
            if r.is_err() {
                failures.push(suffix);
            }
        }
        failures.extend(loaded_renders_agree(&chart, &name, &loaded_cases));
    }
    assert!(count > 0, "no chart case found under testdata/charts");
    assert!(
        failures.is_empty(),
        "chart cases differ from Helm: {failures:?}"
    );
}

/// The chart loaded once renders every case as a fresh `render` does: one after the other
/// (each case after the others, so that nothing one render does leaks into the next), then
/// all at once on several threads.
fn loaded_renders_agree(
    chart: &Path,
    name: &str,
    cases: &[(String, render_core::RenderOptions, String)],
) -> Vec<String> {
    let Ok(loaded) = render_core::LoadedChart::load(chart) else {
        return Vec::new();
    };
    let mut wrong = Vec::new();
    for (label, opts, want) in cases.iter().chain(cases.iter().rev()) {
        if &case_output(loaded.render(opts)) != want {
            wrong.push(format!("{name}__{label} (loaded once)"));
        }
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .iter()
            .map(|(label, opts, want)| {
                let loaded = loaded.clone();
                s.spawn(move || (&case_output(loaded.render(opts)) != want).then_some(label))
            })
            .collect();
        for h in handles {
            if let Ok(Some(label)) = h.join() {
                wrong.push(format!("{name}__{label} (loaded once, threads)"));
            }
        }
    });
    wrong
}

/// One test for all suites: insta counts `glob!` failures in a process-wide stack, so suites
/// running on parallel test threads would report each other's failures. Set
/// `CONFORMANCE_SUITE=funcs` to run a single suite.
#[test]
fn conformance() {
    let only = std::env::var("CONFORMANCE_SUITE").ok();
    for name in ["template", "funcs", "yaml"] {
        if only.as_deref().is_none_or(|o| o == name) {
            suite(name);
        }
    }
    if only.as_deref().is_none_or(|o| o == "charts") {
        charts_suite();
    }
}
