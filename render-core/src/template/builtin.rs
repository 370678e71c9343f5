//! Go's text/template builtins: `and or not len index eq ne lt le gt ge print printf println
//! html js urlquery call` (Sprig's `slice` replaces Go's).

use super::args::{Reflect, Rest, RestReflect};
use super::funcmap::{FuncKind, FuncTable};
use crate::template::CallError;
use render_go::fmt as gofmt;
use render_go::strconv::is_print;
use render_go::value::walk::Endless;
use render_go::value::{IntType, Value, basic_equal};

type R = Result<Value, CallError>;

pub(super) fn register(t: &mut FuncTable) {
    // The executor evaluates these itself; the functions only declare their signatures.
    for (name, kind) in [
        ("and", FuncKind::And),
        ("or", FuncKind::Or),
        ("call", FuncKind::Call),
    ] {
        t.func_kind(name, kind, move |_: Reflect, _: RestReflect| -> R {
            Err(CallError::msg(format!("internal error: {name} is evaluated by the executor")))
        });
    }
    t.func("not", |v: Reflect| !v.0.is_true());
    t.func_kind("len", FuncKind::Len, |v: Reflect| length(v.0));
    t.func("index", |item: Reflect, indexes: RestReflect| index(item.0, indexes.0));
    t.func("eq", |a: Reflect, others: RestReflect| -> Result<bool, CallError> {
        if others.0.is_empty() {
            return Err("missing argument for comparison".into());
        }
        for b in others.0 {
            if basic_equal(a.0, b)? {
                return Ok(true);
            }
        }
        Ok(false)
    });
    t.func("ne", |a: Reflect, b: Reflect| -> Result<bool, CallError> {
        Ok(!basic_equal(a.0, b.0)?)
    });
    t.func("lt", |a: Reflect, b: Reflect| less(a.0, b.0));
    t.func("le", |a: Reflect, b: Reflect| -> Result<bool, CallError> {
        Ok(less(a.0, b.0)? || basic_equal(a.0, b.0)?)
    });
    t.func("gt", |a: Reflect, b: Reflect| -> Result<bool, CallError> {
        Ok(!(less(a.0, b.0)? || basic_equal(a.0, b.0)?))
    });
    t.func("ge", |a: Reflect, b: Reflect| -> Result<bool, CallError> {
        Ok(!less(a.0, b.0)?)
    });
    t.func("print", |a: Rest| -> Result<String, CallError> { Ok(gofmt::sprint(a.0)?) });
    t.func("println", |a: Rest| -> Result<String, CallError> { Ok(gofmt::sprintln(a.0)?) });
    t.func("printf", |format: &str, a: Rest| -> Result<String, CallError> {
        Ok(gofmt::sprintf(format, a.0)?)
    });
    t.func("html", |a: Rest| -> Result<String, CallError> {
        Ok(html_escape(&eval_args(a.0)?))
    });
    t.func("js", |a: Rest| -> Result<String, CallError> { Ok(js_escape(&eval_args(a.0)?)) });
    t.func("urlquery", |a: Rest| -> Result<String, CallError> {
        Ok(query_escape(&eval_args(a.0)?))
    });
}

fn less(a: &Value, b: &Value) -> Result<bool, CallError> {
    render_go::value::basic_less(a, b).map_err(CallError::Msg)
}

/// Go's `len` on a `reflect.Value` argument.
fn length(v: &Value) -> Result<Value, CallError> {
    match v {
        // A zero reflect.Value: Go panics inside the error path.
        Value::Nil => Err("reflect: call of reflect.Value.Type on zero Value".into()),
        other => match other.len() {
            Some(n) => Ok(Value::int(n as i64)),
            None => Err(format!("len of type {}", other.type_name()).into()),
        },
    }
}

/// Go's `indexArg`.
fn index_arg(index: &Value, cap: usize) -> Result<usize, CallError> {
    let x = match index {
        Value::Int(i, t) if t.is_unsigned() => (*i as u64).min(i64::MAX as u64) as i64,
        Value::Int(i, _) => *i,
        Value::Nil => return Err("cannot index slice/array with nil".into()),
        other => {
            return Err(format!("cannot index slice/array with type {}", other.type_name()).into());
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}").into());
    }
    Ok(x as usize)
}

/// Go's `index`.
fn index(item: &Value, indexes: &[Value]) -> Result<Value, CallError> {
    if item.is_nil() {
        return Err("index of untyped nil".into());
    }
    let mut item = item.clone();
    let mut first = true;
    for index in indexes {
        if !first && item.is_nil() {
            return Err("index of nil pointer".into());
        }
        first = false;
        item = match &item {
            Value::List(l, _) => {
                let x = index_arg(index, l.len())?;
                l.get(x)
                    .cloned()
                    .ok_or_else(|| CallError::msg("reflect: slice index out of range"))?
            }
            Value::Bytes(b) => {
                let x = index_arg(index, b.len())?;
                let byte = b
                    .get(x)
                    .ok_or_else(|| CallError::msg("reflect: slice index out of range"))?;
                Value::Int(*byte as i64, IntType::Uint8)
            }
            Value::Str(s) => {
                let x = index_arg(index, s.len())?;
                let byte = s
                    .as_bytes()
                    .get(x)
                    .ok_or_else(|| CallError::msg("reflect: string index out of range"))?;
                Value::Int(*byte as i64, IntType::Uint8)
            }
            Value::Map(m) => {
                let key = map_key(index)?;
                match m.get(key) {
                    Some(v) => v,
                    None if m.map_type() == render_go::value::MapType::String => Value::str(""),
                    None => Value::Nil,
                }
            }
            Value::Object(o) if o.kind() == render_go::value::ObjectKind::Map => {
                let key = map_key(index)?;
                o.field(key).unwrap_or(Value::Nil)
            }
            other => {
                return Err(format!("can't index item of type {}", other.type_name()).into());
            }
        };
    }
    Ok(item)
}

/// Go's `prepareArg` for a `string` map key.
fn map_key(index: &Value) -> Result<&str, CallError> {
    match index {
        Value::Str(s) => Ok(s),
        Value::Nil => Err("value is nil; should be of type string".into()),
        other => Err(format!("value has type {}; should be string", other.type_name()).into()),
    }
}

/// Go's `evalArgs`: one string argument as is, otherwise `fmt.Sprint` with missing values
/// printed as `<no value>`.
fn eval_args(args: &[Value]) -> Result<String, Endless> {
    if let [Value::Str(s)] = args {
        return Ok(s.to_string());
    }
    let printable: Vec<Value> = args
        .iter()
        .map(|a| match a {
            Value::Nil => Value::str("<no value>"),
            other => other.clone(),
        })
        .collect();
    gofmt::sprint(&printable)
}

/// Go's `template.HTMLEscapeString`.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Go's `template.JSEscapeString`.
pub fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u00{:02X}", c as u32)),
            c if c.is_ascii() => out.push(c),
            c if is_print(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out
}

/// Go's `url.QueryEscape`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
