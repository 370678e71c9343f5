//! Sprig's dictionary functions: `dict get set unset hasKey pluck dig keys values pick omit`,
//! the `merge` family and `deepCopy`.
//!
//! Go maps are references: `set`, `unset` and `merge` change the map the caller holds (our
//! [`Map`] shares storage between clones the same way), and writing to a nil map panics.
//! Functions taking `map[string]interface{}` also accept Helm's `common.Values` and return
//! it as a plain `map[string]interface {}`, as Go's conversion does. Go iterates maps in
//! random order, so `keys` and `values` have no defined order there; ours follow the keys.

use super::conv::strval;
use super::goerr::{self, NIL_MAP_WRITE};
use super::merge::merge;
use super::lists::with_must;
use crate::template::args::{MapArg, Rest, Variadic};
use crate::template::{CallError, FuncTable};
use render_go::value::walk::{Endless, OpenPath};
use render_go::value::{List, Map, MapType, Str, Value};

/// A `map[string]interface{}` argument passed back to the template (nil stays nil).
fn map_result(v: MapArg) -> Value {
    match v.0 {
        Value::Map(m) => Value::Map(m.with_type(MapType::Any)),
        _ => Value::Map(Map::nil(MapType::Any)),
    }
}

pub(super) fn register(t: &mut FuncTable) {
    t.func("dict", |a: Rest| dict(a.0));
    t.func("get", |m: MapArg, key: &str| {
        let found = m.map().and_then(|m| m.get(key));
        found.unwrap_or_else(|| Value::str(""))
    });
    t.func("set", |m: MapArg, key: &str, v: &Value| -> R {
        let map = m.map().ok_or_else(|| goerr::panic(NIL_MAP_WRITE))?;
        map.insert(Str::from(key), v.clone());
        Ok(map_result(m))
    });
    t.func("unset", |m: MapArg, key: &str| {
        if let Some(map) = m.map() {
            map.remove(key);
        }
        map_result(m)
    });
    t.func("hasKey", |m: MapArg, key: &str| {
        m.map().is_some_and(|m| m.contains_key(key))
    });
    t.func("pluck", |key: &str, maps: Variadic<MapArg>| {
        let found = maps.0.into_iter().filter_map(MapArg::map).filter_map(|m| m.get(key));
        Value::list(found.collect())
    });
    t.func("keys", |maps: Variadic<MapArg>| {
        let keys: Vec<Str> = maps.0.into_iter().filter_map(MapArg::map).flat_map(Map::keys).collect();
        Value::string_list(keys)
    });
    t.func("values", |m: MapArg| {
        let values = m.map().map(|m| m.entries().into_iter().map(|(_, v)| v));
        Value::list(values.into_iter().flatten().collect())
    });
    t.func("pick", |m: MapArg, keys: Variadic<&str>| {
        let Some(m) = m.map() else {
            return Value::empty_map();
        };
        let picked = keys.0.into_iter().filter_map(|k| m.get(k).map(|v| (Str::from(k), v)));
        Value::Map(Map::from_entries(MapType::Any, picked))
    });
    t.func("omit", |m: MapArg, omit: Variadic<&str>| {
        let kept = m.map().map(|m| {
            m.entries()
                .into_iter()
                .filter(|(k, _)| !omit.0.contains(&&**k))
        });
        Value::Map(Map::from_entries(MapType::Any, kept.into_iter().flatten()))
    });
    for (name, overwrite) in [("merge", false), ("mergeOverwrite", true)] {
        for name in with_must(name) {
            t.func(&name, move |dst: MapArg, srcs: Variadic<MapArg>| {
                merge(dst.0, srcs.0.iter().map(|m| m.0), overwrite)
            });
        }
    }
    for name in with_must("deepCopy") {
        t.func(&name, |v: &Value| match v {
            Value::Nil => Err(CallError::msg(
                "reflect: call of reflect.Value.Type on zero Value",
            )),
            v => deep_copy(v, &mut OpenPath::default()),
        });
    }
    t.func("dig", |a: Rest| dig(a.0));
}

type R = Result<Value, CallError>;

/// Sprig's `dict k1 v1 k2 v2 ...`: keys through `toString`; a key without value maps to "".
fn dict(args: &[Value]) -> Result<Value, CallError> {
    let entries = args
        .chunks(2)
        .filter_map(|pair| match pair {
            [key, rest @ ..] => Some((key, rest.first())),
            [] => None,
        })
        .map(|(key, value)| {
            let key = Str::from(strval(key)?);
            Ok((key, value.cloned().unwrap_or_else(|| Value::str(""))))
        })
        .collect::<Result<Vec<_>, Endless>>()?;
    Ok(Value::Map(Map::from_entries(MapType::Any, entries)))
}

/// The value as `map[string]interface{}` (Go's type assertion), or its panic.
fn as_plain_map(v: &Value) -> Result<&Map, CallError> {
    match v {
        Value::Map(m) if m.map_type() == MapType::Any => Ok(m),
        other => Err(goerr::interface_conversion(
            other,
            "map[string]interface {}",
        )),
    }
}

/// Sprig's `dig k1 k2 ... default dict`: follows the keys through nested maps; the default
/// when a key is missing. Go's type assertions make any non-`map[string]interface{}` on the
/// way (Helm's `.Values` included) and any non-string key a panic.
fn dig(args: &[Value]) -> Result<Value, CallError> {
    let [keys @ .., default, dict] = args else {
        return Err(CallError::msg("dig needs at least three arguments"));
    };
    if keys.is_empty() {
        return Err(CallError::msg("dig needs at least three arguments"));
    }
    let mut map = as_plain_map(dict)?.clone();
    let keys: Vec<&str> = keys
        .iter()
        .map(|k| match k {
            Value::Str(s) => Ok(&**s),
            other => Err(goerr::interface_conversion(other, "string")),
        })
        .collect::<Result<_, _>>()?;
    for (i, key) in keys.iter().enumerate() {
        let Some(step) = map.get(key) else {
            return Ok(default.clone());
        };
        if i + 1 == keys.len() {
            return Ok(step);
        }
        map = as_plain_map(&step)?.clone();
    }
    Ok(default.clone())
}

/// copystructure's deep copy: maps and slices are copied recursively, keeping their Go
/// types (a copied nil map stays nil); everything else is immutable and shared. A value that
/// contains itself makes copystructure loop for ever; we stop with an error.
fn deep_copy(v: &Value, path: &mut OpenPath) -> Result<Value, CallError> {
    render_go::recursion::grow(|| {
        path.enter(v)
            .map_err(|c| CallError::msg(c.endless("deepCopy")))?;
        let copy = match v {
            Value::Map(m) if m.is_nil() => Value::Map(Map::nil(m.map_type())),
            Value::Map(m) => {
                let entries = m
                    .entries()
                    .into_iter()
                    .map(|(k, e)| Ok((k, deep_copy(&e, path)?)))
                    .collect::<Result<Vec<_>, CallError>>()?;
                Value::Map(Map::from_entries(m.map_type(), entries))
            }
            Value::List(items, t) => Value::List(
                items
                    .iter()
                    .map(|e| deep_copy(e, path))
                    .collect::<Result<List, _>>()?,
                *t,
            ),
            other => other.clone(),
        };
        path.leave(v);
        Ok(copy)
    })
}
