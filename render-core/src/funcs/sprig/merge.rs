//! `dario.cat/mergo` v1.0.1's `Merge` and `MergeWithOverwrite` as Sprig's `merge` family
//! calls them: `mergo.Merge(&dst, src)` with two `map[string]interface{}`.
//!
//! Written out for maps only (mergo walks any Go value by reflection). The rules, per key of
//! `src`:
//! - a nil value is copied only when overwriting;
//! - a map merges recursively, in place, into a map already under the key;
//! - a key missing from `dst`, or holding an empty value (Sprig's `empty`), takes `src`'s
//!   value; with overwrite every key does, except that a non-empty `dst` slice or a
//!   non-empty `dst` map merged from a `src` map is kept.
//! - a `src` slice goes through mergo's slice step first, which writes `dst`'s value back
//!   (or an empty slice of `src`'s type where `dst` has none) unless overwriting or `dst` is
//!   empty; the rules above then decide.
//!
//! `dst` is the caller's map and is mutated, as in Go; nested `src` maps are shared, not
//! copied. Merging a map that contains itself into itself recurses without end in Go (its
//! stack overflows); we stop with an error when a pair of maps comes round again.

use super::defaults::is_empty;
use crate::limits::MAX_WALK_NODES;
use crate::template::CallError;
use render_go::value::walk::{CHECK_AFTER, Endless};
use render_go::value::{ListType, Map, MapType, Str, Value};
use std::collections::HashSet;

/// Sprig's `merge`/`mergeOverwrite`: merges each of `srcs` into `dst` and returns `dst` as a
/// `map[string]interface {}` (a nil `dst` becomes a new map once a non-nil source comes).
pub fn merge<'v>(
    dst: &Value,
    srcs: impl IntoIterator<Item = &'v Value>,
    overwrite: bool,
) -> Result<Value, CallError> {
    let mut dst = match dst {
        Value::Map(m) => m.with_type(MapType::Any),
        _ => Map::nil(MapType::Any),
    };
    for src in srcs {
        let Value::Map(src) = src else { continue };
        if dst.is_nil() && !src.is_nil() {
            dst = Map::new(MapType::Any);
        }
        let mut open = Open::default();
        merge_maps(&dst, src, overwrite, 0, &mut open)?;
    }
    Ok(Value::Map(dst))
}

/// The pairs of maps being merged beyond [`CHECK_AFTER`] levels and the pairs merged in all,
/// to notice a merge that would never end.
#[derive(Default)]
struct Open {
    pairs: HashSet<(usize, usize)>,
    visited: usize,
}

impl Open {
    /// Enters the pair of maps `depth` levels down; an error when the merge would never end.
    fn enter(&mut self, dst: &Map, src: &Map, depth: usize) -> Result<(), CallError> {
        self.visited += 1;
        let cycle = depth > CHECK_AFTER && !self.pairs.insert((dst.addr(), src.addr()));
        if cycle || self.visited > MAX_WALK_NODES {
            let endless = Endless {
                type_name: src.map_type().go_name(),
                cycle,
            };
            return Err(CallError::msg(endless.endless("merge")));
        }
        Ok(())
    }
}

/// mergo's `deepMerge` of two maps `depth` levels down.
fn merge_maps(
    dst: &Map,
    src: &Map,
    overwrite: bool,
    depth: usize,
    open: &mut Open,
) -> Result<(), CallError> {
    // A nil source has no keys; a nil destination cannot be written (mergo replaces only
    // its own local copy of it).
    if src.is_nil() || dst.is_nil() {
        return Ok(());
    }
    open.enter(dst, src, depth)?;
    let src_iface = src.map_type() != MapType::String;
    for (key, s) in src.entries() {
        let d = dst.get(&key);
        if s.is_nil() {
            if overwrite {
                set(dst, key, s, src_iface)?;
            }
            continue;
        }
        match &s {
            Value::Map(sm) => {
                if let Some(Value::Map(dm)) = &d {
                    render_go::recursion::grow(|| merge_maps(dm, sm, overwrite, depth + 1, open))?;
                }
            }
            Value::List(..) | Value::Bytes(_) => {
                let kept = match &d {
                    Some(v) if !v.is_nil() => v.clone(),
                    _ => empty_like(&s),
                };
                let v = if overwrite || dst.is_empty() {
                    s.clone()
                } else {
                    kept
                };
                set(dst, key.clone(), v, src_iface)?;
            }
            _ => {}
        }
        if let Some(dv) = &d
            && !is_empty(dv)
            && (matches!(s, Value::List(..) | Value::Bytes(_))
                || matches!(s, Value::Map(_)) && matches!(dv, Value::Map(_)))
        {
            continue;
        }
        if overwrite || d.as_ref().is_none_or(is_empty) {
            set(dst, key, s, src_iface)?;
        }
    }
    open.pairs.remove(&(dst.addr(), src.addr()));
    Ok(())
}

/// An empty slice of the same type as `v` (mergo's `reflect.MakeSlice(src.Type(), 0, n)`).
fn empty_like(v: &Value) -> Value {
    match v {
        Value::List(_, t) => Value::List(Vec::new().into(), *t),
        Value::Bytes(_) => Value::Bytes(Vec::new().into()),
        _ => Value::List(Vec::new().into(), ListType::Any),
    }
}

/// `dst.SetMapIndex(key, v)`: a `map[string]string` accepts only values whose static type
/// is `string`, and elements of an `interface{}` map are not.
fn set(dst: &Map, key: Str, v: Value, src_iface: bool) -> Result<(), CallError> {
    if dst.map_type() == MapType::String && (src_iface || !matches!(v, Value::Str(_))) {
        let ty = if src_iface {
            "interface {}"
        } else {
            v.type_name()
        };
        return Err(CallError::msg(format!(
            "reflect.Value.SetMapIndex: value of type {ty} is not assignable to type string"
        )));
    }
    dst.insert(key, v);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_dst_unless_empty() {
        let dst = Value::map_of(vec![
            ("a", Value::int(1)),
            ("e", Value::str("")),
            ("n", Value::map_of(vec![("x", Value::int(1))])),
        ]);
        let src = Value::map_of(vec![
            ("a", Value::int(2)),
            ("e", Value::str("s")),
            ("b", Value::Nil),
            (
                "n",
                Value::map_of(vec![("x", Value::int(2)), ("y", Value::int(3))]),
            ),
        ]);
        let out = merge(&dst, std::slice::from_ref(&src), false).map(|v| v.to_string());
        assert_eq!(out.ok().as_deref(), Some("map[a:1 e:s n:map[x:1 y:3]]"));
        let out = merge(&dst, &[src], true).map(|v| v.to_string());
        assert_eq!(
            out.ok().as_deref(),
            Some("map[a:2 b:<nil> e:s n:map[x:2 y:3]]")
        );
    }
}
