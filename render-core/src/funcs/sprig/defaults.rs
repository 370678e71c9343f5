//! Sprig's defaults and logic: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`, all
//! built on Sprig's notion of an empty value.

use crate::template::FuncTable;
use render_go::value::{Complex, Method, ObjectKind, Param, Value};

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
    t.add_pure(
        "default",
        Method::variadic(&[Param::Any], Param::Any),
        |a| {
            Ok(match a.get(1) {
                Some(given) if !is_empty(given) => given.clone(),
                _ => a[0].clone(),
            })
        },
    );
    t.add_pure("empty", Method::fixed(&[Param::Any]), |a| {
        Ok(Value::Bool(is_empty(&a[0])))
    });
    t.add_pure("coalesce", Method::variadic(&[], Param::Any), |a| {
        Ok(a.into_iter().find(|v| !is_empty(v)).unwrap_or_default())
    });
    t.add_pure("all", Method::variadic(&[], Param::Any), |a| {
        Ok(Value::Bool(a.iter().all(|v| !is_empty(v))))
    });
    t.add_pure("any", Method::variadic(&[], Param::Any), |a| {
        Ok(Value::Bool(a.iter().any(|v| !is_empty(v))))
    });
    t.add_pure(
        "ternary",
        Method::fixed(&[Param::Any, Param::Any, Param::Bool]),
        |a| {
            let cond = matches!(a[2], Value::Bool(true));
            Ok(if cond { a[0].clone() } else { a[1].clone() })
        },
    );
}
