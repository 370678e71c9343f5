//! Conversions Sprig applies to `interface{}` arguments: `strval` (its `toString`), and
//! spf13/cast v1.7.0's `ToFloat64`, `ToInt64` and `ToInt`, which Sprig's math uses.

use render_go::fmt as gofmt;
use render_go::strconv::{NumError, parse_float, parse_int};
use render_go::value::walk::Endless;
use render_go::value::{IntType, Value, rawbytes};

/// Sprig's `strval`: strings as is, `[]byte` as text, Stringers through `String()`, anything
/// else through `%v`.
pub fn strval(v: &Value) -> Result<String, Endless> {
    Ok(match v {
        Value::Str(s) => s.to_string(),
        Value::Bytes(b) => rawbytes::encode(b).into_owned(),
        other => {
            let mut out = String::new();
            gofmt::write_value(&mut out, other)?;
            out
        }
    })
}

/// Sprig's `strslice`: a list's elements as strings, nils dropped; a non-list becomes a
/// one-element list (nil: empty).
pub fn strslice(v: &Value) -> Result<Vec<String>, Endless> {
    Ok(match v {
        Value::List(items, _) => items
            .iter()
            .filter(|i| !i.is_nil())
            .map(strval)
            .collect::<Result<_, _>>()?,
        Value::Bytes(b) => b.iter().map(|x| x.to_string()).collect(),
        Value::Nil => Vec::new(),
        other => vec![strval(other)?],
    })
}

/// A Go string from bytes that may not be valid UTF-8 (Go can cut a string inside a
/// character): invalid bytes are kept as [`rawbytes`] escapes.
pub fn go_string(bytes: &[u8]) -> Value {
    Value::string(rawbytes::encode(bytes).into_owned())
}

/// `strconv.Atoi` with its error ignored, as Sprig's `atoi` does: 0 for bad syntax, the
/// clamped value for out-of-range numbers.
pub fn atoi(s: &str) -> i64 {
    match parse_int(s, 10, 64) {
        Ok(i) => i,
        Err(NumError::Range) if s.starts_with('-') => i64::MIN,
        Err(NumError::Range) => i64::MAX,
        Err(NumError::Syntax) => 0,
    }
}

/// Go's `int64(f)` on amd64: truncation, and `MinInt64` for NaN and out-of-range values.
pub fn f64_to_i64(f: f64) -> i64 {
    if f.is_nan() || !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// cast's `trimZeroDecimal`: `"8.00"` → `"8"`.
fn trim_zero_decimal(s: &str) -> &str {
    let mut found_zero = false;
    for (i, c) in s.bytes().enumerate().rev() {
        match c {
            b'.' => {
                if found_zero {
                    return s.get(..i).unwrap_or(s);
                }
            }
            b'0' => found_zero = true,
            _ => return s,
        }
    }
    s
}

/// The Go `%#v` text cast puts in its errors.
fn go_sharp_v(v: &Value) -> String {
    gofmt::sprintf_partial("%#v", std::slice::from_ref(v))
}

/// cast's `ToInt64E`.
pub fn to_int64_e(v: &Value) -> Result<i64, String> {
    match v {
        Value::Int(i, t) if t.is_unsigned() => Ok(*i),
        Value::Int(i, _) => Ok(*i),
        Value::Float(f) => Ok(f64_to_i64(*f)),
        Value::Str(s) => parse_int(trim_zero_decimal(s), 0, 64)
            .map_err(|_| format!("unable to cast {} of type string to int64", go_sharp_v(v))),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Nil => Ok(0),
        other => Err(format!(
            "unable to cast {} of type {} to int64",
            go_sharp_v(other),
            other.type_name()
        )),
    }
}

/// cast's `ToInt64`: errors become 0.
pub fn to_int64(v: &Value) -> i64 {
    to_int64_e(v).unwrap_or(0)
}

/// cast's `ToInt` (64-bit `int`): like `ToInt64`.
pub fn to_int(v: &Value) -> i64 {
    match v {
        Value::Int(i, IntType::Int) => *i,
        other => to_int64(other),
    }
}

/// cast's `ToFloat64E`.
pub fn to_float64_e(v: &Value) -> Result<f64, String> {
    match v {
        Value::Int(i, t) if t.is_unsigned() => Ok(*i as u64 as f64),
        Value::Int(i, _) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Str(s) => parse_float(s)
            .map_err(|_| format!("unable to cast {} of type string to float64", go_sharp_v(v))),
        Value::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
        Value::Nil => Ok(0.0),
        other => Err(format!(
            "unable to cast {} of type {} to float64",
            go_sharp_v(other),
            other.type_name()
        )),
    }
}

/// cast's `ToFloat64`: errors become 0.
pub fn to_float64(v: &Value) -> f64 {
    to_float64_e(v).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cast_rules() {
        assert_eq!(to_int64(&Value::str("8.00")), 8);
        assert_eq!(to_int64(&Value::str("0x10")), 16);
        assert_eq!(to_int64(&Value::str("abc")), 0);
        assert_eq!(to_int64(&Value::Float(2.9)), 2);
        assert_eq!(to_int64(&Value::Float(f64::NAN)), i64::MIN);
        assert_eq!(to_float64(&Value::str("1e3")), 1000.0);
        assert_eq!(strval(&Value::Float(1e6)).as_deref(), Ok("1e+06"));
        assert_eq!(
            strslice(&Value::list(vec![
                Value::int(1),
                Value::Nil,
                Value::str("a")
            ])),
            Ok(vec!["1".to_string(), "a".to_string()])
        );
    }
}
