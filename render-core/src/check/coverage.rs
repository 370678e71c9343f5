//! Which paths of the merged values a render read: the templates' reads (by map identity,
//! turned into paths by walking the merged values), and what Helm reads itself (dependency
//! conditions and tags, `import-values` sources, `values.schema.json`).

use crate::chart::Chart;
use crate::template::ReadLog;
use render_go::limits::MAX_WALK_NODES;
use render_go::value::{Map, Str, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Read paths of the merged values.
#[derive(Debug, Default)]
pub(super) struct ReadSet {
    /// Keys looked up.
    keys: BTreeSet<Vec<Str>>,
    /// Maps read whole: everything under them.
    whole: BTreeSet<Vec<Str>>,
    /// Maps whose every key counts as read.
    key_sets: BTreeSet<Vec<Str>>,
}

impl ReadSet {
    /// The reads of a render over `values`, the merged values it was given, with what Helm
    /// reads of them: the dependency declarations of `declared` (the chart as loaded) and the
    /// schemas of `processed` (the charts that were rendered: a disabled one validates
    /// nothing).
    pub(super) fn new(values: &Map, log: &ReadLog, declared: &Chart, processed: &Chart) -> ReadSet {
        let mut set = ReadSet::default();
        if !set.walk(values, log) {
            // Too large to follow: claim nothing is unread rather than guess.
            set.whole.insert(Vec::new());
        }
        set.add_dependency_reads(declared, &mut Vec::new());
        set.add_schemas(processed, &mut Vec::new());
        set.add_global_copies();
        set
    }

    /// Whether the value at `path` was read: looked up, in a map whose keys were all read,
    /// or under a map read whole.
    pub(super) fn is_read(&self, path: &[Str]) -> bool {
        if self.keys.contains(path) {
            return true;
        }
        if let Some((_, parent)) = path.split_last()
            && self.key_sets.contains(parent)
        {
            return true;
        }
        (0..path.len()).any(|n| path.get(..n).is_some_and(|p| self.whole.contains(p)))
    }

    /// Whether anything at or under `path` was read (a suggestion must lead somewhere read).
    pub(super) fn touches(&self, path: &[Str]) -> bool {
        let under = |set: &BTreeSet<Vec<Str>>| {
            set.range(path.to_vec()..)
                .next()
                .is_some_and(|p| p.starts_with(path))
        };
        self.is_read(path) || under(&self.keys) || under(&self.whole)
    }

    /// Turns the log's map identities into paths. Returns false when the values are too
    /// large to walk within the bound every walk over values keeps.
    fn walk(&mut self, root: &Map, log: &ReadLog) -> bool {
        // (map, its path, the identities of the maps above it: a map inside itself stops)
        let mut pending: Vec<(Map, Vec<Str>, Vec<usize>)> =
            vec![(root.clone(), Vec::new(), Vec::new())];
        let mut budget = MAX_WALK_NODES;
        while let Some((map, path, mut above)) = pending.pop() {
            if log.has_whole(&map) {
                self.whole.insert(path.clone());
            }
            if log.has_key_set(&map) {
                self.key_sets.insert(path.clone());
            }
            for key in log.keys_read(&map) {
                let mut child = path.clone();
                child.push(key.clone());
                self.keys.insert(child);
            }
            above.push(map.id());
            for (key, value) in map.entries() {
                budget = match budget.checked_sub(1) {
                    Some(b) => b,
                    None => return false,
                };
                let mut child = path.clone();
                child.push(key);
                if let Value::Map(m) = value
                    && !above.contains(&m.id())
                {
                    pending.push((m, child, above.clone()));
                }
            }
        }
        true
    }

    /// What Helm reads of the values to process `chart`'s dependencies (whose values are at
    /// `prefix`): conditions and tags, `import-values` sources; for every declared
    /// dependency, enabled or not.
    fn add_dependency_reads(&mut self, chart: &Chart, prefix: &mut Vec<Str>) {
        for dep in &chart.metadata.dependencies {
            for condition in dep.condition.split(',').map(str::trim) {
                if !condition.is_empty() {
                    self.keys.insert(joined(prefix, condition));
                }
            }
            for tag in &dep.tags {
                self.keys
                    .insert(vec![Str::from("tags"), Str::from(tag.as_str())]);
                self.keys.insert(joined(prefix, &format!("tags.{tag}")));
            }
            let key = if dep.alias.is_empty() {
                &dep.name
            } else {
                &dep.alias
            };
            for import in &dep.import_values {
                let child = match import {
                    Value::Str(name) => format!("exports.{name}"),
                    Value::Map(m) => match m.get("child") {
                        Some(Value::Str(child)) => child.to_string(),
                        _ => continue,
                    },
                    _ => continue,
                };
                let mut source = prefix.clone();
                source.push(Str::from(key.as_str()));
                source.extend(child.split('.').filter(|s| !s.is_empty()).map(Str::from));
                self.whole.insert(source);
            }
        }
        // Each declared dependency at its key (its alias), whether enabled or not.
        for (key, sub) in declared_subcharts(chart) {
            prefix.push(Str::from(key));
            self.add_dependency_reads(sub, prefix);
            prefix.pop();
        }
    }

    /// What the schemas of `chart` and its subcharts (at their keys: processing named them
    /// by their aliases) validate.
    fn add_schemas(&mut self, chart: &Chart, prefix: &mut Vec<Str>) {
        if let Some(schema) = &chart.schema
            && let Ok(Value::Map(schema)) =
                render_go::json::decode(&String::from_utf8_lossy(schema))
        {
            self.add_schema(&schema, prefix);
        }
        for sub in &chart.dependencies {
            prefix.push(Str::from(sub.metadata.name.as_str()));
            self.add_schemas(sub, prefix);
            prefix.pop();
        }
    }

    /// A schema validates what its `properties` and `required` name (even a bare `type`
    /// matters: removing the user's value can bring back a default the schema refuses); a
    /// bound on the keys
    /// (`additionalProperties: false`, `maxProperties`) makes every key of that map matter,
    /// and anything else that constrains it (`patternProperties`, `$ref`, `allOf`, ...) the
    /// whole map.
    fn add_schema(&mut self, schema: &Map, path: &mut Vec<Str>) {
        render_go::recursion::grow(|| {
            for (keyword, value) in schema.entries() {
                match (&*keyword, value) {
                    ("properties", Value::Map(properties)) => {
                        for (name, sub) in properties.entries() {
                            path.push(name);
                            self.keys.insert(path.clone());
                            if let Value::Map(sub) = sub {
                                self.add_schema(&sub, path);
                            }
                            path.pop();
                        }
                    }
                    ("required", Value::List(names, _)) => {
                        for name in names.iter().filter_map(Value::as_str) {
                            let mut required = path.clone();
                            required.push(Str::from(name));
                            self.keys.insert(required);
                        }
                    }
                    (
                        "additionalProperties" | "minProperties" | "maxProperties",
                        Value::Bool(false) | Value::Int(..) | Value::Float(_),
                    ) => {
                        self.key_sets.insert(path.clone());
                    }
                    (
                        "additionalProperties"
                        | "patternProperties"
                        | "$ref"
                        | "allOf"
                        | "anyOf"
                        | "oneOf"
                        | "not"
                        | "if"
                        | "then"
                        | "else"
                        | "dependencies"
                        | "dependentSchemas"
                        | "dependentRequired"
                        | "propertyNames",
                        _,
                    ) => {
                        self.whole.insert(path.clone());
                    }
                    _ => {}
                }
            }
        })
    }

    /// Helm copies `global` into every subchart's values: a read of `sub.global.x` reads the
    /// user's `global.x`.
    fn add_global_copies(&mut self) {
        for set in [&mut self.keys, &mut self.whole, &mut self.key_sets] {
            let copies: Vec<Vec<Str>> = set
                .iter()
                .filter_map(|p| {
                    let at = p.iter().skip(1).position(|k| &**k == "global")? + 1;
                    p.get(at..).map(<[Str]>::to_vec)
                })
                .collect();
            set.extend(copies);
        }
    }
}

/// `prefix` followed by the keys of a dotted path.
fn joined(prefix: &[Str], dotted: &str) -> Vec<Str> {
    let mut path = prefix.to_vec();
    path.extend(dotted.split('.').filter(|s| !s.is_empty()).map(Str::from));
    path
}

/// Where the charts' values are in the merged values: `[]` for the chart itself, `[sub]`
/// for a subchart (by its alias when it has one), `[sub, subsub]`, ...
#[derive(Debug, Default)]
pub(super) struct Scopes {
    /// Each chart's values path and the chart's name.
    paths: BTreeMap<Vec<Str>, Str>,
}

impl Scopes {
    /// Whether `path` holds a chart's values (or the globals), which a report never lumps
    /// together.
    pub(super) fn is_boundary(&self, path: &[Str]) -> bool {
        self.paths.contains_key(path) || path.last().is_some_and(|k| &**k == "global")
    }

    /// The subcharts at `path`: their keys (an alias where they have one) and chart names.
    pub(super) fn children(&self, path: &[Str]) -> impl Iterator<Item = (&Str, &Str)> {
        self.paths
            .iter()
            .filter(move |(p, _)| p.len() == path.len() + 1 && p.starts_with(path))
            .filter_map(|(p, name)| Some((p.last()?, name)))
    }
}

/// What `chart` declares, with its dependencies as declared (enabled or not, each under
/// its alias): where each chart's values are, and every path its values files give.
pub(super) fn declared(chart: &Chart) -> (Scopes, BTreeSet<Vec<Str>>) {
    let mut scopes = Scopes::default();
    let mut paths = BTreeSet::new();
    let mut pending: Vec<(&Chart, Vec<Str>)> = vec![(chart, Vec::new())];
    while let Some((chart, prefix)) = pending.pop() {
        add_paths(&chart.values, &prefix, &mut paths);
        for (key, sub) in declared_subcharts(chart) {
            let mut child = prefix.clone();
            child.push(Str::from(key));
            pending.push((sub, child));
        }
        scopes
            .paths
            .insert(prefix, Str::from(chart.metadata.name.as_str()));
    }
    (scopes, paths)
}

/// The subcharts `chart` declares, each with the key of its values (its alias when it has
/// one): as loaded, before processing drops the disabled ones.
fn declared_subcharts(chart: &Chart) -> impl Iterator<Item = (&str, &Chart)> {
    chart.metadata.dependencies.iter().filter_map(|dep| {
        let sub = chart
            .dependencies
            .iter()
            .find(|s| s.metadata.name == dep.name)?;
        let key = if dep.alias.is_empty() {
            &dep.name
        } else {
            &dep.alias
        };
        Some((key.as_str(), sub))
    })
}

/// Every key path of `value` (a values tree) under `prefix`.
fn add_paths(value: &Value, prefix: &[Str], out: &mut BTreeSet<Vec<Str>>) {
    let mut pending: Vec<(Map, Vec<Str>)> = match value {
        Value::Map(m) => vec![(m.clone(), prefix.to_vec())],
        _ => return,
    };
    let mut budget = MAX_WALK_NODES;
    while let Some((map, path)) = pending.pop() {
        for (key, value) in map.entries() {
            budget = match budget.checked_sub(1) {
                Some(b) => b,
                None => return,
            };
            let mut child = path.clone();
            child.push(key);
            if let Value::Map(m) = value {
                pending.push((m, child.clone()));
            }
            out.insert(child);
        }
    }
}
