//! The texts of the Go runtime panics that Sprig functions can raise. Go's template engine
//! recovers them and reports `error calling NAME: <text>`, so they are part of the output.

use crate::template::CallError;
use render_go::value::Value;

/// Calling a method on a nil `reflect.Type` (`reflect.TypeOf(nil).Kind()`).
pub const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// Integer division or modulo by zero.
pub const DIVIDE_BY_ZERO: &str = "runtime error: integer divide by zero";

/// Writing to a nil map.
pub const NIL_MAP_WRITE: &str = "assignment to entry in nil map";

/// `make([]T, n)` with a negative or huge `n`.
pub const MAKESLICE_LEN: &str = "runtime error: makeslice: len out of range";

/// A call error carrying one of the texts above.
pub fn panic(text: &str) -> CallError {
    CallError::msg(text)
}

/// The panic of Go's `s[lo:hi]` on a string of length `len` (`None`: the bound is omitted),
/// or `None` when the bounds are valid. Go checks the upper bound first.
pub fn string_slice_bounds(lo: Option<i64>, hi: Option<i64>, len: usize) -> Option<CallError> {
    let len = len as i64;
    let hi_checked = match hi {
        Some(h) if h < 0 => {
            return Some(bounds(format!("slice bounds out of range [:{h}]")));
        }
        Some(h) if h > len => {
            return Some(bounds(format!(
                "slice bounds out of range [:{h}] with length {len}"
            )));
        }
        Some(h) => h,
        None => len,
    };
    match lo {
        Some(l) if l < 0 => Some(bounds(format!("slice bounds out of range [{l}:]"))),
        Some(l) if l > hi_checked => Some(bounds(format!(
            "slice bounds out of range [{l}:{hi_checked}]"
        ))),
        _ => None,
    }
}

fn bounds(msg: String) -> CallError {
    CallError::msg(format!("runtime error: {msg}"))
}

/// The panic of a failed type assertion `v.(T)` on an `interface {}` value.
pub fn interface_conversion(v: &Value, want: &str) -> CallError {
    let got = match v {
        Value::Nil => "nil",
        other => other.type_name(),
    };
    CallError::msg(format!(
        "interface conversion: interface {{}} is {got}, not {want}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle (substr)
    #[test]
    fn bounds_texts() {
        let t = |lo, hi, len| string_slice_bounds(lo, hi, len).map(|e| match e {
            CallError::Msg(m) => m,
            other => format!("{other:?}"),
        });
        assert_eq!(
            t(None, Some(5), 3).as_deref(),
            Some("runtime error: slice bounds out of range [:5] with length 3")
        );
        assert_eq!(
            t(Some(4), None, 3).as_deref(),
            Some("runtime error: slice bounds out of range [4:3]")
        );
        assert_eq!(
            t(None, Some(-1), 3).as_deref(),
            Some("runtime error: slice bounds out of range [:-1]")
        );
        assert_eq!(t(Some(1), Some(2), 3), None);
    }
}
