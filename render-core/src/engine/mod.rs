//! Helm's rendering engine (`pkg/engine`): all templates of a chart and its subcharts share
//! one template set, parsed in Helm's order so that the right `define` wins; then every file
//! not starting with `_` is executed with its chart's scope, and `<no value>` is removed from
//! the output.

pub mod capabilities;
mod concurrent;
mod error;
pub mod files;
mod parsed;
pub mod scope;

pub use error::{format_exec_error, format_parse_error};
pub(crate) use parsed::ParseCache;

use crate::error::{Error, ErrorKind};
use crate::template::FuncTable;
use crate::template::{Exec, Limits, ReadLog, TemplateError, TemplateSet, TplTrees};
use render_go::value::{Map, MapType, Str, Value, rawbytes};
use std::any::Any;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Name of the root template that `tpl` templates are named after.
pub const ROOT_TEMPLATE: &str = "gotpl";

/// One template file to render, with the scope map of its chart.
#[derive(Clone, Debug)]
pub struct Renderable {
    /// Full path, e.g. `mychart/charts/sub/templates/x.yaml`.
    pub path: String,
    /// The template file's bytes.
    pub data: std::sync::Arc<[u8]>,
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

/// Parses every template, in order (big charts on several threads: files parse
/// independently, and the set adds their trees in Helm's order afterwards, so the first
/// error in that order is the one reported). With a cache, files parsed by an earlier render
/// are not parsed again.
fn parse_all(
    templates: &[Renderable],
    funcs: &FuncTable,
    cache: Option<&ParseCache>,
) -> Vec<Result<parsed::Trees, crate::template::TemplateError>> {
    // Files with the same bytes (an aliased subchart's, which share its files) are parsed
    // once, under the first one's path, and renamed for the others.
    let mut first_of: HashMap<(usize, usize), usize> = HashMap::new();
    let copy_of: Vec<Option<usize>> = templates
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let key = parsed::bytes_key(&t.data);
            match first_of.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                    None
                }
            }
        })
        .collect();
    let parse = |t: &Renderable| match cache {
        Some(cache) => cache.get_or_parse(&t.path, &t.data, funcs),
        None => parsed::parse(&t.path, &t.data, funcs),
    };
    let originals: Vec<&Renderable> = templates
        .iter()
        .zip(&copy_of)
        .filter(|(_, copy)| copy.is_none())
        .map(|(t, _)| t)
        .collect();
    let parsed_originals = match cache {
        // The thread parsing ahead takes the files in the chart's order, this one in Helm's
        // (about the reverse): between them every file is parsed once, without starting
        // more threads for the cores they already use.
        Some(cache) if cache.is_parsing_ahead() => originals.iter().map(|t| parse(t)).collect(),
        _ => crate::parallel::map_ordered(&originals, |t| t.data.len(), |t| parse(t)),
    };
    let mut parsed_originals = parsed_originals.into_iter();
    let mut done: Vec<Option<Result<parsed::Trees, _>>> = Vec::with_capacity(templates.len());
    for (t, copy) in templates.iter().zip(&copy_of) {
        let result = match copy.and_then(|i| Some((templates.get(i)?, done.get(i)?.as_ref()?))) {
            // A copy of a file that parsed: its trees under this path. (One that failed
            // parses again, for an error naming this path.)
            Some((original, Ok(trees))) => Ok(parsed::renamed(trees, &original.path, &t.path)),
            Some((_, Err(_))) | None if copy.is_some() => parse(t),
            _ => parsed_originals.next().unwrap_or_else(|| parse(t)),
        };
        done.push(Some(result));
    }
    done.into_iter().flatten().collect()
}

/// Renders templates; returns each rendered file's output by path (partials excluded).
#[cfg(feature = "internals")]
pub fn render(
    templates: Vec<Renderable>,
    funcs: &FuncTable,
    limits: &Limits,
) -> Result<BTreeMap<String, String>, Error> {
    render_cached(
        templates,
        funcs,
        limits,
        None,
        None,
        &mut Leftovers::default(),
        &mut |_, _| {},
    )
    .map(|outputs| {
        outputs
            .into_iter()
            .map(|(path, out)| (path, Arc::unwrap_or_clone(out)))
            .collect()
    })
}

/// `.Template` for a file: its name and base path.
fn template_value(t: &Renderable) -> Value {
    Value::Map(Map::from_entries(
        MapType::Values,
        [
            (Str::from("Name"), Value::str(&t.path)),
            (Str::from("BasePath"), Value::str(&t.base_path)),
        ],
    ))
}

/// A file's output as Helm keeps it: `<no value>` removed, and raw bytes written next to each
/// other joined into UTF-8 again where they form it, as in Go's output.
fn finish_output(out: String) -> String {
    let out = crate::template::exec::strip_no_value(out);
    match rawbytes::has_escapes(&out) {
        true => rawbytes::encode(&rawbytes::decode(&out)).into_owned(),
        false => out,
    }
}

/// A template error with Helm's `text`, located where Go's error says it is.
pub(crate) fn template_error(kind: ErrorKind, text: String, e: &TemplateError) -> Error {
    let location = e.position().map(|(name, line, col)| {
        crate::error::Location::new(name.to_string(), Some(line), col.map(|c| c + 1))
    });
    Error::new(kind, text).at(location)
}

/// What a render built on the way and no longer needs (parse trees, the templates' scopes,
/// the chart), kept with its output so that freeing them is the caller's choice: dropping
/// trees node by node is a sizeable part of a render, which a process about to exit skips
/// (`std::mem::forget`, as compilers do).
#[derive(Clone, Default)]
pub(crate) struct Leftovers(Vec<Arc<dyn Any + Send + Sync>>);

impl Leftovers {
    /// Keeps `x` until the leftovers are dropped.
    pub(crate) fn keep(&mut self, x: impl Any + Send + Sync) {
        self.0.push(Arc::new(x));
    }
}

impl std::fmt::Debug for Leftovers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Leftovers({})", self.0.len())
    }
}

/// [`render`], taking parse trees from `cache` where an earlier render left them, and
/// recording into `reads` what the templates read of the values, and showing `on_rendered`
/// each file's output as soon as it is rendered (shared: the heads are read from it on
/// another thread, and the documents split out of it keep it). The trees and templates go
/// to `leftovers`.
pub(crate) fn render_cached(
    mut templates: Vec<Renderable>,
    funcs: &FuncTable,
    limits: &Limits,
    cache: Option<&ParseCache>,
    reads: Option<&mut ReadLog>,
    leftovers: &mut Leftovers,
    on_rendered: &mut dyn FnMut(&str, &Arc<String>),
) -> Result<BTreeMap<String, Arc<String>>, Error> {
    sort_templates(&mut templates);
    let mut set = TemplateSet::new(ROOT_TEMPLATE);
    for (t, trees) in templates.iter().zip(parse_all(&templates, funcs, cache)) {
        let trees =
            trees.map_err(|e| template_error(ErrorKind::Parse, format_parse_error(&t.path, &e), &e))?;
        set.add_trees(trees.iter().cloned());
    }
    let files: Vec<&Renderable> = templates
        .iter()
        .filter(|t| !crate::chart::is_partial(&t.path))
        .collect();
    let mut rendered = BTreeMap::new();
    let mut accept = |t: &Renderable, out: String| {
        let out = Arc::new(out);
        on_rendered(&t.path, &out);
        rendered.insert(t.path.clone(), out);
    };
    let tpl = TplTrees::default();
    let mut exec = Exec::new(&set, funcs, &tpl, limits.clone());
    let mut start = 0;
    let threads = concurrent::threads_for(&templates);
    if reads.is_some() {
        exec.record_reads();
    } else if threads > 1 {
        let done = concurrent::execute(&set, funcs, limits, &files, threads, &mut accept);
        start = done.count;
        exec.charge(done.spent);
    }
    for t in files.iter().skip(start) {
        t.scope.insert(Str::from("Template"), template_value(t));
        let out = exec
            .execute(&t.path, Value::Map(t.scope.with_type(MapType::Values)))
            .map_err(|e| template_error(ErrorKind::Exec, format_exec_error(&t.path, &e), &e))?;
        accept(t, finish_output(out));
    }
    if let (Some(reads), Some(recorded)) = (reads, exec.take_reads()) {
        *reads = recorded;
    }
    drop(exec);
    leftovers.keep(set);
    leftovers.keep(templates);
    Ok(rendered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_parse_keeps_helm_order_and_errors() {
        // Enough text to take the threaded path; two files fail to parse.
        let body = format!("{}{{{{ .Values.x }}}}\n", "x: 1\n".repeat(2000));
        let templates: Vec<Renderable> = (0..40)
            .map(|i| Renderable {
                path: format!("c/templates/t{i:02}.yaml"),
                data: std::sync::Arc::from(
                    match i {
                        7 | 23 => format!("{body}{{{{ if }}}}"),
                        _ => format!("{{{{ define \"d{i}\" }}}}{body}{{{{ end }}}}"),
                    }
                    .as_bytes(),
                ),
                scope: Map::new(MapType::Values),
                base_path: "c/templates".into(),
            })
            .collect();
        assert!(
            templates.iter().map(|t| t.data.len()).sum::<usize>()
                > crate::parallel::MIN_PARALLEL_BYTES
        );
        let funcs = crate::funcs::helm_funcs();
        let parsed = parse_all(&templates, funcs, None);
        assert_eq!(parsed.len(), templates.len());
        for (i, (t, r)) in templates.iter().zip(&parsed).enumerate() {
            let serial = parsed::parse(&t.path, &t.data, funcs);
            match (r, serial) {
                (Ok(trees), Ok(want)) => {
                    let names: Vec<_> = trees.iter().map(|t| t.name.clone()).collect();
                    let want: Vec<_> = want.iter().map(|t| t.name.clone()).collect();
                    assert_eq!(names, want, "template {i}");
                }
                (Err(e), Err(want)) => assert_eq!(e.to_string(), want.to_string()),
                _ => panic!("template {i}: threaded and serial parses disagree"),
            }
        }
        assert!(parsed[7].is_err() && parsed[23].is_err());
    }
}
