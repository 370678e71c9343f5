//! The chart model: plain data, no I/O.

use render_go::value::{ListType, Map, MapType, Str, Value};
use std::sync::Arc;

/// A file of a chart: its path inside the chart (`templates/x.yaml`) and its bytes.
#[derive(Clone, Debug)]
pub struct File {
    /// Path relative to the chart root, with `/` separators.
    pub name: String,
    /// Contents.
    pub data: Arc<[u8]>,
}

/// A maintainer entry of Chart.yaml.
#[derive(Clone, Debug, Default)]
pub struct Maintainer {
    /// `name`.
    pub name: String,
    /// `email`.
    pub email: String,
    /// `url`.
    pub url: String,
}

/// A dependency entry of Chart.yaml (or requirements.yaml).
#[derive(Clone, Debug, Default)]
pub struct Dependency {
    /// `name`.
    pub name: String,
    /// `version` (a semver constraint).
    pub version: String,
    /// `repository`.
    pub repository: String,
    /// `condition`: comma-separated values paths.
    pub condition: String,
    /// `tags`.
    pub tags: Vec<String>,
    /// Computed: whether the dependency is enabled.
    pub enabled: bool,
    /// `import-values`, as written (strings or `{child, parent}` maps).
    pub import_values: Vec<Value>,
    /// `alias`.
    pub alias: String,
}

/// Chart.yaml.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    /// `name`.
    pub name: String,
    /// `home`.
    pub home: String,
    /// `sources`.
    pub sources: Vec<String>,
    /// `version`.
    pub version: String,
    /// `description`.
    pub description: String,
    /// `keywords`.
    pub keywords: Vec<String>,
    /// `maintainers`.
    pub maintainers: Vec<Maintainer>,
    /// `icon`.
    pub icon: String,
    /// `apiVersion`.
    pub api_version: String,
    /// `condition`.
    pub condition: String,
    /// `tags`.
    pub tags: String,
    /// `appVersion`.
    pub app_version: String,
    /// `deprecated`.
    pub deprecated: bool,
    /// `annotations`; `None` when absent (a Go nil map).
    pub annotations: Option<Vec<(String, String)>>,
    /// `kubeVersion`.
    pub kube_version: String,
    /// `dependencies`.
    pub dependencies: Vec<Dependency>,
    /// `type` (`application` or `library`).
    pub chart_type: String,
}

fn s(v: &str) -> Value {
    Value::str(v)
}

fn strings(items: &[String]) -> Value {
    // structToMap turns every slice into []interface{}.
    Value::List(items.iter().map(|i| s(i)).collect(), ListType::Any)
}

fn map(entries: Vec<(&str, Value)>) -> Map {
    Map::from_entries(
        MapType::Any,
        entries.into_iter().map(|(k, v)| (Str::from(k), v)),
    )
}

impl Metadata {
    /// `.Chart` as Helm v4 builds it (`structToMap` of the metadata, plus `IsRoot`): Go field
    /// names as keys, slices as `[]interface{}`, annotations as a `map[string]string`.
    pub fn to_value(&self, is_root: bool) -> Map {
        let annotations = match &self.annotations {
            None => Map::nil(MapType::String),
            Some(a) => Map::from_entries(
                MapType::String,
                a.iter().map(|(k, v)| (Str::from(k.as_str()), s(v))),
            ),
        };
        let maintainers = self
            .maintainers
            .iter()
            .map(|m| {
                Value::Map(map(vec![
                    ("Name", s(&m.name)),
                    ("Email", s(&m.email)),
                    ("URL", s(&m.url)),
                ]))
            })
            .collect();
        let dependencies = self
            .dependencies
            .iter()
            .map(|d| {
                Value::Map(map(vec![
                    ("Name", s(&d.name)),
                    ("Version", s(&d.version)),
                    ("Repository", s(&d.repository)),
                    ("Condition", s(&d.condition)),
                    ("Tags", strings(&d.tags)),
                    ("Enabled", Value::Bool(d.enabled)),
                    ("ImportValues", Value::list(d.import_values.clone())),
                    ("Alias", s(&d.alias)),
                ]))
            })
            .collect();
        map(vec![
            ("Name", s(&self.name)),
            ("Home", s(&self.home)),
            ("Sources", strings(&self.sources)),
            ("Version", s(&self.version)),
            ("Description", s(&self.description)),
            ("Keywords", strings(&self.keywords)),
            ("Maintainers", Value::list(maintainers)),
            ("Icon", s(&self.icon)),
            ("APIVersion", s(&self.api_version)),
            ("Condition", s(&self.condition)),
            ("Tags", s(&self.tags)),
            ("AppVersion", s(&self.app_version)),
            ("Deprecated", Value::Bool(self.deprecated)),
            ("Annotations", Value::Map(annotations)),
            ("KubeVersion", s(&self.kube_version)),
            ("Dependencies", Value::list(dependencies)),
            ("Type", s(&self.chart_type)),
            ("IsRoot", Value::Bool(is_root)),
        ])
    }

    /// Whether this is a library chart (its templates are not rendered, only its defines).
    pub fn is_library(&self) -> bool {
        self.chart_type.eq_ignore_ascii_case("library")
    }
}

/// A loaded chart with its subcharts.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    /// Chart.yaml.
    pub metadata: Metadata,
    /// Files under `templates/`.
    pub templates: Vec<File>,
    /// values.yaml as loaded (a map).
    pub values: Value,
    /// The bytes of each `values.yaml` file read, in order (an archive may hold two): what
    /// `helm show values` prints. Empty when the chart has none.
    pub raw_values: Vec<Arc<[u8]>>,
    /// values.schema.json.
    pub schema: Option<Arc<[u8]>>,
    /// Every other file (what `.Files` sees).
    pub files: Vec<File>,
    /// Subcharts (vendored under `charts/`), after dependency processing.
    pub dependencies: Vec<Chart>,
}
