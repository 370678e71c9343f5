//! Helm's `CoalesceValues` and `MergeValues` (pkg/chart/common/util/coalesce.go): the user's
//! values laid over a chart's defaults, recursively into every subchart, with `global` copied
//! down.
//!
//! The rules, all Helm's: maps merge, scalars and lists replace; the higher level wins (user
//! over chart, parent over subchart); a user `null` deletes a chart default but stays when the
//! chart has no such key; `null`s in a chart's own values vanish when coalescing (and stay
//! when merging, which is what import-values uses); type clashes are skipped with a warning.
//! Warnings are returned, never printed.
//!
//! Maps have Go's reference semantics here on purpose. Helm deep-copies the user values and
//! each chart's defaults before it writes into them, but copies globals only one level deep,
//! so nested global tables end up shared between a chart and its subcharts; the same copies,
//! made at the same places, give the same sharing.

use crate::chart::Chart;
use render_go::value::{Map, MapType, Str, Value};
use std::collections::BTreeSet;

/// The key whose table is copied into every subchart.
pub const GLOBAL_KEY: &str = "global";

/// Warnings Helm logs while coalescing (its `log.Printf` lines, without the log prefix).
pub type Warnings = Vec<String>;

/// `CoalesceValues(chart, vals)`: `vals` over the chart's defaults, recursively into its
/// subcharts; `null`s remove keys. `vals` is not modified. The result is Helm's `common.Values`.
pub fn coalesce_values(chart: &Chart, vals: &Map, warnings: &mut Warnings) -> Result<Map, String> {
    run(chart, vals, warnings, false)
}

/// `MergeValues(chart, vals)`: like [`coalesce_values`] but every `null` is kept.
pub fn merge_values(chart: &Chart, vals: &Map, warnings: &mut Warnings) -> Result<Map, String> {
    run(chart, vals, warnings, true)
}

fn run(chart: &Chart, vals: &Map, warnings: &mut Warnings, merge: bool) -> Result<Map, String> {
    let dest = copy_values(vals);
    let mut c = Coalescer { warnings, merge };
    let out = c.coalesce(chart, &dest, "")?;
    Ok(out.with_type(MapType::Values))
}

/// `copyValues`: a deep copy, as a `map[string]interface{}`.
fn copy_values(vals: &Map) -> Map {
    if vals.is_nil() {
        Map::new(MapType::Any)
    } else {
        vals.deep_copy().with_type(MapType::Any)
    }
}


/// `MergeTables(dst, src)`: like [`coalesce_tables`] but `null`s are kept.
pub fn merge_tables(dst: &Map, src: &Map, warnings: &mut Warnings) -> Map {
    tables(warnings, dst, src, "", true)
}

/// Helm's `istable`: a `map[string]interface{}`.
pub fn as_table(v: &Value) -> Option<&Map> {
    match v {
        Value::Map(m) if m.map_type() == MapType::Any => Some(m),
        _ => None,
    }
}

fn is_table(v: &Value) -> bool {
    as_table(v).is_some()
}

fn concat_prefix(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}.{b}")
    }
}

/// `%v` of a value, for warnings.
fn show(v: &Value) -> String {
    v.to_string()
}

/// A one-level copy of a map (Go's `maps.Copy` into a new map).
fn shallow_copy(m: &Map) -> Map {
    Map::from_entries(MapType::Any, m.entries())
}

struct Coalescer<'w> {
    warnings: &'w mut Warnings,
    merge: bool,
}

impl Coalescer<'_> {
    fn warn(&mut self, msg: String) {
        self.warnings.push(msg);
    }

    /// `coalesce`: the chart's own values, then its subcharts'.
    fn coalesce(&mut self, chart: &Chart, dest: &Map, prefix: &str) -> Result<Map, String> {
        render_go::recursion::grow(|| {
            self.values(chart, dest, prefix);
            self.deps(chart, dest, prefix)
        })
    }

    /// `coalesceDeps`.
    fn deps(&mut self, chart: &Chart, dest: &Map, prefix: &str) -> Result<Map, String> {
        for sub in &chart.dependencies {
            let name = sub.metadata.name.as_str();
            match dest.get(name) {
                None => dest.insert(Str::from(name), Value::Map(Map::new(MapType::Any))),
                Some(c) if !is_table(&c) => {
                    return Err(format!(
                        "type mismatch on {name}: {}",
                        render_go::fmt::sprintf_partial("%t", &[c])
                    ));
                }
                Some(_) => {}
            }
            if let Some(Value::Map(dvmap)) = dest.get(name) {
                let sub_prefix = concat_prefix(prefix, &chart.metadata.name);
                self.globals(&dvmap, dest, &sub_prefix);
                let out = self.coalesce(sub, &dvmap, &sub_prefix)?;
                dest.insert(Str::from(name), Value::Map(out));
            }
        }
        Ok(dest.clone())
    }

    /// `coalesceGlobals`: `src`'s globals merged into `dest`'s (the parent's win).
    fn globals(&mut self, dest: &Map, src: &Map, prefix: &str) {
        let dg = match dest.get(GLOBAL_KEY) {
            None => Map::new(MapType::Any),
            Some(v) => match as_table(&v) {
                Some(m) => m.clone(),
                None => {
                    self.warn(format!(
                        "warning: skipping globals because destination {GLOBAL_KEY} is not a table."
                    ));
                    return;
                }
            },
        };
        let sg = match src.get(GLOBAL_KEY) {
            None => Map::new(MapType::Any),
            Some(v) => match as_table(&v) {
                Some(m) => m.clone(),
                None => {
                    self.warn(format!(
                        "warning: skipping globals because source {GLOBAL_KEY} is not a table."
                    ));
                    return;
                }
            },
        };
        for (key, val) in sg.entries() {
            if let Some(table) = as_table(&val) {
                let vv = shallow_copy(table);
                match dg.get(&key) {
                    None => dg.insert(key, Value::Map(vv)),
                    Some(destv) => match as_table(&destv) {
                        None => self.warn(format!(
                            "Conflict: cannot merge map onto non-map for {}. Skipping.",
                            render_go::strconv::quote(&key)
                        )),
                        Some(destvmap) => {
                            // Always merging here: the result is coalesced again later.
                            let sub_prefix = concat_prefix(prefix, &key);
                            tables(self.warnings, &vv, destvmap, &sub_prefix, true);
                            dg.insert(key, Value::Map(vv));
                        }
                    },
                }
            } else if dg.get(&key).is_some_and(|dv| is_table(&dv)) {
                self.warn(format!("key {key} is table. Skipping"));
            } else {
                dg.insert(key, val);
            }
        }
        dest.insert(Str::from(GLOBAL_KEY), Value::Map(dg));
    }

    /// `coalesceValues`: the chart's defaults (a deep copy) under the values in `v`.
    fn values(&mut self, chart: &Chart, v: &Map, prefix: &str) {
        let sub_prefix = concat_prefix(prefix, &chart.metadata.name);
        let defaults = match &chart.values {
            Value::Map(m) => m.deep_copy(),
            _ => Map::new(MapType::Any),
        };
        for (key, val) in defaults.entries() {
            match v.get(&key) {
                Some(value) => {
                    if value.is_nil() && !self.merge {
                        // A user null removes the key (and the chart's default with it).
                        v.remove(&key);
                    } else if let Some(dest) = as_table(&value) {
                        match as_table(&val) {
                            None => {
                                if !val.is_nil() {
                                    self.warn(format!(
                                        "warning: skipped value for {sub_prefix}.{key}: Not a table."
                                    ));
                                }
                            }
                            Some(src) => {
                                // Subchart tables are merged: their nulls are handled when
                                // the subchart itself is coalesced.
                                let merge = self.merge || is_child(chart, &key);
                                if !merge {
                                    clean_nil_values(src);
                                }
                                let full = concat_prefix(&sub_prefix, &key);
                                tables(self.warnings, dest, src, &full, merge);
                            }
                        }
                    }
                }
                None => {
                    if !self.merge {
                        if val.is_nil() {
                            continue;
                        }
                        if let Some(sub) = as_table(&val) {
                            clean_nil_values(sub);
                        }
                    }
                    v.insert(key, val);
                }
            }
        }
    }
}

/// `childChartMergeTrue`: whether `key` names one of the chart's subcharts.
fn is_child(chart: &Chart, key: &str) -> bool {
    chart.dependencies.iter().any(|d| d.metadata.name == key)
}

/// `coalesceTablesFullKey`: `src` merged into `dst`, `dst` winning; returns `dst`.
fn tables(warnings: &mut Warnings, dst: &Map, src: &Map, prefix: &str, merge: bool) -> Map {
    render_go::recursion::grow(|| tables_inner(warnings, dst, src, prefix, merge))
}

fn tables_inner(warnings: &mut Warnings, dst: &Map, src: &Map, prefix: &str, merge: bool) -> Map {
    if src.is_nil() {
        return dst.clone();
    }
    if dst.is_nil() {
        return src.clone();
    }
    // Which keys held a value in src before dst's nulls are copied into it: a user null over a
    // chart default deletes the key, a user null for a key the chart lacks stays.
    let src_non_nil: BTreeSet<Str> = src
        .entries()
        .into_iter()
        .filter(|(_, v)| !v.is_nil())
        .map(|(k, _)| k)
        .collect();
    for (key, val) in dst.entries() {
        if val.is_nil() {
            src.insert(key, Value::Nil);
        }
    }
    for (key, val) in src.entries() {
        let full = concat_prefix(prefix, &key);
        match dst.get(&key) {
            Some(Value::Nil) if !merge && src_non_nil.contains(&key) => {
                dst.remove(&key);
            }
            None => dst.insert(key, val),
            Some(dv) => {
                if let Some(sv) = as_table(&val) {
                    match as_table(&dv) {
                        Some(dt) => {
                            tables(warnings, dt, sv, &full, merge);
                        }
                        None => warnings.push(format!(
                            "warning: cannot overwrite table with non table for {full} ({})",
                            show(&val)
                        )),
                    }
                } else if is_table(&dv) && !val.is_nil() {
                    warnings.push(format!(
                        "warning: destination for {full} is a table. Ignoring non-table value ({})",
                        show(&val)
                    ));
                }
            }
        }
    }
    dst.clone()
}

/// `cleanNilValues`: removes nulls, recursively, in place. The chart's defaults pass through
/// here on every render and rarely hold a null: the entries are looked at where they are,
/// and only the nulls' keys and the nested tables are taken out.
fn clean_nil_values(m: &Map) {
    let mut nulls = Vec::new();
    let mut tables = Vec::new();
    m.with_entries(|entries| {
        for (key, val) in entries {
            if val.is_nil() {
                nulls.push(key.clone());
            } else if let Some(sub) = as_table(val) {
                tables.push(sub.clone());
            }
        }
    });
    for key in nulls {
        m.remove(&key);
    }
    for sub in tables {
        render_go::recursion::grow(|| clean_nil_values(&sub));
    }
}

#[cfg(test)]
mod tests;
