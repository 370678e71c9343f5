//! Sprig's defaults and logic: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`, all
//! built on Sprig's notion of an empty value.

use crate::template::FuncTable;
use crate::template::args::Rest;
use render_go::value::{Complex, ObjectKind, Value};

/// Sprig's `empty`: nil, false, zero numbers and zero-length strings, slices and maps are
/// empty (complex numbers too); structs and non-nil pointers never are.
pub fn is_empty(v: &Value) -> bool {
    match v {
        Value::Nil => true,
        Value::Bool(b) => !b,
        Value::Int(i, _) => *i == 0,
        Value::Float(f) => *f == 0.0,
        Value::Str(_) | Value::Bytes(_) | Value::List(..) | Value::Map(_) => v.len() == Some(0),
        Value::Object(o) => match o.kind() {
            ObjectKind::Struct | ObjectKind::Ptr => false,
            ObjectKind::Map | ObjectKind::Slice => o.len().unwrap_or(0) == 0,
            ObjectKind::Complex => o
                .as_any()
                .downcast_ref::<Complex>()
                .is_some_and(|c| c.re == 0.0 && c.im == 0.0),
        },
    }
}

pub(super) fn register(t: &mut FuncTable) {
    t.func("default", |fallback: &Value, given: Rest| match given.0.first() {
        Some(given) if !is_empty(given) => given.clone(),
        _ => fallback.clone(),
    });
    t.func("empty", is_empty);
    t.func("coalesce", |a: Rest| {
        a.0.iter().find(|v| !is_empty(v)).cloned().unwrap_or_default()
    });
    t.func("all", |a: Rest| a.0.iter().all(|v| !is_empty(v)));
    t.func("any", |a: Rest| a.0.iter().any(|v| !is_empty(v)));
    t.func("ternary", |yes: &Value, no: &Value, cond: bool| {
        if cond { yes } else { no }.clone()
    });
}
