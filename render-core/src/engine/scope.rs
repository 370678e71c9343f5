//! The data each template sees: Helm's `ToRenderValues` (the top-level map) and `recAllTpls`
//! (one scope map per chart, holding `.Values` scoped to that chart).

use super::Renderable;
use super::files::Files;
use crate::chart::Chart;
use render_go::value::{Map, MapType, Str, Value};
use std::sync::Arc;

/// Release information (`.Release`).
#[derive(Clone, Debug)]
pub struct Release {
    /// `.Release.Name`.
    pub name: String,
    /// `.Release.Namespace`.
    pub namespace: String,
    /// `.Release.Revision`.
    pub revision: i64,
    /// `.Release.IsUpgrade`.
    pub is_upgrade: bool,
    /// `.Release.IsInstall`.
    pub is_install: bool,
}

impl Default for Release {
    fn default() -> Self {
        Release {
            name: "release-name".into(),
            namespace: "default".into(),
            revision: 1,
            is_upgrade: false,
            is_install: true,
        }
    }
}

fn entries(items: Vec<(&str, Value)>) -> impl Iterator<Item = (Str, Value)> {
    items.into_iter().map(|(k, v)| (Str::from(k), v))
}

/// Helm's `ToRenderValues`: `{Chart, Capabilities, Release, Values}`.
pub fn top_values(chart: &Chart, values: Map, release: &Release, capabilities: Value) -> Map {
    let release = Map::from_entries(
        MapType::Any,
        entries(vec![
            ("Name", Value::str(&release.name)),
            ("Namespace", Value::str(&release.namespace)),
            ("IsUpgrade", Value::Bool(release.is_upgrade)),
            ("IsInstall", Value::Bool(release.is_install)),
            ("Revision", Value::int(release.revision)),
            ("Service", Value::str("Helm")),
        ]),
    );
    let mut chart_map = chart.metadata.to_value(true);
    chart_map.remove("IsRoot");
    chart_map = chart_map.with_type(MapType::Any);
    Map::from_entries(
        MapType::Values,
        entries(vec![
            ("Chart", Value::Map(chart_map)),
            ("Capabilities", capabilities),
            ("Release", Value::Map(release)),
            ("Values", Value::Map(values.with_type(MapType::Values))),
        ]),
    )
}

/// Helm's `recAllTpls`: every template of `chart` and its subcharts, each with its chart's
/// scope map.
pub fn all_templates(chart: &Chart, top: &Map) -> Vec<Renderable> {
    let mut out = Vec::new();
    rec_all(chart, None, top, &mut out);
    out
}

fn rec_all(
    chart: &Chart,
    parent_path: Option<&str>,
    parent: &Map,
    out: &mut Vec<Renderable>,
) -> Map {
    let is_root = parent_path.is_none();
    let name = chart.metadata.name.as_str();
    let full_path = match parent_path {
        None => name.to_string(),
        Some(p) => format!("{p}/charts/{name}"),
    };
    let values = if is_root {
        parent.get("Values").unwrap_or(Value::Nil)
    } else {
        // values.Table("Values.<name>"): the parent's table, seen as common.Values.
        match parent.get("Values").and_then(|v| v.get(name)) {
            Some(Value::Map(m)) => Value::Map(m.with_type(MapType::Values)),
            _ => Value::Map(Map::new(MapType::Values)),
        }
    };
    let subcharts = Map::new(MapType::Any);
    let next = Map::from_entries(
        MapType::Any,
        entries(vec![
            ("Chart", Value::Map(chart.metadata.to_value(is_root))),
            (
                "Files",
                Value::Object(Arc::new(Files::new(
                    chart
                        .files
                        .iter()
                        .map(|f| (Str::from(f.name.as_str()), f.data.clone())),
                ))),
            ),
            ("Release", parent.get("Release").unwrap_or(Value::Nil)),
            (
                "Capabilities",
                parent.get("Capabilities").unwrap_or(Value::Nil),
            ),
            ("Values", values),
            ("Subcharts", Value::Map(subcharts.clone())),
        ]),
    );
    for child in &chart.dependencies {
        let child_next = rec_all(
            child,
            Some(&full_path),
            &next.with_type(MapType::Values),
            out,
        );
        subcharts.insert(
            Str::from(child.metadata.name.as_str()),
            Value::Map(child_next),
        );
    }
    let library = chart.metadata.is_library();
    for t in &chart.templates {
        if library && !crate::chart::is_partial(&t.name) {
            continue;
        }
        out.push(Renderable {
            path: format!("{full_path}/{}", t.name),
            data: t.data.clone(),
            scope: next.clone(),
            base_path: format!("{full_path}/templates"),
        });
    }
    next
}
