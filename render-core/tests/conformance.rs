//! Conformance with real Helm: every case under `testdata/<suite>/` is rendered by our engine
//! and compared with the snapshot Helm v4.2.3 produced for it (`testdata/generate.py` writes
//! the snapshots; nothing else may). A case is values.yaml, a `---` line, then the template.

use render_core::chart::{Chart, File, Metadata};
use render_core::engine::{self, capabilities::Capabilities, scope};
use render_core::template::Limits;
use render_core::value::{Map, MapType, Str, Value};
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

/// Values as Helm loads them (JSON-compatible YAML for now: numbers are float64).
fn to_value(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(a) => Value::list(a.iter().map(to_value).collect()),
        serde_json::Value::Object(o) => Value::Map(Map::from_entries(
            MapType::Any,
            o.iter().map(|(k, v)| (Str::from(k.as_str()), to_value(v))),
        )),
    }
}

fn parse_values(text: &str) -> Map {
    if text.trim().is_empty() {
        return Map::new(MapType::Any);
    }
    let j: serde_json::Value = serde_json::from_str(text).expect("case values must be JSON");
    match to_value(&j) {
        Value::Map(m) => m,
        _ => panic!("case values must be a map"),
    }
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
    let caps = Value::Object(Arc::new(Capabilities::new(None, &[])));
    let top = scope::top_values(
        &chart,
        parse_values(values),
        &scope::Release::default(),
        caps,
    );
    let templates = scope::all_templates(&chart, &top);
    let funcs = render_core::funcs::helm_funcs();
    let result = match engine::render(templates, funcs, &Limits::default()) {
        Ok(out) => format!(
            "OUTPUT\n{}",
            out.get("t/templates/case.yaml").map_or("", |s| s)
        ),
        Err(e) => format!("ERROR\n{}", e.message()),
    };
    format!("{}\n{END}", result.replace('\r', "\u{240d}"))
}

fn suite(name: &str) {
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
            insta::with_settings!({ snapshot_suffix => suffix }, {
                insta::assert_snapshot!("case", render_case(path));
            });
        });
    });
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
}
