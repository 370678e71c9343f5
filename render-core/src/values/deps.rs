//! Helm's dependency processing before a render: `action.CheckDependencies` and
//! `chartutil.ProcessDependencies` (pkg/chart/v2/util/dependencies.go).
//!
//! * Every dependency declared in Chart.yaml must be vendored under `charts/` (by chart name,
//!   whatever its version, enabled or not).
//! * Each declared dependency takes the first vendored chart of its name whose version satisfies
//!   its constraint, as a copy renamed to its `alias` (so one chart can appear twice, and
//!   `.Chart.Name` is the alias). A vendored chart that no declaration takes stays, as an
//!   undeclared subchart; a declaration's condition still removes it by name.
//! * `tags` and then `condition` (comma-separated paths; the first boolean found wins; other
//!   values are warned about and skipped) decide which dependencies stay; conditions beat tags.
//!   Values are coalesced for that at each level, and subcharts are processed recursively.
//! * `import-values` copy a child's values into the parent's defaults, in both forms
//!   (`{child, parent}` and a name under the child's `exports`); the parent's own values win.
//!
//! A chart whose Chart.yaml declares no dependencies is left alone, subcharts included (Helm
//! tests for a nil list; an empty `dependencies: []` cannot be told apart here).

use super::coalesce::{Warnings, coalesce_values, merge_tables, merge_values};
use super::methods::{path_value, table};
use crate::chart::{Chart, Dependency};
use render_go::fmt::write_value_partial;
use render_go::semver::{Constraints, Version};
use render_go::value::{Map, MapType, Str, Value};
use std::collections::BTreeSet;

/// The text `helm template` prints (after `Error: `) when a declared dependency is missing.
const MISSING_PREFIX: &str = "an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' to fetch missing dependencies: ";

/// `action.CheckDependencies`: every dependency declared in the chart's Chart.yaml has a
/// vendored chart of that name. The error is the text `helm template` prints, e.g. `an error
/// occurred while checking for chart dependencies. ...: found in Chart.yaml, but missing in
/// charts/ directory: db, cache`.
pub fn check_dependencies(chart: &Chart) -> Result<(), String> {
    let missing: Vec<&str> = chart
        .metadata
        .dependencies
        .iter()
        .filter(|r| !chart.dependencies.iter().any(|d| d.metadata.name == r.name))
        .map(|r| r.name.as_str())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{MISSING_PREFIX}found in Chart.yaml, but missing in charts/ directory: {}",
        missing.join(", ")
    ))
}

/// `action.CheckDependencies` as `helm template` runs it for a v3 chart, whose accessor lists
/// as many dependencies as there are subcharts in `charts/`, filled from Chart.yaml: more
/// declared than vendored crashes Helm (index out of range), fewer leaves empty entries.
pub fn check_dependencies_v3(chart: &Chart) -> Result<(), String> {
    let (declared, vendored) = (chart.metadata.dependencies.len(), chart.dependencies.len());
    if declared > vendored {
        return Err(format!(
            "runtime error: index out of range [{vendored}] with length {vendored}"
        ));
    }
    if vendored > declared {
        return Err(format!("{MISSING_PREFIX}unsupported chart dependency type"));
    }
    check_dependencies(chart)
}

/// `chartutil.ProcessDependencies(chart, vals)`: applies aliases, conditions and tags
/// (removing disabled subcharts from the chart and from its Chart.yaml dependencies, at every
/// level), then import-values (which rewrite the defaults of every chart that declares
/// dependencies). `vals` are the user's values. The error is the text `helm template` prints
/// (`chart dependencies processing failed: ...`).
pub fn process_dependencies(
    chart: &mut Chart,
    vals: &Map,
    warnings: &mut Warnings,
) -> Result<(), String> {
    let wrap = |e: String| format!("chart dependencies processing failed: {e}");
    process_enabled(chart, vals, "", warnings).map_err(wrap)?;
    process_import_values_tree(chart, warnings).map_err(wrap)
}

/// A warning record (see [`render_go::slog`]).
fn slog_warn(msg: &str, attrs: &[(&str, &str)]) -> String {
    render_go::slog::record("WARN", msg, attrs)
}

/// `IsCompatibleRange`: whether `version` parses and satisfies the parsable `constraint`.
pub fn is_compatible_range(constraint: &str, version: &str) -> bool {
    match (Version::parse(version), Constraints::parse(constraint)) {
        (Ok(v), Ok(c)) => c.check(&v),
        _ => false,
    }
}

/// Whether the declaration `req` takes the vendored chart `c`.
fn takes(req: &Dependency, c: &Chart) -> bool {
    c.metadata.name == req.name && is_compatible_range(&req.version, &c.metadata.version)
}

/// `getAliasDependency`: a copy of the first vendored chart `dep` takes, renamed to its alias.
fn alias_dependency(charts: &[Chart], dep: &Dependency) -> Option<Chart> {
    let mut out = charts.iter().find(|c| takes(dep, c))?.clone();
    if !dep.alias.is_empty() {
        out.metadata.name = dep.alias.clone();
    }
    Some(out)
}

/// `processDependencyEnabled`: aliases, tags and conditions for `c`, then its subcharts.
/// `path` is where `c`'s values sit in `v` (`sub.` for a subchart).
fn process_enabled(c: &mut Chart, v: &Map, path: &str, w: &mut Warnings) -> Result<(), String> {
    if c.metadata.dependencies.is_empty() {
        return Ok(());
    }
    let loaded = std::mem::take(&mut c.dependencies);
    // Vendored charts no declaration takes are kept as they are.
    let mut charts: Vec<Chart> = loaded
        .iter()
        .filter(|existing| !c.metadata.dependencies.iter().any(|r| takes(r, existing)))
        .cloned()
        .collect();
    for req in &mut c.metadata.dependencies {
        if let Some(dep) = alias_dependency(&loaded, req) {
            charts.push(dep);
        }
        if !req.alias.is_empty() {
            req.name = req.alias.clone();
        }
    }
    c.dependencies = charts;

    for req in &mut c.metadata.dependencies {
        req.enabled = true;
    }
    let cvals = coalesce_values(c, v, w)?;
    process_tags(&mut c.metadata.dependencies, &cvals, w);
    process_conditions(&mut c.metadata.dependencies, &cvals, path, w);

    let removed: BTreeSet<String> = c
        .metadata
        .dependencies
        .iter()
        .filter(|r| !r.enabled)
        .map(|r| r.name.clone())
        .collect();
    c.dependencies
        .retain(|n| !removed.contains(&n.metadata.name));
    for sub in &mut c.dependencies {
        let subpath = format!("{path}{}.", sub.metadata.name);
        render_go::recursion::grow(|| process_enabled(sub, &cvals, &subpath, w))?;
    }
    c.metadata
        .dependencies
        .retain(|r| !removed.contains(&r.name));
    Ok(())
}

/// `processDependencyTags`: with a `tags` table in the values, a dependency is disabled when
/// one of its tags is false and none is true.
fn process_tags(reqs: &mut [Dependency], cvals: &Map, w: &mut Warnings) {
    let Ok(tags) = table(cvals, "tags") else {
        return;
    };
    for r in reqs {
        let (mut has_true, mut has_false) = (false, false);
        for k in &r.tags {
            match tags.get(k) {
                None => {}
                Some(Value::Bool(true)) => has_true = true,
                Some(Value::Bool(false)) => has_false = true,
                Some(_) => w.push(slog_warn(
                    "returned non-bool value",
                    &[("tag", k), ("chart", &r.name)],
                )),
            }
        }
        r.enabled = has_true || !has_false;
    }
}

/// `processDependencyConditions`: the first condition path holding a boolean decides.
fn process_conditions(reqs: &mut [Dependency], cvals: &Map, path: &str, w: &mut Warnings) {
    for r in reqs {
        for cond in r.condition.trim().split(',') {
            if cond.is_empty() {
                continue;
            }
            match path_value(cvals, &format!("{path}{cond}")) {
                Ok(Value::Bool(b)) => {
                    r.enabled = b;
                    break;
                }
                Ok(_) => w.push(slog_warn(
                    "returned non-bool value",
                    &[("path", cond), ("chart", &r.name)],
                )),
                // Not there (Helm's ErrNoValue): silently skipped.
                Err(_) => {}
            }
        }
    }
}

/// `processDependencyImportValues`: children first, then the chart itself.
fn process_import_values_tree(c: &mut Chart, w: &mut Warnings) -> Result<(), String> {
    for d in &mut c.dependencies {
        render_go::recursion::grow(|| process_import_values_tree(d, w))?;
    }
    process_import_values(c, w)
}

/// `pathToMap`: `data` nested under the dotted `path` (`.` is the top).
fn path_to_map(path: &str, data: Map) -> Map {
    if path == "." {
        return data;
    }
    path.rsplit('.').fold(data, |cur, key| {
        Map::from_entries(MapType::Any, [(Str::from(key), Value::Map(cur))])
    })
}

/// `Values.AsMap`: the same map as a `map[string]interface{}` (a new one when empty).
fn as_map(v: &Map) -> Map {
    if v.is_empty() {
        Map::new(MapType::Any)
    } else {
        v.with_type(MapType::Any)
    }
}

/// A `map[string]string` entry of the rewritten `import-values` list.
fn import_entry(child: &str, parent: &str) -> Value {
    Value::Map(Map::from_entries(
        MapType::String,
        [
            (Str::from("child"), Value::str(child)),
            (Str::from("parent"), Value::str(parent)),
        ],
    ))
}

/// `processImportValues`: the chart's defaults become its merged values (nulls kept) with the
/// imported tables underneath; each dependency's `import-values` is rewritten to
/// `{child, parent}` maps.
fn process_import_values(c: &mut Chart, w: &mut Warnings) -> Result<(), String> {
    if c.metadata.dependencies.is_empty() {
        return Ok(());
    }
    let cvals = merge_values(c, &Map::new(MapType::Any), w)?;
    let mut b = Map::new(MapType::Any);
    for r in &mut c.metadata.dependencies {
        let mut rewritten = Vec::new();
        for riv in &r.import_values {
            match riv {
                Value::Map(iv) if iv.map_type() == MapType::Any => {
                    // Chart.yaml values hold no cycles; the text is complete.
                    let field = |k: &str| {
                        let mut s = String::new();
                        write_value_partial(&mut s, &iv.get(k).unwrap_or(Value::Nil));
                        s
                    };
                    let (child, parent) = (field("child"), field("parent"));
                    rewritten.push(import_entry(&child, &parent));
                    match table(&cvals, &format!("{}.{child}", r.name)) {
                        Ok(vv) => {
                            b = merge_tables(&b, &path_to_map(&parent, as_map(&vv)), w);
                        }
                        Err(e) => w.push(slog_warn(
                            "ImportValues missing table from chart",
                            &[("chart", &r.name), ("error", &e)],
                        )),
                    }
                }
                Value::Str(name) => {
                    let child = format!("exports.{name}");
                    rewritten.push(import_entry(&child, "."));
                    match table(&cvals, &format!("{}.{child}", r.name)) {
                        Ok(vm) => b = merge_tables(&b, &as_map(&vm), w),
                        Err(e) => w.push(slog_warn("ImportValues missing table", &[("error", &e)])),
                    }
                }
                _ => {}
            }
        }
        r.import_values = rewritten;
    }
    // The parent's values win over what it imports.
    let cvals = cvals.deep_copy().with_type(MapType::Any);
    c.values = Value::Map(merge_tables(&cvals, &b, w));
    Ok(())
}

#[cfg(test)]
mod tests;
