//! Helm's rendering engine (`pkg/engine`): all templates of a chart and its subcharts share
//! one template set, parsed in Helm's order so that the right `define` wins; then every file
//! not starting with `_` is executed with its chart's scope, and `<no value>` is removed from
//! the output.

pub mod capabilities;
mod error;
pub mod files;
mod glob;
pub mod scope;

pub use error::{format_exec_error, format_parse_error, warn_wrap};

use crate::error::{Error, ErrorKind};
use crate::funcs::FuncTable;
use crate::template::{Exec, Limits, TemplateSet, TplTrees};
use crate::value::{Map, MapType, Str, Value, rawbytes};
use std::collections::BTreeMap;

/// Name of the root template that `tpl` templates are named after.
pub const ROOT_TEMPLATE: &str = "gotpl";

/// One template file to render, with the scope map of its chart.
#[derive(Clone, Debug)]
pub struct Renderable {
    /// Full path, e.g. `mychart/charts/sub/templates/x.yaml`.
    pub path: String,
    /// The template text.
    pub text: String,
    /// The chart's scope map (`.Values`, `.Chart`, ... for that chart).
    pub scope: Map,
    /// `.Template.BasePath`.
    pub base_path: String,
}

/// Helm's parse order (`sortTemplates`): deeper paths first, then reverse lexical order, so a
/// parent chart's `define` (parsed later) overrides a subchart's.
fn sort_templates(templates: &mut [Renderable]) {
    templates.sort_by(|a, b| {
        let (da, db) = (a.path.matches('/').count(), b.path.matches('/').count());
        db.cmp(&da).then_with(|| b.path.cmp(&a.path))
    });
}

/// Renders templates; returns each rendered file's output by path (partials excluded).
pub fn render(
    mut templates: Vec<Renderable>,
    funcs: &FuncTable,
    limits: &Limits,
) -> Result<BTreeMap<String, String>, Error> {
    sort_templates(&mut templates);
    let mut set = TemplateSet::new(ROOT_TEMPLATE);
    for t in &templates {
        set.parse(&t.path, &t.text, funcs)
            .map_err(|e| Error::new(ErrorKind::Parse, format_parse_error(&t.path, &e)))?;
    }
    let tpl = TplTrees::default();
    let mut exec = Exec::new(&set, funcs, &tpl, limits.clone());
    let mut rendered = BTreeMap::new();
    for t in &templates {
        let base = t.path.rsplit('/').next().unwrap_or(&t.path);
        if base.starts_with('_') {
            continue;
        }
        let template = Map::from_entries(
            MapType::Values,
            [
                (Str::from("Name"), Value::str(&t.path)),
                (Str::from("BasePath"), Value::str(&t.base_path)),
            ],
        );
        t.scope.insert(Str::from("Template"), Value::Map(template));
        let out = exec
            .execute(&t.path, Value::Map(t.scope.with_type(MapType::Values)))
            .map_err(|e| Error::new(ErrorKind::Exec, format_exec_error(&t.path, &e)))?;
        let out = out.replace("<no value>", "");
        // Raw bytes written next to each other may form UTF-8 again, as in Go's output.
        let out = match rawbytes::has_escapes(&out) {
            true => rawbytes::encode(&rawbytes::decode(&out)).into_owned(),
            false => out,
        };
        rendered.insert(t.path.clone(), out);
    }
    Ok(rendered)
}
