//! `json.Marshal`, `json.MarshalIndent` and `Encoder.Encode` of template values.
//!
//! Go's rules, all visible in template output: map keys sorted bytewise; `float64` in `'f'`
//! layout unless `|x| < 1e-6` or `|x| >= 1e21`, then `'e'` with a one-digit exponent kept short
//! (`1e-7`, `1e+21`); integers as integers; `[]byte` as standard base64; nil as `null`;
//! strings with `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls as `\u00XX`, U+2028
//! and U+2029 always escaped and `<`, `>`, `&` escaped unless HTML escaping is off. NaN and
//! infinities are errors, and so is a map that contains itself (Go notices after 1000 levels).

use crate::ascii::hex_digit;
use crate::base64;
use crate::strconv::format_float;
use crate::value::walk::{Failure, OpenPath};
use crate::value::{Value, rawbytes};

/// `json.Marshal` (HTML escaping on) or `Encoder.Encode` without its trailing newline (HTML
/// escaping as given): the JSON text of `v`, or Go's error text.
pub fn encode(v: &Value, escape_html: bool) -> Result<String, Failure> {
    let mut e = Encoder {
        out: String::new(),
        escape_html,
        path: OpenPath::default(),
    };
    e.value(v)?;
    Ok(e.out)
}

/// `json.MarshalIndent(v, prefix, indent)`: [`encode`] laid out by [`indent`].
pub fn encode_indent(
    v: &Value,
    prefix: &str,
    indent_with: &str,
    escape_html: bool,
) -> Result<String, Failure> {
    let compact = encode(v, escape_html)?;
    Ok(indent(&compact, prefix, indent_with)?)
}

/// Go's `json.Indent` of compact JSON: one element per line, `prefix` after each newline,
/// `indent` once per level, `": "` after keys, and empty `{}` / `[]` kept on one line. Like
/// Go's, it runs the JSON scanner, which refuses more than 10000 levels of nesting.
pub fn indent(compact: &str, prefix: &str, indent_with: &str) -> Result<String, String> {
    let mut out = String::with_capacity(compact.len() * 2);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(prefix);
        for _ in 0..depth {
            out.push_str(indent_with);
        }
    };
    let mut depth = 0usize;
    // Brackets open, including empty ones (which `depth` does not count).
    let mut open = 0usize;
    let mut need_indent = false;
    let mut in_string = false;
    let mut escaped = false;
    for c in compact.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if matches!(c, ' ' | '\t' | '\r' | '\n') {
            continue;
        }
        if need_indent && c != '}' && c != ']' {
            need_indent = false;
            depth += 1;
            newline(&mut out, depth);
        }
        match c {
            '{' | '[' => {
                open += 1;
                if open > super::scan::MAX_DEPTH {
                    return Err(super::scan::invalid(c as u8, "exceeded max depth"));
                }
                need_indent = true;
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            '}' | ']' => {
                open = open.saturating_sub(1);
                if need_indent {
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                }
                out.push(c);
            }
            '"' => {
                in_string = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

struct Encoder {
    out: String,
    escape_html: bool,
    /// The maps and slices being encoded, for Go's cycle check.
    path: OpenPath,
}

impl Encoder {
    fn value(&mut self, v: &Value) -> Result<(), Failure> {
        match v {
            Value::Nil => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i, t) => {
                if t.is_unsigned() {
                    self.out.push_str(&(*i as u64).to_string());
                } else {
                    self.out.push_str(&i.to_string());
                }
            }
            Value::Float(f) => self.float(*f)?,
            Value::Str(s) => self.string(s),
            Value::Bytes(b) => {
                self.out.push('"');
                self.out.push_str(&base64::base64_encode(b));
                self.out.push('"');
            }
            Value::List(items, _) => {
                self.enter(v)?;
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.nested(item)?;
                }
                self.out.push(']');
                self.leave(v);
            }
            Value::Map(m) if m.is_nil() => self.out.push_str("null"),
            Value::Map(m) => {
                self.enter(v)?;
                self.object(m.entries().iter().map(|(k, item)| (&**k, item)))?;
                self.leave(v);
            }
            Value::Object(o) => {
                if let Some(fields) = o.json_fields() {
                    // A struct: fields in declaration order, not sorted like map keys.
                    return self.object(fields.iter().map(|(k, item)| (&**k, item)));
                }
                let plain = o.to_plain();
                if let Value::Object(_) = plain {
                    return Err(Failure::Go(format!(
                        "json: unsupported type: {}",
                        o.type_name()
                    )));
                }
                self.value(&plain)?;
            }
        }
        Ok(())
    }

    /// Encodes `{"key":value,...}` with the entries in the order given.
    fn object<'v>(
        &mut self,
        entries: impl Iterator<Item = (&'v str, &'v Value)>,
    ) -> Result<(), Failure> {
        self.out.push('{');
        for (i, (k, item)) in entries.enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.string(k);
            self.out.push(':');
            self.nested(item)?;
        }
        self.out.push('}');
        Ok(())
    }

    /// Encodes an element, growing the stack for deeply nested values.
    fn nested(&mut self, v: &Value) -> Result<(), Failure> {
        crate::recursion::grow(|| self.value(v))
    }

    fn enter(&mut self, v: &Value) -> Result<(), Failure> {
        self.path.enter(v).map_err(|c| c.json_failure())
    }

    fn leave(&mut self, v: &Value) {
        self.path.leave(v);
    }

    fn float(&mut self, f: f64) -> Result<(), Failure> {
        if !f.is_finite() {
            return Err(Failure::Go(format!(
                "json: unsupported value: {}",
                format_float(f, b'g', -1)
            )));
        }
        let abs = f.abs();
        let exp = abs != 0.0 && !(1e-6..1e21).contains(&abs);
        let s = format_float(f, if exp { b'e' } else { b'f' }, -1);
        // Go shortens a two-digit negative exponent: 1e-07 becomes 1e-7.
        if exp && let [.., b'e', b'-', b'0', _] = s.as_bytes() {
            let n = s.len();
            self.out.push_str(&s[..n - 2]);
            self.out.push_str(&s[n - 1..]);
        } else {
            self.out.push_str(&s);
        }
        Ok(())
    }

    fn string(&mut self, s: &str) {
        let out = &mut self.out;
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '<' | '>' | '&' if self.escape_html => {
                    out.push_str("\\u00");
                    out.push(char::from(hex_digit(c as u8 >> 4, false)));
                    out.push(char::from(hex_digit(c as u8, false)));
                }
                '\u{0}'..='\u{1f}' => {
                    out.push_str("\\u00");
                    out.push(char::from(hex_digit(c as u8 >> 4, false)));
                    out.push(char::from(hex_digit(c as u8, false)));
                }
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                // A raw byte of a non-UTF-8 Go string: json.Marshal writes `\ufffd`.
                _ if rawbytes::escaped_byte(c).is_some() => out.push_str("\\ufffd"),
                _ => out.push(c),
            }
        }
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle
    #[test]
    fn floats_of_every_magnitude() {
        let fs = [
            0.0,
            -0.0,
            1.0,
            100000.0,
            1e6,
            1e20,
            1e21,
            1e-6,
            1e-7,
            0.1,
            123456789.123,
            1.5e300,
            -2.5e-10,
            9007199254740993.0,
            12345678901234567890.0,
        ];
        let v = Value::list(fs.iter().map(|f| Value::Float(*f)).collect());
        assert_eq!(
            encode(&v, true).as_deref(),
            Ok(
                "[0,-0,1,100000,1000000,100000000000000000000,1e+21,0.000001,1e-7,0.1,\
                123456789.123,1.5e+300,-2.5e-10,9007199254740992,12345678901234567000]"
            )
        );
    }

    #[test]
    fn unsupported_floats() {
        assert_eq!(
            encode(&Value::Float(f64::NAN), true),
            Err("json: unsupported value: NaN".into())
        );
        assert_eq!(
            encode(&Value::Float(f64::NEG_INFINITY), true),
            Err("json: unsupported value: -Inf".into())
        );
    }

    #[test]
    fn string_escapes() {
        let v = Value::str("a<b>&\u{8}\u{c}\u{1}\u{2028}\u{2029}\x7fé😀\"\\\n\r\t");
        assert_eq!(
            encode(&v, true).as_deref(),
            Ok("\"a\\u003cb\\u003e\\u0026\\b\\f\\u0001\\u2028\\u2029\x7fé😀\\\"\\\\\\n\\r\\t\"")
        );
        assert_eq!(encode(&Value::str("<&>"), false).as_deref(), Ok("\"<&>\""));
    }

    #[test]
    fn containers_and_indent() {
        let v = Value::map_of(vec![
            (
                "b",
                Value::list(vec![Value::int(1), Value::Nil, Value::Bool(true)]),
            ),
            ("a", Value::empty_map()),
            ("c", Value::list(vec![])),
            ("d", Value::map_of(vec![("x", Value::str("y"))])),
        ]);
        assert_eq!(
            encode(&v, true).as_deref(),
            Ok(r#"{"a":{},"b":[1,null,true],"c":[],"d":{"x":"y"}}"#)
        );
        assert_eq!(
            encode_indent(&v, "", "  ", true).as_deref(),
            Ok(
                "{\n  \"a\": {},\n  \"b\": [\n    1,\n    null,\n    true\n  ],\n  \"c\": [],\n  \
                \"d\": {\n    \"x\": \"y\"\n  }\n}"
            )
        );
        assert_eq!(
            indent("{\"a\":[1]}", ">", "\t").as_deref(),
            Ok("{\n>\t\"a\": [\n>\t\t1\n>\t]\n>}")
        );
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(indent(&deep(10000), "", " ").is_ok());
        assert_eq!(
            indent(&deep(10001), "", " "),
            Err("invalid character '[' exceeded max depth".into())
        );
    }

    #[test]
    fn bytes_and_unsigned() {
        let v = Value::list(vec![
            Value::Bytes(std::sync::Arc::from(&b"hi"[..])),
            Value::Int(-1, crate::value::IntType::Uint64),
        ]);
        assert_eq!(
            encode(&v, true).as_deref(),
            Ok("[\"aGk=\",18446744073709551615]")
        );
    }

    #[test]
    fn self_containing_map_is_an_error() {
        let m = crate::value::Map::new(crate::value::MapType::Any);
        m.insert("a".into(), Value::Map(m.clone()));
        assert_eq!(
            encode(&Value::Map(m.clone()), true),
            Err("json: unsupported value: encountered a cycle via map[string]interface {}".into())
        );
        m.remove("a");
    }
}
