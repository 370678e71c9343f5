//! A chart repository's `index.yaml` as Helm reads it (`pkg/repo/v1/index.go` `loadIndex`):
//! JSON leniently, YAML strictly (an unknown field anywhere rejects the index), entries that
//! fail `Metadata.Validate` dropped with a warning, each chart's versions sorted newest first.

use render_go::semver::{Constraints, Version};
use render_go::value::{Map, Value};
use std::collections::BTreeMap;

/// One version of a chart in an index.
#[derive(Clone, Debug, Default)]
pub struct ChartVersion {
    /// `name`.
    pub name: String,
    /// `version`, as written.
    pub version: String,
    /// `urls`: where the archive is, absolute or relative to the repository.
    pub urls: Vec<String>,
    /// `digest`: the archive's sha256 (Helm does not check it for dependencies).
    pub digest: String,
}

/// A parsed index.
#[derive(Debug, Default)]
pub struct IndexFile {
    /// Chart name → versions, newest first.
    pub entries: BTreeMap<String, Vec<ChartVersion>>,
}

/// `loadIndex`: the index, or Helm's error; `warnings` gets the entries Helm skips.
pub fn parse(data: &[u8], source: &str, warnings: &mut Vec<String>) -> Result<IndexFile, String> {
    if data.is_empty() {
        return Err("empty index.yaml file".into());
    }
    let text = render_go::value::rawbytes::encode(data);
    let doc = if render_go::json::decode(&text).is_ok() {
        render_go::json::decode(&text)?
    } else {
        let doc = render_go::yaml::from_str(&text).map_err(|e| e.message().to_string())?;
        if let Some(unknown) = unknown_field(&doc, INDEX_FILE) {
            return Err(format!(
                "error unmarshaling JSON: while decoding JSON: json: unknown field {}",
                render_go::strconv::quote(&unknown)
            ));
        }
        doc
    };
    let Value::Map(top) = &doc else {
        return Err(format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type repo.IndexFile",
            render_go::json::kind_name(&doc)
        ));
    };
    let mut index = IndexFile::default();
    if let Some(Value::Map(entries)) = field(top, "entries") {
        for (name, versions) in entries.entries() {
            let list = match &versions {
                Value::List(items, _) => items.to_vec(),
                _ => Vec::new(),
            };
            let mut kept = Vec::new();
            // Helm walks each list from the end, dropping what does not validate.
            for item in list.iter().rev() {
                let Value::Map(m) = item else {
                    warnings.push(slog_warn(&format!(
                        "skipping loading invalid entry for chart {} from {source}: empty entry",
                        quote(&name)
                    )));
                    continue;
                };
                let cv = chart_version(m);
                if let Err(e) = validate(m, &cv) {
                    warnings.push(slog_warn(&format!(
                        "skipping loading invalid entry for chart {} {} from {source}: {e}",
                        quote(&name),
                        quote(&cv.version)
                    )));
                    continue;
                }
                kept.push(cv);
            }
            kept.reverse();
            sort_newest_first(&mut kept);
            index.entries.insert(name.to_string(), kept);
        }
    }
    match field(top, "apiVersion") {
        Some(v) if !text_of(&v).is_empty() => Ok(index),
        _ => Err("no API version specified".into()),
    }
}

fn quote(s: &str) -> String {
    render_go::strconv::quote(s)
}

fn slog_warn(msg: &str) -> String {
    render_go::slog::record("WARN", msg, &[])
}

/// A key of `m` matched as `encoding/json` matches fields: exactly, else ignoring case.
fn field(m: &Map, name: &str) -> Option<Value> {
    m.get(name).or_else(|| {
        m.entries()
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// A scalar as sigs.k8s.io/yaml writes it into a Go string field.
fn text_of(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Int(i, t) if t.is_unsigned() => (*i as u64).to_string(),
        Value::Int(i, _) => i.to_string(),
        Value::Float(f) => render_go::strconv::format_float32(*f as f32, b'g', -1),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn chart_version(m: &Map) -> ChartVersion {
    let text = |k: &str| field(m, k).map(|v| text_of(&v)).unwrap_or_default();
    let urls = match field(m, "urls") {
        Some(Value::List(items, _)) => items.iter().map(text_of).collect(),
        _ => Vec::new(),
    };
    ChartVersion {
        name: text("name"),
        version: text("version"),
        urls,
        digest: text("digest"),
    }
}

/// The checks of `Metadata.Validate` an index entry can fail.
fn validate(m: &Map, cv: &ChartVersion) -> Result<(), String> {
    let name = cv.name.as_str();
    if name.is_empty() {
        return Err("validation: chart.metadata.name is required".into());
    }
    if name == "." || name == ".." {
        return Err(format!(
            "validation: chart.metadata.name {} is not allowed",
            quote(name)
        ));
    }
    if name.contains('/') {
        return Err(format!(
            "validation: chart.metadata.name {} is invalid",
            quote(name)
        ));
    }
    if cv.version.is_empty() {
        return Err("validation: chart.metadata.version is required".into());
    }
    if Version::parse(&cv.version).is_err() {
        return Err(format!(
            "validation: chart.metadata.version {} is invalid",
            quote(&cv.version)
        ));
    }
    let kind = field(m, "type").map(|v| text_of(&v)).unwrap_or_default();
    if !matches!(kind.as_str(), "" | "application" | "library") {
        return Err("validation: chart.metadata.type must be application or library".into());
    }
    Ok(())
}

/// `sort.Sort(sort.Reverse(ChartVersions))`: by semver precedence, newest first, versions that
/// do not parse last (a stable sort: equal versions keep the index's order).
pub fn sort_newest_first(versions: &mut [ChartVersion]) {
    versions.sort_by(
        |a, b| match (Version::parse(&a.version), Version::parse(&b.version)) {
            (Ok(x), Ok(y)) => y.compare(&x),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => std::cmp::Ordering::Equal,
        },
    );
}

impl IndexFile {
    /// `IndexFile.Get`: the version named exactly, else the newest that satisfies `version`
    /// as a constraint (`*` when empty: no prereleases).
    pub fn get(&self, name: &str, version: &str) -> Result<&ChartVersion, GetError> {
        let versions = self.entries.get(name).ok_or(GetError::NoChart)?;
        if versions.is_empty() {
            return Err(GetError::NoVersion);
        }
        let constraint = Constraints::parse(if version.is_empty() { "*" } else { version })
            .map_err(GetError::Constraint)?;
        if !version.is_empty()
            && let Some(exact) = versions.iter().find(|v| v.version == version)
        {
            return Ok(exact);
        }
        versions
            .iter()
            .find(|v| Version::parse(&v.version).is_ok_and(|p| constraint.check(&p)))
            .ok_or_else(|| {
                GetError::NotFound(format!("no chart version found for {name}-{version}"))
            })
    }
}

/// Why `IndexFile::get` found nothing.
#[derive(Debug)]
pub enum GetError {
    /// The chart is not in the index.
    NoChart,
    /// The chart has no versions.
    NoVersion,
    /// The version is not a valid constraint.
    Constraint(String),
    /// No version satisfies it.
    NotFound(String),
}

/// What `encoding/json` knows of each object in an index (`DisallowUnknownFields`).
struct Fields(&'static [(&'static str, Schema)]);

#[derive(Clone, Copy)]
enum Schema {
    /// Anything (a map of strings, a list of strings, a scalar, `import-values`).
    Any,
    ListOf(&'static Fields),
    /// `entries`: chart name → list of chart versions.
    Entries,
}

const MAINTAINER: Fields = Fields(&[
    ("name", Schema::Any),
    ("email", Schema::Any),
    ("url", Schema::Any),
]);

const DEPENDENCY: Fields = Fields(&[
    ("name", Schema::Any),
    ("version", Schema::Any),
    ("repository", Schema::Any),
    ("condition", Schema::Any),
    ("tags", Schema::Any),
    ("enabled", Schema::Any),
    ("import-values", Schema::Any),
    ("alias", Schema::Any),
]);

const CHART_VERSION: Fields = Fields(&[
    ("name", Schema::Any),
    ("home", Schema::Any),
    ("sources", Schema::Any),
    ("version", Schema::Any),
    ("description", Schema::Any),
    ("keywords", Schema::Any),
    ("maintainers", Schema::ListOf(&MAINTAINER)),
    ("icon", Schema::Any),
    ("apiVersion", Schema::Any),
    ("condition", Schema::Any),
    ("tags", Schema::Any),
    ("appVersion", Schema::Any),
    ("deprecated", Schema::Any),
    ("annotations", Schema::Any),
    ("kubeVersion", Schema::Any),
    ("dependencies", Schema::ListOf(&DEPENDENCY)),
    ("type", Schema::Any),
    ("urls", Schema::Any),
    ("created", Schema::Any),
    ("removed", Schema::Any),
    ("digest", Schema::Any),
    ("checksum", Schema::Any),
    ("engine", Schema::Any),
    ("tillerVersion", Schema::Any),
    ("url", Schema::Any),
]);

const INDEX_FILE: &Fields = &Fields(&[
    ("serverInfo", Schema::Any),
    ("apiVersion", Schema::Any),
    ("generated", Schema::Any),
    ("entries", Schema::Entries),
    ("publicKeys", Schema::Any),
    ("annotations", Schema::Any),
]);

/// The first key (in `encoding/json`'s order: sorted, depth first) that no field takes.
fn unknown_field(v: &Value, fields: &Fields) -> Option<String> {
    let Value::Map(m) = v else { return None };
    let mut entries = m.entries();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (k, val) in entries {
        let Some((_, schema)) = fields
            .0
            .iter()
            .find(|(n, _)| *n == &*k)
            .or_else(|| fields.0.iter().find(|(n, _)| n.eq_ignore_ascii_case(&k)))
        else {
            return Some(k.to_string());
        };
        let found = match (schema, &val) {
            (Schema::ListOf(f), Value::List(items, _)) => {
                items.iter().find_map(|i| unknown_field(i, f))
            }
            (Schema::Entries, Value::Map(charts)) => {
                let mut charts = charts.entries();
                charts.sort_by(|a, b| a.0.cmp(&b.0));
                charts.iter().find_map(|(_, list)| match list {
                    Value::List(items, _) => {
                        items.iter().find_map(|i| unknown_field(i, &CHART_VERSION))
                    }
                    _ => None,
                })
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}
