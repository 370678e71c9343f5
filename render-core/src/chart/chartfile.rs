//! Chart.yaml (and a v1 chart's requirements.yaml) → [`Metadata`], as Helm reads it:
//! `sigs.k8s.io/yaml.Unmarshal` into the Go struct, then `Metadata.Validate`.
//!
//! sigs.k8s.io/yaml converts YAML to JSON *knowing the target struct*: a number or boolean
//! bound for a `string` field becomes its text (`appVersion: 1.10` → `"1.1"`, floats printed
//! as float32), then `encoding/json` fills the struct, matching keys to fields exactly or,
//! failing that, case-insensitively, and reporting the first type mismatch.

use super::model::{Dependency, Maintainer, Metadata};
use render_go::value::{IntType, Map, Value};

/// Go's text for a mismatched JSON value, and the target's location.
struct TypeError {
    value: &'static str,
    strukt: &'static str,
    field: String,
    go_type: &'static str,
}

impl TypeError {
    fn text(&self) -> String {
        format!(
            "json: cannot unmarshal {} into Go struct field {}.{} of type {}",
            self.value, self.strukt, self.field, self.go_type
        )
    }
}

/// A decoder that records the first type error, as `encoding/json` does, and carries on.
struct Decoder {
    first_error: Option<TypeError>,
}

impl Decoder {
    fn mismatch(&mut self, v: &Value, strukt: &'static str, field: &str, go_type: &'static str) {
        if self.first_error.is_none() {
            self.first_error = Some(TypeError {
                value: render_go::json::kind_name(v),
                strukt,
                field: field.to_string(),
                go_type,
            });
        }
    }

    /// A `string` target: sigs.k8s.io/yaml stringifies numbers and booleans first.
    fn string(&mut self, v: &Value, strukt: &'static str, field: &str, out: &mut String) {
        match v {
            Value::Nil => {}
            Value::Str(s) => *out = s.to_string(),
            Value::Int(i, t) if *t == IntType::Uint64 => *out = (*i as u64).to_string(),
            Value::Int(i, _) => *out = i.to_string(),
            // sigs.k8s.io/yaml's text for a float bound for a string: float32 `%g`, `+Inf`.
            Value::Float(f) => *out = render_go::strconv::format_float32(*f as f32, b'g', -1),
            Value::Bool(b) => *out = b.to_string(),
            other => self.mismatch(other, strukt, field, "string"),
        }
    }

    fn boolean(&mut self, v: &Value, strukt: &'static str, field: &str, out: &mut bool) {
        match v {
            Value::Nil => {}
            Value::Bool(b) => *out = *b,
            other => self.mismatch(other, strukt, field, "bool"),
        }
    }

    fn strings(&mut self, v: &Value, strukt: &'static str, field: &str, out: &mut Vec<String>) {
        match v {
            Value::Nil => out.clear(),
            Value::List(items, _) => {
                *out = items
                    .iter()
                    .map(|i| {
                        let mut s = String::new();
                        self.string(i, strukt, field, &mut s);
                        s
                    })
                    .collect();
            }
            other => self.mismatch(other, strukt, field, "[]string"),
        }
    }

    /// The entries of an object, each key matched to a field name exactly or, failing that,
    /// case-insensitively (keys arrive sorted, as sigs.k8s.io/yaml's JSON has them).
    fn fields(m: &Map, names: &[&'static str]) -> Vec<(&'static str, Value)> {
        let mut out = Vec::new();
        m.with_entries(|entries| {
            for (k, v) in entries {
                let exact = names.iter().find(|n| **n == &**k);
                let folded = exact.or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(k)));
                if let Some(name) = folded {
                    out.push((*name, v.clone()));
                }
            }
        });
        out
    }

    fn maintainer(&mut self, v: &Value) -> Option<Maintainer> {
        let Value::Map(m) = v else {
            if !v.is_nil() {
                self.mismatch(v, "Metadata", "maintainers", "chart.Maintainer");
            }
            return None;
        };
        let mut out = Maintainer::default();
        for (name, val) in Self::fields(m, &["name", "email", "url"]) {
            let path = format!("maintainers.{name}");
            let target = match name {
                "name" => &mut out.name,
                "email" => &mut out.email,
                _ => &mut out.url,
            };
            self.string(&val, "Maintainer", &path, target);
        }
        Some(out)
    }

    fn dependency(&mut self, v: &Value) -> Option<Dependency> {
        let Value::Map(m) = v else {
            if !v.is_nil() {
                self.mismatch(v, "Metadata", "dependencies", "chart.Dependency");
            }
            return None;
        };
        let names = [
            "name",
            "version",
            "repository",
            "condition",
            "tags",
            "enabled",
            "import-values",
            "alias",
        ];
        let mut d = Dependency::default();
        for (name, val) in Self::fields(m, &names) {
            let path = format!("dependencies.{name}");
            match name {
                "name" => self.string(&val, "Dependency", &path, &mut d.name),
                "version" => self.string(&val, "Dependency", &path, &mut d.version),
                "repository" => self.string(&val, "Dependency", &path, &mut d.repository),
                "condition" => self.string(&val, "Dependency", &path, &mut d.condition),
                "alias" => self.string(&val, "Dependency", &path, &mut d.alias),
                "tags" => self.strings(&val, "Dependency", &path, &mut d.tags),
                "enabled" => self.boolean(&val, "Dependency", &path, &mut d.enabled),
                _ => match &val {
                    Value::Nil => d.import_values.clear(),
                    Value::List(items, _) => {
                        d.import_values = items.iter().map(json_value).collect()
                    }
                    other => self.mismatch(other, "Dependency", &path, "[]interface {}"),
                },
            }
        }
        Some(d)
    }
}

/// A value as `encoding/json` gives it to an `interface{}` field (numbers are float64).
fn json_value(v: &Value) -> Value {
    match v {
        Value::Int(i, t) if *t == IntType::Uint64 => Value::Float(*i as u64 as f64),
        Value::Int(i, _) => Value::Float(*i as f64),
        Value::List(items, t) => Value::List(items.iter().map(json_value).collect(), *t),
        Value::Map(m) => Value::Map(Map::from_entries(
            m.map_type(),
            m.entries().into_iter().map(|(k, v)| (k, json_value(&v))),
        )),
        other => other.clone(),
    }
}

/// Null entries in Chart.yaml's lists, which `Validate` refuses (the model has no place for
/// them).
#[derive(Clone, Copy, Debug, Default)]
pub struct NullEntries {
    /// A `maintainers` entry was null.
    pub maintainer: bool,
    /// A `dependencies` entry was null.
    pub dependency: bool,
}

/// Decodes Chart.yaml into `md` (fields absent from the text keep their value). Errors carry
/// sigs.k8s.io/yaml's text (`error converting YAML to JSON: ...`, `error unmarshaling JSON:
/// while decoding JSON: json: ...`).
pub fn decode_metadata(text: &str, md: &mut Metadata) -> Result<NullEntries, String> {
    let doc = render_go::yaml::from_str_typed(text).map_err(|e| e.message().to_string())?;
    check_json_convertible(&doc, &Target::Struct(METADATA))?;
    let mut nulls = NullEntries::default();
    let m = match &doc {
        Value::Nil => return Ok(nulls),
        Value::Map(m) => m,
        other => return Err(top_level_mismatch(other, "v2.Metadata")),
    };
    let names = [
        "name",
        "home",
        "sources",
        "version",
        "description",
        "keywords",
        "maintainers",
        "icon",
        "apiVersion",
        "condition",
        "tags",
        "appVersion",
        "deprecated",
        "annotations",
        "kubeVersion",
        "dependencies",
        "type",
    ];
    let mut d = Decoder { first_error: None };
    for (name, val) in Decoder::fields(m, &names) {
        match name {
            "sources" => d.strings(&val, "Metadata", name, &mut md.sources),
            "keywords" => d.strings(&val, "Metadata", name, &mut md.keywords),
            "deprecated" => d.boolean(&val, "Metadata", name, &mut md.deprecated),
            "maintainers" => match &val {
                Value::Nil => md.maintainers.clear(),
                Value::List(items, _) => {
                    md.maintainers.clear();
                    for item in items.iter() {
                        match d.maintainer(item) {
                            Some(x) => md.maintainers.push(x),
                            None if item.is_nil() => nulls.maintainer = true,
                            None => {}
                        }
                    }
                }
                other => d.mismatch(other, "Metadata", name, "[]*chart.Maintainer"),
            },
            "dependencies" => match &val {
                Value::Nil => md.dependencies.clear(),
                Value::List(items, _) => {
                    md.dependencies.clear();
                    for item in items.iter() {
                        match d.dependency(item) {
                            Some(x) => md.dependencies.push(x),
                            None if item.is_nil() => nulls.dependency = true,
                            None => {}
                        }
                    }
                }
                other => d.mismatch(other, "Metadata", name, "[]*chart.Dependency"),
            },
            "annotations" => match &val {
                Value::Nil => md.annotations = None,
                Value::Map(a) => {
                    let mut out = Vec::new();
                    for (k, v) in a.entries() {
                        let mut s = String::new();
                        d.string(&v, "Metadata", "annotations", &mut s);
                        out.push((k.to_string(), s));
                    }
                    md.annotations = Some(out);
                }
                other => d.mismatch(other, "Metadata", name, "map[string]string"),
            },
            _ => {
                let target = match name {
                    "name" => &mut md.name,
                    "home" => &mut md.home,
                    "version" => &mut md.version,
                    "description" => &mut md.description,
                    "icon" => &mut md.icon,
                    "apiVersion" => &mut md.api_version,
                    "condition" => &mut md.condition,
                    "tags" => &mut md.tags,
                    "appVersion" => &mut md.app_version,
                    "kubeVersion" => &mut md.kube_version,
                    _ => &mut md.chart_type,
                };
                d.string(&val, "Metadata", name, target);
            }
        }
    }
    if let Some(e) = d.first_error {
        return Err(format!(
            "error unmarshaling JSON: while decoding JSON: {}",
            e.text()
        ));
    }
    Ok(nulls)
}

/// Helm's first look at Chart.yaml (`pkg/chart/loader`'s `chartBase`): its apiVersion, which
/// picks the loader.
pub fn decode_api_version(text: &str) -> Result<String, String> {
    let doc = render_go::yaml::from_str_typed(text).map_err(|e| e.message().to_string())?;
    check_json_convertible(&doc, &Target::Struct(CHART_BASE))?;
    let m = match &doc {
        Value::Nil => return Ok(String::new()),
        Value::Map(m) => m,
        other => return Err(top_level_mismatch(other, "loader.chartBase")),
    };
    let mut d = Decoder { first_error: None };
    let mut version = String::new();
    for (_, val) in Decoder::fields(m, &["apiVersion"]) {
        d.string(&val, "chartBase", "apiVersion", &mut version);
    }
    match d.first_error {
        Some(e) => Err(format!(
            "error unmarshaling JSON: while decoding JSON: {}",
            e.text()
        )),
        None => Ok(version),
    }
}

fn top_level_mismatch(v: &Value, go_type: &str) -> String {
    format!(
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type {go_type}",
        render_go::json::kind_name(v)
    )
}

/// What a YAML node is decoded into, as far as sigs.k8s.io/yaml's conversion cares.
enum Target {
    /// An `interface{}` or a field the struct does not have: values stay as they are.
    Any,
    /// A `string`: scalars become their text.
    Str,
    /// A `[]string`.
    Strings,
    /// A `map[string]string`.
    StrMap,
    /// A struct, by JSON field name.
    Struct(&'static [(&'static str, Target)]),
    /// A slice of structs.
    Structs(&'static [(&'static str, Target)]),
}

const MAINTAINER: &[(&str, Target)] = &[
    ("name", Target::Str),
    ("email", Target::Str),
    ("url", Target::Str),
];

const DEPENDENCY: &[(&str, Target)] = &[
    ("name", Target::Str),
    ("version", Target::Str),
    ("repository", Target::Str),
    ("condition", Target::Str),
    ("tags", Target::Strings),
    ("alias", Target::Str),
];

const METADATA: &[(&str, Target)] = &[
    ("name", Target::Str),
    ("home", Target::Str),
    ("sources", Target::Strings),
    ("version", Target::Str),
    ("description", Target::Str),
    ("keywords", Target::Strings),
    ("maintainers", Target::Structs(MAINTAINER)),
    ("icon", Target::Str),
    ("apiVersion", Target::Str),
    ("condition", Target::Str),
    ("tags", Target::Str),
    ("appVersion", Target::Str),
    ("annotations", Target::StrMap),
    ("kubeVersion", Target::Str),
    ("dependencies", Target::Structs(DEPENDENCY)),
    ("type", Target::Str),
];

const CHART_BASE: &[(&str, Target)] = &[("apiVersion", Target::Str)];

/// sigs.k8s.io/yaml's YAML-to-JSON step: a NaN or an infinity that is not bound for a string
/// field (where it becomes text) cannot be written as JSON. Maps are visited in sorted key
/// order, as `encoding/json` writes them.
fn check_json_convertible(v: &Value, target: &Target) -> Result<(), String> {
    render_go::recursion::grow(|| match v {
        Value::Float(f) if !f.is_finite() && !matches!(target, Target::Str) => {
            let text = if f.is_nan() {
                "NaN"
            } else if *f > 0.0 {
                "+Inf"
            } else {
                "-Inf"
            };
            Err(format!(
                "error converting YAML to JSON: json: unsupported value: {text}"
            ))
        }
        Value::List(items, _) => {
            let item = match target {
                Target::Strings => &Target::Str,
                Target::Structs(fields) => &Target::Struct(fields),
                _ => &Target::Any,
            };
            items
                .iter()
                .try_for_each(|i| check_json_convertible(i, item))
        }
        Value::Map(m) => {
            let mut entries = m.entries();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            for (k, val) in &entries {
                let field = match target {
                    Target::StrMap => &Target::Str,
                    Target::Struct(fields) => fields
                        .iter()
                        .find(|(n, _)| *n == &**k)
                        .or_else(|| fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(k)))
                        .map_or(&Target::Any, |(_, t)| t),
                    _ => &Target::Any,
                };
                check_json_convertible(val, field)?;
            }
            Ok(())
        }
        _ => Ok(()),
    })
}

/// Helm's `sanitizeString`: whitespace becomes a space, unprintable characters go.
fn sanitize(s: &mut String) {
    use render_go::unicode::{is_print, is_space};
    if s.chars().all(|c| c == ' ' || (!is_space(c) && is_print(c))) {
        return;
    }
    *s = s
        .chars()
        .filter_map(|c| {
            if is_space(c) {
                Some(' ')
            } else if is_print(c) {
                Some(c)
            } else {
                None
            }
        })
        .collect();
}

fn invalid(msg: String) -> String {
    format!("validation: {msg}")
}

impl Metadata {
    /// Helm's `Metadata.Validate`: sanitizes text fields and checks the required ones.
    /// `nulls` reports null list entries seen while decoding.
    pub fn validate(&mut self, nulls: NullEntries) -> Result<(), String> {
        for s in [
            &mut self.name,
            &mut self.description,
            &mut self.home,
            &mut self.icon,
            &mut self.condition,
            &mut self.tags,
            &mut self.app_version,
            &mut self.kube_version,
        ] {
            sanitize(s);
        }
        self.sources.iter_mut().for_each(sanitize);
        self.keywords.iter_mut().for_each(sanitize);
        if self.api_version.is_empty() {
            return Err(invalid("chart.metadata.apiVersion is required".into()));
        }
        if self.name.is_empty() {
            return Err(invalid("chart.metadata.name is required".into()));
        }
        if self.name == "." || self.name == ".." {
            return Err(invalid(format!(
                "chart.metadata.name {} is not allowed",
                render_go::strconv::quote(&self.name)
            )));
        }
        if self.name.contains('/') {
            return Err(invalid(format!(
                "chart.metadata.name {} is invalid",
                render_go::strconv::quote(&self.name)
            )));
        }
        if self.version.is_empty() {
            return Err(invalid("chart.metadata.version is required".into()));
        }
        if render_go::semver::Version::parse(&self.version).is_err() {
            return Err(invalid(format!(
                "chart.metadata.version {} is invalid",
                render_go::strconv::quote(&self.version)
            )));
        }
        if !matches!(self.chart_type.as_str(), "" | "application" | "library") {
            return Err(invalid(
                "chart.metadata.type must be application or library".into(),
            ));
        }
        if nulls.maintainer {
            return Err(invalid(
                "maintainers must not contain empty or null nodes".into(),
            ));
        }
        for m in &mut self.maintainers {
            sanitize(&mut m.name);
            sanitize(&mut m.email);
            sanitize(&mut m.url);
        }
        if nulls.dependency {
            return Err(invalid(
                "dependencies must not contain empty or null nodes".into(),
            ));
        }
        let mut seen: Vec<String> = Vec::new();
        for d in &mut self.dependencies {
            for s in [
                &mut d.name,
                &mut d.version,
                &mut d.repository,
                &mut d.condition,
            ] {
                sanitize(s);
            }
            d.tags.iter_mut().for_each(sanitize);
            if !d.alias.is_empty()
                && !d
                    .alias
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                return Err(invalid(format!(
                    "dependency {} has disallowed characters in the alias",
                    render_go::strconv::quote(&d.name)
                )));
            }
            let key = if d.alias.is_empty() {
                d.name.clone()
            } else {
                d.alias.clone()
            };
            if seen.contains(&key) {
                return Err(invalid(format!(
                    "more than one dependency with name or alias {}",
                    render_go::strconv::quote(&key)
                )));
            }
            seen.push(key);
        }
        Ok(())
    }
}
