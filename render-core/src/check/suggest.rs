//! "Did you mean": for a value no template reads, a path close to it that the chart does
//! read. The mistakes tried, in order: a segment written once that the chart nests twice
//! (`ollama.gpu` for `ollama.ollama.gpu`) or the reverse, a key misspelled or wrongly cased
//! among its neighbours, a value under the wrong subchart or meant for one, and a value that
//! belongs under `global`.

use super::coverage::{ReadSet, Scopes};
use render_go::levenshtein::distance;
use render_go::value::{Map, Str, Value};

/// A read path the user probably meant by `path`, if one is close.
pub(super) fn suggest(
    path: &[Str],
    reads: &ReadSet,
    values: &Map,
    scopes: &Scopes,
) -> Option<Vec<Str>> {
    candidates(path, values, scopes)
        .into_iter()
        .find(|c| c.as_slice() != path && reads.touches(c))
}

fn candidates(path: &[Str], values: &Map, scopes: &Scopes) -> Vec<Vec<Str>> {
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
    if path.len() > 1 {
        for i in 0..path.len() {
            out.push(with(&|c| {
                c.remove(i);
            }));
        }
    }
    // A key misspelled or wrongly cased: a close neighbour at the same place.
    for (i, key) in path.iter().enumerate() {
        for sibling in siblings(values, path.get(..i).unwrap_or_default()) {
            if close(key, &sibling) {
                out.push(with(&|c| {
                    if let Some(slot) = c.get_mut(i) {
                        *slot = sibling.clone();
                    }
                }));
            }
        }
    }
    // Under another subchart, or meant for one.
    for i in 0..path.len() {
        let prefix = path.get(..i).unwrap_or_default();
        for sub in scopes.children(prefix) {
            out.push(with(&|c| {
                if let Some(slot) = c.get_mut(i) {
                    *slot = sub.clone();
                }
            }));
            out.push(with(&|c| c.insert(i, sub.clone())));
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

/// The keys of the map at `path` in `values`.
fn siblings(values: &Map, path: &[Str]) -> Vec<Str> {
    let mut map = values.clone();
    for key in path {
        match map.get(key) {
            Some(Value::Map(m)) => map = m,
            _ => return Vec::new(),
        }
    }
    map.keys()
}

/// Whether `typed` could be a slip for `key`: the same but for case, or a small edit away
/// (one for short keys, two from eight bytes).
fn close(typed: &str, key: &str) -> bool {
    if typed == key {
        return false;
    }
    if typed.eq_ignore_ascii_case(key) {
        return true;
    }
    let allowed = match key.len().min(typed.len()) {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    distance(&typed.to_ascii_lowercase(), &key.to_ascii_lowercase()) <= allowed
}
