//! Go's comparisons: text/template's `eq`/`lt` over basic kinds, and `reflect.DeepEqual`.

use super::Value;
use std::cmp::Ordering;

/// The basic kinds text/template's comparison functions accept.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Bool,
    Int,
    Uint,
    Float,
    Complex,
    String,
}

fn basic_kind(v: &Value) -> Option<Kind> {
    match v {
        Value::Bool(_) => Some(Kind::Bool),
        Value::Int(_, t) if t.is_unsigned() => Some(Kind::Uint),
        Value::Int(..) => Some(Kind::Int),
        Value::Float(_) => Some(Kind::Float),
        Value::Str(_) => Some(Kind::String),
        Value::Object(o) if o.kind() == super::ObjectKind::Complex => Some(Kind::Complex),
        _ => None,
    }
}

fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        _ => 0,
    }
}

/// Go's error for comparing values of different basic kinds.
fn incompatible(a: &Value, b: &Value) -> String {
    format!(
        "incompatible types for comparison: {} and {}",
        a.type_name(),
        b.type_name()
    )
}

/// text/template's `eq arg1 arg2`: equality of basic kinds (signed and unsigned integers
/// compare by value); a missing value equals only another missing value; other kinds compare
/// by identity where Go can, and are an error where Go's `==` would panic.
pub fn basic_equal(a: &Value, b: &Value) -> Result<bool, String> {
    let (ka, kb) = (basic_kind(a), basic_kind(b));
    if ka != kb {
        return match (ka, kb) {
            (Some(Kind::Int), Some(Kind::Uint)) => Ok(int_of(a) >= 0 && int_of(a) == int_of(b)),
            (Some(Kind::Uint), Some(Kind::Int)) => Ok(int_of(b) >= 0 && int_of(a) == int_of(b)),
            _ if a.is_nil() || b.is_nil() => Ok(false),
            _ => Err(incompatible(a, b)),
        };
    }
    Ok(match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Int(x, _), Value::Int(y, _)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Nil, Value::Nil) => true,
        (Value::Object(x), Value::Object(y)) if ka == Some(Kind::Complex) => {
            let cx = x.as_any().downcast_ref::<super::Complex>();
            let cy = y.as_any().downcast_ref::<super::Complex>();
            cx.is_some() && cx == cy
        }
        _ => return non_basic_equal(a, b),
    })
}

/// Go's `isNil` in text/template: no value at all, or a nil map.
fn go_nil(v: &Value) -> bool {
    match v {
        Value::Nil => true,
        Value::Map(m) => m.is_nil(),
        _ => false,
    }
}

/// `eq` on two non-basic values: kinds must match unless one side is no value at all; a nil
/// on either side compares by nil-ness; otherwise Go compares interfaces with `==`, which
/// panics for slices and maps.
fn non_basic_equal(a: &Value, b: &Value) -> Result<bool, String> {
    // Go formats the first value with %s (so non-strings inside print as `%!s(...)`).
    let percent_s = |v: &Value| crate::fmt::sprintf_partial("%s", std::slice::from_ref(v));
    if a.kind_name() != b.kind_name() && !a.is_nil() && !b.is_nil() {
        return Err(format!(
            "non-comparable types {}: {}, {}: {}",
            percent_s(a),
            a.type_name(),
            b.type_name(),
            b
        ));
    }
    if go_nil(a) || go_nil(b) {
        return Ok(go_nil(a) == go_nil(b));
    }
    match b {
        Value::List(..) | Value::Map(_) | Value::Bytes(_) => Err(format!(
            "non-comparable type {}: {}",
            percent_s(b),
            b.type_name()
        )),
        _ => Ok(deep_equal(a, b)),
    }
}

/// text/template's `lt`.
pub fn basic_less(a: &Value, b: &Value) -> Result<bool, String> {
    const BAD: &str = "invalid type for comparison";
    let ka = basic_kind(a).ok_or(BAD)?;
    let kb = basic_kind(b).ok_or(BAD)?;
    if ka != kb {
        return match (ka, kb) {
            (Kind::Int, Kind::Uint) => Ok(int_of(a) < 0 || (int_of(a) as u64) < int_of(b) as u64),
            (Kind::Uint, Kind::Int) => Ok(int_of(b) >= 0 && (int_of(a) as u64) < int_of(b) as u64),
            _ => Err(incompatible(a, b)),
        };
    }
    Ok(match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y) == Some(Ordering::Less),
        (Value::Int(x, t), Value::Int(y, _)) if t.is_unsigned() => (*x as u64) < (*y as u64),
        (Value::Int(x, _), Value::Int(y, _)) => x < y,
        (Value::Str(x), Value::Str(y)) => x < y,
        _ => return Err(BAD.to_string()),
    })
}

/// Go's `reflect.DeepEqual`: identical dynamic types and deeply equal contents. Like Go, a
/// pair of maps or slices met again while comparing counts as equal, so values that contain
/// themselves compare without end (two such maps of the same shape are equal).
pub fn deep_equal(a: &Value, b: &Value) -> bool {
    DeepEqual::default().equal(a, b)
}

/// The pairs of containers already being compared (Go's `visited`).
#[derive(Default)]
struct DeepEqual {
    visited: std::collections::HashSet<(usize, usize)>,
}

impl DeepEqual {
    fn equal(&mut self, a: &Value, b: &Value) -> bool {
        crate::recursion::grow(|| self.equal_here(a, b))
    }

    /// Go's `hard` case: records the pair of containers; true when it was already recorded.
    fn seen(&mut self, x: usize, y: usize) -> bool {
        !self.visited.insert((x.min(y), x.max(y)))
    }

    fn equal_here(&mut self, a: &Value, b: &Value) -> bool {
        if a.type_name() != b.type_name() {
            return false;
        }
        match (a, b) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            (Value::Int(x, _), Value::Int(y, _)) => x == y,
            (Value::Float(x), Value::Float(y)) => x == y,
            (Value::Str(x), Value::Str(y)) => x == y,
            (Value::Bytes(x), Value::Bytes(y)) => x == y,
            (Value::List(x, _), Value::List(y, _)) => {
                if self.seen(x.addr(), y.addr()) {
                    return true;
                }
                x.len() == y.len()
                    && (x.ptr_eq(y) || x.iter().zip(y.iter()).all(|(p, q)| self.equal(p, q)))
            }
            (Value::Map(x), Value::Map(y)) => {
                if x.is_nil() || y.is_nil() {
                    return x.is_nil() == y.is_nil() && x.is_empty() && y.is_empty();
                }
                if self.seen(x.addr(), y.addr()) || x.ptr_eq(y) {
                    return true;
                }
                let (ex, ey) = (x.entries(), y.entries());
                ex.len() == ey.len()
                    && ex
                        .iter()
                        .zip(ey.iter())
                        .all(|((k1, v1), (k2, v2))| k1 == k2 && self.equal(v1, v2))
            }
            (Value::Object(x), Value::Object(y)) => {
                let cx = x.as_any().downcast_ref::<super::Complex>();
                if cx.is_some() {
                    return cx == y.as_any().downcast_ref::<super::Complex>();
                }
                match (x.to_plain(), y.to_plain()) {
                    // An object that is its own plain form: equal only to itself.
                    (Value::Object(_), _) | (_, Value::Object(_)) => std::sync::Arc::ptr_eq(x, y),
                    (px, py) => self.equal(&px, &py),
                }
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eq_follows_go_kinds() {
        assert_eq!(basic_equal(&Value::int(1), &Value::int64(1)), Ok(true));
        assert_eq!(basic_equal(&Value::Nil, &Value::str("a")), Ok(false));
        assert_eq!(
            basic_equal(&Value::int(1), &Value::Float(1.0)),
            Err("incompatible types for comparison: int and float64".into())
        );
        assert!(basic_less(&Value::Bool(true), &Value::Bool(false)).is_err());
        assert!(!deep_equal(&Value::int(1), &Value::int64(1)));
    }
}
