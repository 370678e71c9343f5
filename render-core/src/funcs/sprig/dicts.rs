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
use crate::template::CallError;
use crate::template::{FuncTable, arg_str};
use render_go::value::walk::{Endless, OpenPath};
use render_go::value::{List, Map, MapType, Method, Param, Str, Value};

const MAP_STR: &[Param] = &[Param::MapAny, Param::String];

/// A `map[string]interface{}` argument: the map, or `None` for a nil map.
fn map_arg(v: &Value) -> Option<&Map> {
    match v {
        Value::Map(m) if !m.is_nil() => Some(m),
        _ => None,
    }
}

/// A `map[string]interface{}` argument passed back to the template (nil stays nil).
fn map_result(v: &Value) -> Value {
    match v {
        Value::Map(m) => Value::Map(m.with_type(MapType::Any)),
        _ => Value::Map(Map::nil(MapType::Any)),
    }
}

pub(super) fn register(t: &mut FuncTable) {
    t.add_pure("dict", Method::variadic(&[], Param::Any), |a| dict(&a));
    t.add_pure("get", Method::fixed(MAP_STR), |a| {
        let found = map_arg(&a[0]).and_then(|m| m.get(arg_str(&a[1])));
        Ok(found.unwrap_or_else(|| Value::str("")))
    });
    t.add_pure(
        "set",
        Method::fixed(&[Param::MapAny, Param::String, Param::Any]),
        |a| {
            let m = map_arg(&a[0]).ok_or_else(|| goerr::panic(NIL_MAP_WRITE))?;
            m.insert(Str::from(arg_str(&a[1])), a[2].clone());
            Ok(map_result(&a[0]))
        },
    );
    t.add_pure("unset", Method::fixed(MAP_STR), |a| {
        if let Some(m) = map_arg(&a[0]) {
            m.remove(arg_str(&a[1]));
        }
        Ok(map_result(&a[0]))
    });
    t.add_pure("hasKey", Method::fixed(MAP_STR), |a| {
        let has = map_arg(&a[0]).is_some_and(|m| m.contains_key(arg_str(&a[1])));
        Ok(Value::Bool(has))
    });
    t.add_pure(
        "pluck",
        Method::variadic(&[Param::String], Param::MapAny),
        |a| {
            let key = arg_str(&a[0]);
            let found = a[1..].iter().filter_map(map_arg).filter_map(|m| m.get(key));
            Ok(Value::list(found.collect()))
        },
    );
    t.add_pure("keys", Method::variadic(&[], Param::MapAny), |a| {
        let keys: Vec<Str> = a.iter().filter_map(map_arg).flat_map(Map::keys).collect();
        Ok(Value::string_list(keys))
    });
    t.add_pure("values", Method::fixed(&[Param::MapAny]), |a| {
        let values = map_arg(&a[0]).map(|m| m.entries().into_iter().map(|(_, v)| v));
        Ok(Value::list(values.into_iter().flatten().collect()))
    });
    t.add_pure(
        "pick",
        Method::variadic(&[Param::MapAny], Param::String),
        |a| {
            let Some(m) = map_arg(&a[0]) else {
                return Ok(Value::empty_map());
            };
            let picked = a[1..].iter().filter_map(|k| {
                let k = arg_str(k);
                m.get(k).map(|v| (Str::from(k), v))
            });
            Ok(Value::Map(Map::from_entries(MapType::Any, picked)))
        },
    );
    t.add_pure(
        "omit",
        Method::variadic(&[Param::MapAny], Param::String),
        |a| {
            let omit: Vec<&str> = a[1..].iter().map(arg_str).collect();
            let kept = map_arg(&a[0]).map(|m| {
                m.entries()
                    .into_iter()
                    .filter(|(k, _)| !omit.contains(&&**k))
            });
            Ok(Value::Map(Map::from_entries(
                MapType::Any,
                kept.into_iter().flatten(),
            )))
        },
    );
    let merge_sig = Method::variadic(&[Param::MapAny], Param::MapAny);
    for (name, overwrite) in [
        ("merge", false),
        ("mustMerge", false),
        ("mergeOverwrite", true),
        ("mustMergeOverwrite", true),
    ] {
        t.add_pure(name, merge_sig, move |a| merge(&a[0], &a[1..], overwrite));
    }
    for name in ["deepCopy", "mustDeepCopy"] {
        t.add_pure(name, Method::fixed(&[Param::Any]), |a| match &a[0] {
            Value::Nil => Err(CallError::msg(
                "reflect: call of reflect.Value.Type on zero Value",
            )),
            v => deep_copy(v, &mut OpenPath::default()),
        });
    }
    t.add_pure("dig", Method::variadic(&[], Param::Any), |a| dig(&a));
}

/// Sprig's `dict k1 v1 k2 v2 ...`: keys through `toString`; a key without value maps to "".
fn dict(args: &[Value]) -> Result<Value, CallError> {
    let entries = args
        .chunks(2)
        .map(|pair| {
            let key = Str::from(strval(&pair[0])?);
            Ok((key, pair.get(1).cloned().unwrap_or_else(|| Value::str(""))))
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
