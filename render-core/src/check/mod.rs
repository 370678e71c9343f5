//! `render check`: the values a user supplied that no template reads, each with where it came
//! from and, when the chart reads something close, what was probably meant.
//!
//! The mistake this catches is silent in Helm: a value nested under the wrong key (a wrapper
//! chart's `ollama.gpu` where the upstream chart reads `ollama.ollama.gpu`), a misspelled or
//! wrongly-cased key, a key under the wrong subchart. Helm renders without it and nobody
//! notices. Here the render records which parts of the merged values the templates read
//! ([`crate::template::reads`]); what Helm itself reads outside templates (dependency
//! conditions and tags, `import-values` sources, `values.schema.json`) counts as read too.
//! A reported value has no effect on the output: the rules only ever err towards "read".
//!
//! ```
//! use render_core::{CheckOptions, LoadedChart, RenderOptions};
//! let chart = LoadedChart::from_files([
//!     ("Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n"),
//!     ("values.yaml", "replicaCount: 1\n"),
//!     ("templates/d.yaml", "replicas: {{ .Values.replicaCount }}\n"),
//! ])?;
//! let mut opts = RenderOptions::new("web");
//! opts.values.values = vec!["replicacount=3".into()];
//! let checked = chart.check(&opts, &CheckOptions::default())?;
//! let finding = &checked.findings[0];
//! assert_eq!(finding.path, "replicacount");
//! assert_eq!(finding.suggestion.as_deref(), Some("replicaCount"));
//! assert_eq!(
//!     finding.to_string(),
//!     "--set replicacount=3: replicacount: no template reads this value; did you mean replicaCount?"
//! );
//! # Ok::<(), render_core::Error>(())
//! ```

mod coverage;
mod origins;
mod suggest;

use crate::chart::{self, Chart};
use crate::render::{LoadedChart, Recording, RenderOptions, Rendered, kube_version, render_chart};
use crate::{Error, Result};
use coverage::ReadSet;
use origins::Origins;
use render_go::value::{Map, Str, Value};
use std::fmt;

/// A supplied value that no template read: changing or removing it changes nothing the
/// render prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The value's path in Helm's `--set` notation (`a.b`; a dot inside a key as `\.`).
    pub path: String,
    /// Where the value came from.
    pub origin: Origin,
    /// A path the chart does read that the user probably meant.
    pub suggestion: Option<String>,
}

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// A values file, as named on the command line, and its key's line and column.
    File {
        /// The file.
        file: String,
        /// 1-based line of the key, if known.
        line: Option<usize>,
        /// 1-based column of the key, if known.
        column: Option<usize>,
    },
    /// A `--set`-family argument.
    Flag {
        /// The flag (`--set`, `--set-string`, `--set-json`, `--set-file`, `--set-literal`).
        flag: &'static str,
        /// Its argument.
        argument: String,
    },
}

/// `values.yaml:12:5`, `--set a=1`.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File { file, line, column } => {
                f.write_str(file)?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                    if let Some(column) = column {
                        write!(f, ":{column}")?;
                    }
                }
                Ok(())
            }
            Origin::Flag { flag, argument } => write!(f, "{flag} {argument}"),
        }
    }
}

/// `ORIGIN: PATH: no template reads this value[; did you mean SUGGESTION?]`.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: no template reads this value",
            self.origin, self.path
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean {s}?")?;
        }
        Ok(())
    }
}

/// What to check beyond the user's values.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Also report the keys of the chart's own `values.yaml` that no template reads.
    pub include_chart_defaults: bool,
}

/// A render and what it did not read.
#[derive(Debug)]
pub struct Checked {
    /// The render, as [`crate::render`] returns it.
    pub rendered: Rendered,
    /// The unread values, in the order the user gave them.
    pub findings: Vec<Finding>,
}

/// Renders as [`crate::render`] does and reports the user's values no template reads.
///
/// # Errors
/// As [`crate::render`].
pub fn check(opts: &RenderOptions, options: &CheckOptions) -> Result<Checked> {
    let kube = kube_version(opts)?;
    chart::loader::locate(&opts.chart)?;
    let (user, origins) = origins::user_values(&opts.values)?;
    let loaded = chart::loader::load(&opts.chart)?;
    run(
        loaded.chart,
        loaded.warnings,
        user,
        origins,
        kube,
        opts,
        None,
        options,
    )
}

impl LoadedChart {
    /// [`check`] on this chart (`opts.chart` is not read).
    ///
    /// # Errors
    /// As [`LoadedChart::render`].
    pub fn check(&self, opts: &RenderOptions, options: &CheckOptions) -> Result<Checked> {
        let kube = kube_version(opts)?;
        let (user, origins) = origins::user_values(&opts.values)?;
        let (chart, warnings, parsed) = self.parts();
        run(
            chart.clone(),
            warnings.to_vec(),
            user,
            origins,
            kube,
            opts,
            Some(parsed),
            options,
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    chart: Chart,
    warnings: Vec<String>,
    user: Map,
    origins: Origins,
    kube: Option<crate::engine::capabilities::KubeVersion>,
    opts: &RenderOptions,
    parsed: Option<&crate::engine::ParseCache>,
    options: &CheckOptions,
) -> Result<Checked> {
    // The user's tree as given: rendering may add to the maps it shares.
    let supplied = Tree::of(&Value::Map(user.clone()));
    let defaults = options
        .include_chart_defaults
        .then(|| (Tree::of(&chart.values), origins::chart_defaults(&chart)));
    // Conditions, tags and imports as declared: processing drops disabled dependencies.
    let declared = chart.clone();
    let mut recording = Recording::default();
    let rendered = render_chart(
        chart,
        warnings,
        user,
        kube,
        opts,
        crate::render::Shared {
            parsed,
            heads: None,
            schemas: None,
        },
        Some(&mut recording),
    )?;
    let (Some(values), Some(processed)) = (recording.values, recording.chart) else {
        return Err(Error::new(
            crate::ErrorKind::Usage,
            "internal error: the render recorded nothing",
        ));
    };
    let reads = ReadSet::new(&values, &recording.reads, &declared, &processed);
    let (scopes, declared_paths) = coverage::declared(&declared);
    let mut unread = Vec::new();
    supplied.collect(&mut Vec::new(), &reads, &scopes, &mut unread);
    let context = Context {
        reads: &reads,
        values: &values,
        scopes: &scopes,
        supplied: &supplied,
        declared: &declared_paths,
    };
    let mut findings: Vec<Finding> = unread
        .iter()
        .map(|path| context.finding(path, &origins))
        .collect();
    if let Some((tree, origins)) = defaults {
        let mut unread = Vec::new();
        tree.collect(&mut Vec::new(), &reads, &scopes, &mut unread);
        // A default the user also set is reported once, as the user's.
        unread.retain(|p| !findings.iter().any(|f| f.path == set_notation(p)));
        findings.extend(unread.iter().map(|path| context.finding(path, &origins)));
    }
    findings.sort_by_key(|f| order(&f.origin, &opts.values.value_files));
    Ok(Checked { rendered, findings })
}

/// The shape of supplied values: maps by key, everything else a leaf.
enum Tree {
    Leaf,
    Map(Vec<(Str, Tree)>),
}

impl Tree {
    fn of(value: &Value) -> Tree {
        render_go::recursion::grow(|| match value {
            Value::Map(m) if !m.is_empty() => Tree::Map(
                m.entries()
                    .into_iter()
                    .map(|(k, v)| (k, Tree::of(&v)))
                    .collect(),
            ),
            _ => Tree::Leaf,
        })
    }

    /// Whether `path` is in the tree (as a leaf or a map).
    fn has(&self, path: &[Str]) -> bool {
        let mut node = self;
        for key in path {
            let Tree::Map(entries) = node else {
                return false;
            };
            match entries.iter().find(|(k, _)| k == key) {
                Some((_, child)) => node = child,
                None => return false,
            }
        }
        true
    }

    /// Collects the unread values under `path`: each unread leaf, or the highest map of which
    /// nothing is read (never the values of a chart as a whole). Returns whether all of it is
    /// unread, in which case the caller collects `path` itself or its parts.
    fn collect(
        &self,
        path: &mut Vec<Str>,
        reads: &ReadSet,
        scopes: &coverage::Scopes,
        out: &mut Vec<Vec<Str>>,
    ) -> bool {
        let Tree::Map(entries) = self else {
            return !reads.is_read(path);
        };
        let mut unread = Vec::new();
        for (key, child) in entries {
            path.push(key.clone());
            if child.collect(path, reads, scopes, out) {
                unread.push(path.clone());
            }
            path.pop();
        }
        let lump = unread.len() == entries.len() && !path.is_empty();
        if lump && !scopes.is_boundary(path) && !reads.touches(path) {
            return true;
        }
        out.extend(unread);
        false
    }
}

/// What a finding is made from.
struct Context<'c> {
    reads: &'c ReadSet,
    values: &'c Map,
    scopes: &'c coverage::Scopes,
    supplied: &'c Tree,
    declared: &'c std::collections::BTreeSet<Vec<Str>>,
}

impl Context<'_> {
    fn finding(&self, path: &[Str], origins: &Origins) -> Finding {
        let suggestion = suggest::suggest(path, self.reads, self.scopes, self);
        Finding {
            path: set_notation(path),
            origin: origins.of(path),
            suggestion: suggestion.map(|s| set_notation(&s)),
        }
    }
}

impl suggest::Known for Context<'_> {
    fn declares(&self, path: &[Str]) -> bool {
        !self.supplied.has(path) && self.declared.contains(path)
    }

    fn keys_at(&self, prefix: &[Str]) -> Vec<Str> {
        let mut keys: Vec<Str> = self
            .declared
            .range(prefix.to_vec()..)
            .take_while(|p| p.starts_with(prefix))
            .filter(|p| p.len() == prefix.len() + 1)
            .filter_map(|p| p.last().cloned())
            .collect();
        let mut map = Some(self.values.clone());
        for key in prefix {
            map = match map.and_then(|m| m.get(key)) {
                Some(Value::Map(m)) => Some(m),
                _ => None,
            };
        }
        if let Some(map) = map {
            keys.extend(map.keys());
        }
        keys.sort();
        keys.dedup();
        keys
    }
}

/// Findings in the order of the command line: values files as given, each by line, then
/// the `--set` flags.
fn order(origin: &Origin, files: &[String]) -> (usize, usize, usize) {
    match origin {
        Origin::File { file, line, column } => (
            files.iter().position(|f| f == file).unwrap_or(files.len()),
            line.unwrap_or(0),
            column.unwrap_or(0),
        ),
        Origin::Flag { .. } => (files.len() + 1, 0, 0),
    }
}

/// A path in Helm's `--set` notation: keys joined by dots, a dot inside a key escaped.
fn set_notation(path: &[Str]) -> String {
    path.iter()
        .map(|k| k.replace('.', "\\."))
        .collect::<Vec<_>>()
        .join(".")
}
