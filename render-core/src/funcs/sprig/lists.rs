//! Sprig's list functions (`list`, `first`, `append`, `uniq`, `slice`, `chunk`, ... and their
//! `must` forms). They take any Go slice through reflection; a non-slice is an error naming
//! its kind, and nil makes Go's `reflect.TypeOf(nil).Kind()` dereference a nil pointer.
//!
//! The `must` forms return as errors what the plain forms raise as panics; the template
//! engine reports both as `error calling NAME: <text>`, so each pair shares one
//! implementation. Go returns a nil `[]interface{}` from `rest`/`initial` of an empty list
//! and from `concat` of nothing; we return an empty list, which prints the same (`[]`) but
//! encodes as `[]` rather than `null`.

use super::conv::to_int;
use super::defaults::is_empty;
use super::goerr::{self, MAKESLICE_LEN, NIL_DEREF};
use crate::limits::check_list;
use crate::template::args::Rest;
use crate::template::{CallError, FuncTable};
use render_go::value::{IntType, ListType, ObjectKind, Value, deep_equal};
use std::borrow::Cow;

type R = Result<Value, CallError>;

/// The elements of a Go slice, or `not_list(kind)` as the error for any other value.
fn elements(
    v: &Value,
    not_list: impl FnOnce(&str) -> String,
) -> Result<Cow<'_, [Value]>, CallError> {
    match v {
        Value::Nil => Err(goerr::panic(NIL_DEREF)),
        Value::List(items, _) => Ok(Cow::Borrowed(items)),
        Value::Bytes(b) => Ok(Cow::Owned(
            b.iter()
                .map(|&x| Value::Int(i64::from(x), IntType::Uint8))
                .collect(),
        )),
        Value::Object(o) if o.kind() == ObjectKind::Slice => Ok(Cow::Owned(
            o.range_entries()
                .unwrap_or_default()
                .into_iter()
                .map(|(_, e)| e)
                .collect(),
        )),
        other => Err(CallError::msg(not_list(other.kind_name()))),
    }
}

/// The error text of most list functions: `Cannot find NAME on type KIND`.
fn cannot_find(name: &'static str) -> impl FnOnce(&str) -> String {
    move |kind| format!("Cannot find {name} on type {kind}")
}

/// `name` and `mustName`: Sprig's plain and `must` forms share one implementation.
pub(super) fn with_must(name: &str) -> [String; 2] {
    let mut must = String::from("must");
    let mut chars = name.chars();
    if let Some(c) = chars.next() {
        must.push(c.to_ascii_uppercase());
        must.push_str(chars.as_str());
    }
    [name.to_string(), must]
}

pub(super) fn register(t: &mut FuncTable) {
    for name in ["list", "tuple"] {
        t.func(name, |a: Rest| Value::list(a.0.to_vec()));
    }
    for name in ["push", "append"].into_iter().flat_map(with_must) {
        t.func(&name, |list: &Value, v: &Value| -> R {
            let items = elements(list, |k| format!("Cannot push on type {k}"))?;
            let mut out = items.into_owned();
            out.push(v.clone());
            Ok(Value::list(out))
        });
    }
    for name in with_must("prepend") {
        t.func(&name, |list: &Value, v: &Value| -> R {
            let items = elements(list, |k| format!("Cannot prepend on type {k}"))?;
            let mut out = Vec::with_capacity(items.len() + 1);
            out.push(v.clone());
            out.extend(items.iter().cloned());
            Ok(Value::list(out))
        });
    }
    for name in with_must("chunk") {
        t.func(&name, |size: i64, list: &Value| -> R {
            let items = elements(list, |k| format!("Cannot chunk type {k}"))?;
            chunk(size, &items)
        });
    }
    for name in with_must("first") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, cannot_find("first"))?;
            Ok(items.first().cloned().unwrap_or_default())
        });
    }
    for name in with_must("last") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, cannot_find("last"))?;
            Ok(items.last().cloned().unwrap_or_default())
        });
    }
    for name in with_must("rest") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, cannot_find("rest"))?;
            Ok(Value::list(items.iter().skip(1).cloned().collect()))
        });
    }
    for name in with_must("initial") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, cannot_find("initial"))?;
            let init = items.split_last().map_or(&[][..], |(_, init)| init);
            Ok(Value::list(init.to_vec()))
        });
    }
    for name in with_must("reverse") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, cannot_find("reverse"))?;
            Ok(Value::list(items.iter().rev().cloned().collect()))
        });
    }
    for name in with_must("compact") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, |k| format!("Cannot compact on type {k}"))?;
            Ok(Value::list(
                items.iter().filter(|v| !is_empty(v)).cloned().collect(),
            ))
        });
    }
    for name in with_must("uniq") {
        t.func(&name, |list: &Value| -> R {
            let items = elements(list, cannot_find("uniq"))?;
            let mut out: Vec<Value> = Vec::new();
            for item in items.iter() {
                if !out.iter().any(|o| deep_equal(item, o)) {
                    out.push(item.clone());
                }
            }
            Ok(Value::list(out))
        });
    }
    for name in with_must("without") {
        t.func(&name, |list: &Value, omit: Rest| -> R {
            let items = elements(list, cannot_find("without"))?;
            Ok(Value::list(
                items
                    .iter()
                    .filter(|item| !omit.0.iter().any(|o| deep_equal(item, o)))
                    .cloned()
                    .collect(),
            ))
        });
    }
    for name in with_must("has") {
        t.func(&name, |needle: &Value, list: &Value| -> Result<bool, CallError> {
            if list.is_nil() {
                return Ok(false);
            }
            let items = elements(list, cannot_find("has"))?;
            Ok(items.iter().any(|i| deep_equal(needle, i)))
        });
    }
    for name in with_must("slice") {
        t.func(&name, |list: &Value, indices: Rest| slice(list, indices.0));
    }
    t.func("concat", |lists: Rest| -> R {
        let mut out = Vec::new();
        for list in lists.0 {
            let items = elements(list, |k| format!("Cannot concat type {k} as list"))?;
            check_list(out.len() as u128 + items.len() as u128)?;
            out.extend(items.iter().cloned());
        }
        Ok(Value::list(out))
    });
}

/// Go's `int(f)` conversion on amd64.
fn go_int(f: f64) -> i64 {
    super::conv::f64_to_i64(f)
}

/// Sprig's `chunk`: `size`-element pieces, computed with Go's float arithmetic, so a zero or
/// negative size fails as Go's `make` does (or yields Go's odd results).
fn chunk(size: i64, items: &[Value]) -> R {
    let l = items.len() as i64;
    let count = go_int(((l - 1) as f64 / size as f64).floor() + 1.0);
    if count < 0 {
        return Err(goerr::panic(MAKESLICE_LEN));
    }
    let mut out = Vec::with_capacity(count.min(l + 1) as usize);
    for i in 0..count {
        let mut len = size;
        if i == count - 1 {
            len = go_int((l as f64 % size as f64).floor());
            if len == 0 {
                len = size;
            }
        }
        if len < 0 {
            return Err(goerr::panic(MAKESLICE_LEN));
        }
        let mut piece = Vec::with_capacity(len.min(l) as usize);
        for j in 0..len {
            let ix = i.wrapping_mul(size).wrapping_add(j);
            let item = usize::try_from(ix)
                .ok()
                .and_then(|ix| items.get(ix))
                .ok_or_else(|| CallError::msg("reflect: slice index out of range"))?;
            piece.push(item.clone());
        }
        out.push(Value::list(piece));
    }
    Ok(Value::List(out.into(), ListType::Nested))
}

/// Sprig's `slice list [start [end]]`: a sub-slice of the same type; nil for an empty list.
fn slice(list: &Value, indices: &[Value]) -> R {
    let not_list = |k: &str| format!("list should be type of slice or array but {k}");
    let items = elements(list, not_list)?;
    let len = items.len() as i64;
    if len == 0 {
        return Ok(Value::Nil);
    }
    let start = indices.first().map_or(0, to_int);
    let end = indices.get(1).map_or(len, to_int);
    if start < 0 || end < start || end > len {
        return Err(CallError::msg(
            "reflect.Value.Slice: slice index out of bounds",
        ));
    }
    let range = start as usize..end as usize;
    let out_of_range = || CallError::msg("reflect.Value.Slice: slice index out of bounds");
    Ok(match list {
        Value::List(l, t) => Value::List(l.get(range).ok_or_else(out_of_range)?.into(), *t),
        Value::Bytes(b) => Value::Bytes(b.get(range).ok_or_else(out_of_range)?.into()),
        _ => Value::list(items.get(range).ok_or_else(out_of_range)?.to_vec()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(n: i64) -> Vec<Value> {
        (1..=n).map(Value::int).collect()
    }

    // expected values from helm-oracle
    #[test]
    fn chunk_follows_go_float_math() {
        let shape = |size, n| {
            chunk(size, &ints(n)).map(|v| match v {
                Value::List(l, _) => l.iter().map(|c| c.len().unwrap_or(0)).collect::<Vec<_>>(),
                _ => vec![],
            })
        };
        assert_eq!(shape(2, 5).ok(), Some(vec![2, 2, 1]));
        assert_eq!(shape(-2, 1).ok(), Some(vec![1]));
        assert_eq!(shape(-5, 2).ok(), Some(vec![]));
        assert_eq!(shape(3, 0).ok(), Some(vec![]));
        assert!(shape(0, 1).is_err());
        assert!(shape(-1, 1).is_err());
    }
}
