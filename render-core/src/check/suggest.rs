//! "Did you mean": for a value no template reads, a path close to it that the chart reads,
//! or else one it declares (a default of a disabled subchart is read by nothing, but is still
//! what was meant). The mistakes tried, in order: a segment written once that the chart nests
//! twice (`ollama.gpu` for `ollama.ollama.gpu`) or the reverse, a key misspelled or wrongly
//! cased among its neighbours, a subchart named by its chart name where its values live
//! under its alias, a value under the wrong subchart or meant for one, and a value that
//! belongs under `global`.

use super::coverage::{ReadSet, Scopes};
use render_go::levenshtein::with_swaps;
use render_go::value::Str;

/// What the chart knows of its values besides what was read.
pub(super) trait Known {
    /// Whether the chart's values files declare `path`.
    fn declares(&self, path: &[Str]) -> bool;
    /// The keys at `prefix` (in the merged values and the chart's values files).
    fn keys_at(&self, prefix: &[Str]) -> Vec<Str>;
}

/// The path the user probably meant by `path`, if one is close: read, or else declared by
/// the chart's values files.
pub(super) fn suggest(
    path: &[Str],
    reads: &ReadSet,
    scopes: &Scopes,
    known: &dyn Known,
) -> Option<Vec<Str>> {
    let candidates = candidates(path, scopes, known);
    let fresh = |c: &&Vec<Str>| c.as_slice() != path && !path.starts_with(c);
    let read = candidates.iter().filter(fresh).find(|c| reads.touches(c));
    read.or_else(|| candidates.iter().filter(fresh).find(|c| known.declares(c)))
        .cloned()
}

fn candidates(path: &[Str], scopes: &Scopes, known: &dyn Known) -> Vec<Vec<Str>> {
    let mut out = Vec::new();
    let with = |change: &dyn Fn(&mut Vec<Str>)| {
        let mut c = path.to_vec();
        change(&mut c);
        c
    };
    // A segment duplicated, then one removed.
    for (i, key) in path.iter().enumerate() {
        out.push(with(&|c| c.insert(i, key.clone())));
    }
    // (Not the last: that would name the parent, which is read whenever a sibling is.)
    if path.len() > 1 {
        for i in 0..path.len() - 1 {
            out.push(with(&|c| {
                c.remove(i);
            }));
        }
    }
    // A key misspelled or wrongly cased: a close neighbour at the same place.
    for (i, key) in path.iter().enumerate() {
        for sibling in known.keys_at(path.get(..i).unwrap_or_default()) {
            if close(key, &sibling) {
                out.push(with(&|c| {
                    if let Some(slot) = c.get_mut(i) {
                        *slot = sibling.clone();
                    }
                }));
            }
        }
    }
    // A subchart by its chart name where its values live under its alias.
    for (i, typed) in path.iter().enumerate() {
        let prefix = path.get(..i).unwrap_or_default();
        for (key, name) in scopes.children(prefix) {
            if typed == name && typed != key {
                out.push(with(&|c| {
                    if let Some(slot) = c.get_mut(i) {
                        *slot = key.clone();
                    }
                }));
            }
        }
    }
    // Under another subchart (not for the last key: a leaf does not become a chart), or
    // meant for one.
    for i in 0..path.len() {
        let prefix = path.get(..i).unwrap_or_default();
        for (key, _) in scopes.children(prefix) {
            if i + 1 < path.len() {
                out.push(with(&|c| {
                    if let Some(slot) = c.get_mut(i) {
                        *slot = key.clone();
                    }
                }));
            }
            out.push(with(&|c| c.insert(i, key.clone())));
        }
    }
    // Meant for every chart: under `global`.
    if path.first().is_none_or(|k| &**k != "global") {
        for i in 0..path.len() {
            let mut c = vec![Str::from("global")];
            c.extend(path.iter().skip(i).cloned());
            out.push(c);
        }
    }
    out
}

/// Whether `typed` could be a slip for `key`: the same but for case, or a small edit away
/// (a letter wrong, missing, extra or swapped with its neighbour; two from six bytes).
fn close(typed: &str, key: &str) -> bool {
    if typed == key {
        return false;
    }
    if typed.eq_ignore_ascii_case(key) {
        return true;
    }
    let allowed = match key.len().min(typed.len()) {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    };
    with_swaps(&typed.to_ascii_lowercase(), &key.to_ascii_lowercase()) <= allowed
}
