//! The values side of `helm template` over the value-test charts in `testdata/charts/<feature>/`
//! (those with a `templates/values.yaml`): user values (`-f` files), dependency processing,
//! coalescing and schema validation. Each chart's `templates/values.yaml` prints `.Chart.Name`,
//! `toJson .Values` and `toJson .Chart.Dependencies`; here the same text is built from what
//! this crate computes and compared with what real Helm rendered (`expected/<label>.json`,
//! written by `testdata/charts/values_expected.py`), warnings included. Failing renders
//! compare by error (see `same_error`).

use render_core::chart::{Chart, loader};
use render_core::values::Options;
use render_core::values::coalesce::{Warnings, coalesce_values};
use render_core::values::deps::{check_dependencies, process_dependencies};
use render_core::values::methods::table;
use render_core::values::options::read_file;
use render_go::json;
use render_go::value::{Map, MapType, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Our log records are written as Helm's command line writes them (`level=WARN msg="..." k=v`);
/// the expected ones come from the SDK's default handler (`WARN ... k=v`, time removed).
fn sdk_record(w: &str) -> String {
    let Some(rest) = w.strip_prefix("level=") else {
        return w.to_string();
    };
    let Some((level, rest)) = rest.split_once(" msg=") else {
        return w.to_string();
    };
    let (msg, attrs) = match rest.strip_prefix('"') {
        Some(quoted) => {
            // The closing quote: the first `"` not escaped.
            let mut end = quoted.len();
            let mut escaped = false;
            for (i, c) in quoted.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = i;
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let msg =
                render_go::strconv::unquote(&format!("\"{}\"", &quoted[..end])).unwrap_or_default();
            (msg, quoted.get(end + 1..).unwrap_or_default())
        }
        None => match rest.find(' ') {
            Some(i) => (rest[..i].to_string(), &rest[i..]),
            None => (rest.to_string(), ""),
        },
    };
    format!("{level} {msg}{attrs}")
}

fn charts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/charts")
}

/// What every `templates/values.yaml` of the processed chart tree renders to.
fn outputs(chart: &Chart, values: &Map, prefix: &str, out: &mut BTreeMap<String, String>) {
    let path = format!("{prefix}{}", chart.metadata.name);
    if !chart.metadata.is_library() {
        let meta = chart.metadata.to_value(prefix.is_empty());
        let text = format!(
            "chart: {}\nvalues: {}\ndependencies: {}\n",
            chart.metadata.name,
            json::encode(&Value::Map(values.clone()), true).unwrap_or_default(),
            json::encode(&meta.get("Dependencies").unwrap_or_default(), true).unwrap_or_default(),
        );
        out.insert(format!("{path}/templates/values.yaml"), text);
    }
    for sub in &chart.dependencies {
        // The engine's `values.Table("Values." + name)`, or empty values.
        let scoped =
            table(values, &sub.metadata.name).unwrap_or_else(|_| Map::new(MapType::Values));
        outputs(sub, &scoped, &format!("{path}/charts/"), out);
    }
}

struct Rendered {
    templates: BTreeMap<String, String>,
    warnings: BTreeSet<String>,
}

fn render(dir: &Path, files: &[&str]) -> Result<Rendered, String> {
    let mut opts = Options::default();
    opts.value_files = files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    let vals = opts
        .merge_values(&mut read_file)
        .map_err(|e| e.to_string())?;
    let mut chart = loader::load(dir).map_err(|e| e.to_string())?.chart;
    check_dependencies(&chart)?;
    let mut warnings = Warnings::new();
    process_dependencies(&mut chart, &vals, &mut warnings)?;
    let values = coalesce_values(&chart, &vals, &mut warnings)?;
    render_core::values::schema::validate(&chart, &values)?;
    let mut templates = BTreeMap::new();
    outputs(&chart, &values, "", &mut templates);
    Ok(Rendered {
        templates,
        warnings: warnings.into_iter().map(|w| sdk_record(&w)).collect(),
    })
}

/// Helm's error texts for these cases differ between the SDK the oracle runs and the CLI (the
/// CLI adds context in front), and schema violations come in random order: the last line of
/// the oracle's first error line must end ours, and every `- at` line must be there.
fn same_error(ours: &str, helm: &str) -> bool {
    let helm = helm.trim_end();
    let first = helm.lines().next().unwrap_or("");
    let tail = first.rsplit(": ").next().unwrap_or(first);
    let ours_lines: BTreeSet<&str> = ours.lines().collect();
    let helm_lines: BTreeSet<&str> = helm.lines().skip(1).collect();
    ours.lines().next().unwrap_or("").ends_with(tail) && helm_lines.is_subset(&ours_lines)
}

#[test]
fn charts_render_the_values_helm_renders() {
    let root = charts_dir();
    let mut features: Vec<PathBuf> = fs::read_dir(&root)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    features.retain(|f| f.join("cases.txt").exists() && f.join("templates/values.yaml").exists());
    features.sort();
    assert!(!features.is_empty());
    let mut failures = Vec::new();
    let mut count = 0;
    for dir in &features {
        let mut cases = fs::read_to_string(dir.join("cases.txt")).unwrap_or_default();
        cases.push_str(&fs::read_to_string(dir.join("values-cases.txt")).unwrap_or_default());
        for line in cases.lines() {
            // `<label> <release> <namespace> [values files]`
            let line = line.split('#').next().unwrap_or("");
            let parts: Vec<&str> = line.split_whitespace().collect();
            let (Some(label), Some(files)) = (parts.first(), parts.get(3..)) else {
                continue;
            };
            count += 1;
            let name = format!(
                "{}/{label}",
                dir.file_name().unwrap_or_default().to_string_lossy()
            );
            let expected = dir.join("expected");
            let got = render(dir, files);
            if let Ok(err) = fs::read_to_string(expected.join(format!("{label}.error"))) {
                match got {
                    Err(e) if same_error(&e, &err) => {}
                    Err(e) => failures.push(format!("{name}: error\n  ours: {e}\n  helm: {err}")),
                    Ok(_) => failures.push(format!("{name}: rendered, Helm failed with {err}")),
                }
                continue;
            }
            let want: serde_json::Value =
                fs::read_to_string(expected.join(format!("{label}.json")))
                    .ok()
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or_default();
            let got = match got {
                Ok(g) => g,
                Err(e) => {
                    failures.push(format!("{name}: failed: {e}"));
                    continue;
                }
            };
            let want_templates: BTreeMap<String, String> = want["templates"]
                .as_object()
                .map(|o| {
                    o.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            for (path, text) in &want_templates {
                match got.templates.get(path) {
                    Some(ours) if ours.as_str() == text => {}
                    Some(ours) => {
                        failures.push(format!("{name}: {path}\n  ours: {ours}  helm: {text}"))
                    }
                    None => failures.push(format!("{name}: {path} missing")),
                }
            }
            for path in got.templates.keys() {
                if !want_templates.contains_key(path) {
                    failures.push(format!("{name}: {path} rendered, Helm has no such chart"));
                }
            }
            let want_warnings: BTreeSet<String> = want["warnings"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|w| w.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if got.warnings != want_warnings {
                failures.push(format!(
                    "{name}: warnings\n  ours: {:?}\n  helm: {:?}",
                    got.warnings, want_warnings
                ));
            }
        }
    }
    assert!(count > 0);
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
