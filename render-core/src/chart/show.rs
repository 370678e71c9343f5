//! `helm show` (`pkg/action/show.go`): a chart's Chart.yaml as Helm re-serializes its loaded
//! metadata, values.yaml as written, its README and its CRD files, from the chart as Helm's
//! v2 loader reads it (no dependency processing: every vendored subchart counts, and
//! `enabled` is what Chart.yaml says).

use super::LoadError;
use crate::error::{Error, ErrorKind};
use super::loader::load_v2;
use super::model::{Chart, Metadata};
use render_go::value::{ListType, Map, MapType, Str, Value};
use std::path::Path;

/// What to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Chart.yaml, then values.yaml, README and CRDs, separated by `---`.
    All,
    /// Chart.yaml.
    Chart,
    /// values.yaml.
    Values,
    /// The README.
    Readme,
    /// The CRD files.
    Crds,
}

/// The bytes `helm show PART` prints for the chart at `path` (a directory or an archive),
/// and the warnings Helm logs while loading it.
///
/// # Errors
/// [`ErrorKind::Chart`] with Helm's loading errors (`Chart.yaml file is missing`, `cannot
/// load values.yaml: ...`).
pub fn show(path: &Path, part: Part) -> crate::Result<(Vec<u8>, Vec<String>)> {
    Ok(show_bytes(path, part)?)
}

fn show_bytes(path: &Path, part: Part) -> Result<(Vec<u8>, Vec<String>), LoadError> {
    super::loader::locate(path)?;
    let loaded = load_v2(path)?;
    let chart = &loaded.chart;
    let mut out = Vec::new();
    // Helm marshals the metadata whatever the part.
    let chart_yaml = metadata_yaml(&chart.metadata)?;
    if matches!(part, Part::All | Part::Chart) {
        out.extend_from_slice(chart_yaml.as_bytes());
        out.push(b'\n');
    }
    if matches!(part, Part::All | Part::Values) && !chart.raw_values.is_empty() {
        if part == Part::All {
            out.extend_from_slice(b"---\n");
        }
        for raw in &chart.raw_values {
            out.extend_from_slice(raw);
            out.push(b'\n');
        }
    }
    if matches!(part, Part::All | Part::Readme)
        && let Some(readme) = find_readme(chart)
    {
        if part == Part::All {
            out.extend_from_slice(b"---\n");
        }
        out.extend_from_slice(readme);
        out.push(b'\n');
    }
    if matches!(part, Part::All | Part::Crds) {
        crd_files(chart, &mut |data| {
            if !data.starts_with(b"---") {
                out.extend_from_slice(b"---\n");
            }
            out.extend_from_slice(data);
            out.push(b'\n');
        });
    }
    Ok((out, loaded.warnings))
}

/// `findReadme`: the first of the chart's own files named `README.md`, `README.txt` or
/// `README`, in any case.
fn find_readme(chart: &Chart) -> Option<&[u8]> {
    chart
        .files
        .iter()
        .find(|f| {
            ["readme.md", "readme.txt", "readme"]
                .iter()
                .any(|n| unicode_equal_fold(&f.name, n))
        })
        .map(|f| &f.data[..])
}

/// Go's `strings.EqualFold` against an ASCII name: Unicode simple folding maps `K` (U+212A
/// KELVIN SIGN) to `k` and `ſ` (U+017F) to `s`, the only non-ASCII runes that fold into
/// ASCII letters.
fn unicode_equal_fold(name: &str, ascii: &str) -> bool {
    let folded = name.chars().map(|c| match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        c => c.to_ascii_lowercase(),
    });
    folded.eq(ascii.chars())
}

/// `CRDObjects`: the chart's `crds/` files with a YAML or JSON extension, then each
/// subchart's, depth first.
fn crd_files(chart: &Chart, emit: &mut dyn FnMut(&[u8])) {
    for f in &chart.files {
        let ext = f.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let ext_ok = matches!(ext.as_deref(), Some("yaml" | "yml" | "json"));
        if f.name.starts_with("crds/") && ext_ok {
            emit(&f.data);
        }
    }
    for sub in &chart.dependencies {
        crd_files(sub, emit);
    }
}

/// `yaml.Marshal(chart.Metadata)` (sigs.k8s.io/yaml), what `helm show chart` prints and
/// `helm package` writes: the metadata as `encoding/json` writes it (empty fields omitted),
/// then as YAML with sorted keys.
///
/// # Errors
/// [`ErrorKind::Chart`] for a value sigs.k8s.io/yaml refuses (a NaN or infinity).
pub fn chart_yaml(md: &Metadata) -> crate::Result<String> {
    metadata_yaml(md).map_err(|e| Error::new(ErrorKind::Chart, e))
}

fn metadata_yaml(md: &Metadata) -> Result<String, String> {
    let s = |v: &str| Value::str(v);
    let list = |items: &[String]| Value::List(items.iter().map(|i| s(i)).collect(), ListType::Any);
    let mut fields: Vec<(&str, Value)> = Vec::new();
    text(&mut fields, "name", &md.name);
    text(&mut fields, "home", &md.home);
    if !md.sources.is_empty() {
        fields.push(("sources", list(&md.sources)));
    }
    text(&mut fields, "version", &md.version);
    text(&mut fields, "description", &md.description);
    if !md.keywords.is_empty() {
        fields.push(("keywords", list(&md.keywords)));
    }
    if !md.maintainers.is_empty() {
        let maintainers = md
            .maintainers
            .iter()
            .map(|m| {
                let mut f = Vec::new();
                text(&mut f, "name", &m.name);
                text(&mut f, "email", &m.email);
                text(&mut f, "url", &m.url);
                Value::Map(map(f))
            })
            .collect();
        fields.push(("maintainers", Value::List(maintainers, ListType::Any)));
    }
    text(&mut fields, "icon", &md.icon);
    text(&mut fields, "apiVersion", &md.api_version);
    text(&mut fields, "condition", &md.condition);
    text(&mut fields, "tags", &md.tags);
    text(&mut fields, "appVersion", &md.app_version);
    if md.deprecated {
        fields.push(("deprecated", Value::Bool(true)));
    }
    if let Some(a) = md.annotations.as_ref().filter(|a| !a.is_empty()) {
        let entries = a.iter().map(|(k, v)| (Str::from(k.as_str()), s(v)));
        fields.push((
            "annotations",
            Value::Map(Map::from_entries(MapType::Any, entries)),
        ));
    }
    text(&mut fields, "kubeVersion", &md.kube_version);
    if !md.dependencies.is_empty() {
        let deps = md
            .dependencies
            .iter()
            .map(|d| {
                let mut f = vec![("name", s(&d.name))];
                text(&mut f, "version", &d.version);
                f.push(("repository", s(&d.repository)));
                text(&mut f, "condition", &d.condition);
                if !d.tags.is_empty() {
                    f.push(("tags", list(&d.tags)));
                }
                if d.enabled {
                    f.push(("enabled", Value::Bool(true)));
                }
                if !d.import_values.is_empty() {
                    f.push((
                        "import-values",
                        Value::List(d.import_values.iter().cloned().collect(), ListType::Any),
                    ));
                }
                text(&mut f, "alias", &d.alias);
                Value::Map(map(f))
            })
            .collect();
        fields.push(("dependencies", Value::List(deps, ListType::Any)));
    }
    text(&mut fields, "type", &md.chart_type);
    render_go::yaml::to_yaml(&Value::Map(map(fields))).map_err(|e| e.text().to_string())
}

/// An `omitempty` string field.
fn text<'k>(fields: &mut Vec<(&'k str, Value)>, key: &'k str, value: &str) {
    if !value.is_empty() {
        fields.push((key, Value::str(value)));
    }
}

fn map(fields: Vec<(&str, Value)>) -> Map {
    Map::from_entries(
        MapType::Any,
        fields.into_iter().map(|(k, v)| (Str::from(k), v)),
    )
}
