//! BurntSushi/toml v1.6.0's `Encoder.Encode` of template values (Helm's `toToml`).
//!
//! Its layout: in every table the plain keys come first (sorted), then sub-tables and arrays
//! of tables (sorted); a top-level table is preceded by a blank line; nested headers and their
//! keys are indented two spaces per level below the top; nil map values are skipped; arrays
//! are written inline (`[1, 2]`), maps inside them as inline tables, and an array whose
//! elements are all tables as `[[name]]` sections. Floats use Go's shortest `%g` with `.0`
//! added when it has no `.` or exponent (`8080.0`, `1e+06`). A nil inside any array is an
//! error, and so is an array of tables at the top level.
//!
//! Go writes a map that contains itself until memory runs out, and the headers of nested
//! tables grow with their depth (`[a.a.a...]`), so a deep map makes a document quadratic in
//! its depth; we stop at the cycle, and at [`MAX_STRING_BYTES`] of output.

use super::datetime::Datetime;
use crate::limits::MAX_STRING_BYTES;
use crate::strconv::format_float;
use crate::value::walk::OpenPath;
use crate::value::{IntType, Map, Str, Value};

/// Why encoding failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The error `Encode` returns (`toToml` prints it, `mustToToml` fails with it).
    Toml(String),
    /// A Go runtime panic inside the encoder (both functions fail with it).
    Panic(String),
    /// Where Go would write until memory runs out: a cycle, or a document past our bound.
    Unbounded(String),
}

impl EncodeError {
    /// The error's text.
    pub fn text(&self) -> &str {
        match self {
            EncodeError::Toml(s) | EncodeError::Panic(s) | EncodeError::Unbounded(s) => s,
        }
    }
}

const NIL_ELEMENT: &str = "toml: cannot encode array with nil element";
const NO_KEY: &str = "toml: top-level values must be Go maps or structs";

/// The TOML document for `v`, as `toml.NewEncoder(w).Encode(v)` writes it.
pub fn encode(v: &Value) -> Result<String, EncodeError> {
    if v.is_nil() {
        return Err(EncodeError::Panic(
            "reflect: call of reflect.Value.Type on zero Value".into(),
        ));
    }
    let mut e = Encoder {
        out: String::new(),
        written: false,
        key: Vec::new(),
        path: OpenPath::default(),
    };
    e.encode(v)?;
    Ok(e.out)
}

/// The TOML type of a Go value, which decides where and how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Scalar,
    Array,
    Table,
    ArrayOfTables,
}

/// A value with Helm objects replaced by what they stand for (datetimes stay).
fn plain(v: &Value) -> Value {
    match v {
        Value::Object(o) if o.as_any().downcast_ref::<Datetime>().is_none() => o.to_plain(),
        other => other.clone(),
    }
}

/// A character allowed in a bare key.
pub(super) fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// BurntSushi's string escaping (`dblQuotedReplacer`).
fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{0}'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push(c),
        }
    }
    out.push('"');
}

/// One key piece, quoted unless bare (`Key.maybeQuoted`).
fn push_key(out: &mut String, k: &str) {
    if k.is_empty() {
        out.push_str("\"\"");
    } else if k.chars().all(is_bare) {
        out.push_str(k);
    } else {
        push_quoted(out, k);
    }
}

/// A dotted key path (`Key.String`), as headers and error messages show it.
pub(super) fn key_path<S: AsRef<str>>(key: &[S]) -> String {
    let mut out = String::new();
    for (i, k) in key.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_key(&mut out, k.as_ref());
    }
    out
}

struct Encoder {
    out: String,
    written: bool,
    /// The key of the table being written, from the top.
    key: Vec<Str>,
    /// Maps and lists being written, to stop at a map that contains itself.
    path: OpenPath,
}

impl Encoder {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        self.written = true;
    }

    fn newline(&mut self) {
        if self.written {
            self.write("\n");
        }
    }

    fn indent(&mut self) {
        for _ in 1..self.key.len() {
            self.write("  ");
        }
    }

    /// Enters a map or list being written: fails on a cycle or once the document is too big.
    fn enter(&mut self, v: &Value) -> Result<(), EncodeError> {
        if self.out.len() > MAX_STRING_BYTES {
            return Err(EncodeError::Unbounded(format!(
                "toml: the document exceeds the limit of {MAX_STRING_BYTES} bytes"
            )));
        }
        self.path
            .enter(v)
            .map_err(|c| EncodeError::Unbounded(c.endless("toml")))
    }

    /// The TOML kind of `v` (`None` for nil). Checking an array checks every element, so a nil
    /// anywhere in nested arrays is found here, before anything is written.
    fn kind_of(&mut self, v: &Value) -> Result<Option<Kind>, EncodeError> {
        crate::recursion::grow(|| self.kind_of_here(v))
    }

    fn kind_of_here(&mut self, v: &Value) -> Result<Option<Kind>, EncodeError> {
        let v = plain(v);
        Ok(Some(match &v {
            Value::Nil => return Ok(None),
            // A Go nil map is a nil value to the encoder.
            Value::Map(m) if m.is_nil() => return Ok(None),
            Value::Map(_) => Kind::Table,
            Value::List(items, _) => {
                self.enter(&v)?;
                let mut all_tables = !items.is_empty();
                for item in items.iter() {
                    match self.kind_of(item)? {
                        None => return Err(EncodeError::Toml(NIL_ELEMENT.into())),
                        Some(Kind::Table) => {}
                        Some(_) => all_tables = false,
                    }
                }
                self.path.leave(&v);
                if all_tables {
                    Kind::ArrayOfTables
                } else {
                    Kind::Array
                }
            }
            Value::Bytes(_) => Kind::Array,
            _ => Kind::Scalar,
        }))
    }

    /// Writes `v` under the current key.
    fn encode(&mut self, v: &Value) -> Result<(), EncodeError> {
        let v = plain(v);
        match &v {
            Value::Nil => Ok(()),
            Value::Map(m) if m.is_nil() => Ok(()),
            Value::Map(m) => {
                self.enter(&v)?;
                crate::recursion::grow(|| self.table(m))?;
                self.path.leave(&v);
                Ok(())
            }
            Value::List(items, _) if self.kind_of(&v)? == Some(Kind::ArrayOfTables) => {
                self.array_of_tables(items)
            }
            _ => self.key_value(&v, false),
        }
    }

    fn table(&mut self, m: &Map) -> Result<(), EncodeError> {
        if self.key.len() == 1 {
            self.newline();
        }
        if !self.key.is_empty() {
            self.indent();
            let header = format!("[{}]", key_path(&self.key));
            self.write(&header);
            self.newline();
        }
        self.map(m, false)
    }

    fn array_of_tables(&mut self, items: &[Value]) -> Result<(), EncodeError> {
        if self.key.is_empty() {
            return Err(EncodeError::Toml(NO_KEY.into()));
        }
        for item in items {
            let v = plain(item);
            let Value::Map(m) = &v else {
                continue;
            };
            self.newline();
            self.indent();
            let header = format!("[[{}]]", key_path(&self.key));
            self.write(&header);
            self.newline();
            self.enter(&v)?;
            crate::recursion::grow(|| self.map(m, false))?;
            self.path.leave(&v);
        }
        Ok(())
    }

    /// The entries of a table: plain keys first, then tables; inline as `{k = v, ...}`.
    fn map(&mut self, m: &Map, inline: bool) -> Result<(), EncodeError> {
        let mut direct = Vec::new();
        let mut sub = Vec::new();
        for (k, v) in m.entries() {
            match self.kind_of(&v)? {
                Some(Kind::Table | Kind::ArrayOfTables) => sub.push((k, v)),
                _ => direct.push((k, v)),
            }
        }
        if inline {
            self.write("{");
        }
        let trailing_comma = !sub.is_empty();
        for (group, trail) in [(direct, trailing_comma), (sub, false)] {
            let n = group.len();
            for (i, (k, v)) in group.into_iter().enumerate() {
                if v.is_nil() {
                    continue;
                }
                if inline {
                    self.inline_key_value(&k, &v)?;
                    if trail || i + 1 != n {
                        self.write(", ");
                    }
                } else {
                    self.key.push(k);
                    let r = self.encode(&v);
                    self.key.pop();
                    r?;
                }
            }
        }
        if inline {
            self.write("}");
        }
        Ok(())
    }

    /// `key = value` for the last piece of the current key, on its own line.
    fn key_value(&mut self, v: &Value, inline: bool) -> Result<(), EncodeError> {
        let Some(last) = self.key.last().cloned() else {
            return self.element(v);
        };
        self.indent();
        let mut k = String::new();
        push_key(&mut k, &last);
        self.write(&k);
        self.write(" = ");
        self.element(v)?;
        if !inline {
            self.newline();
        }
        Ok(())
    }

    /// `key = value` inside an inline table (written at the indent of a one-piece key).
    fn inline_key_value(&mut self, k: &Str, v: &Value) -> Result<(), EncodeError> {
        let outer = std::mem::replace(&mut self.key, vec![k.clone()]);
        let r = self.key_value(v, true);
        self.key = outer;
        r
    }

    /// A value in value position (`eElement`).
    fn element(&mut self, v: &Value) -> Result<(), EncodeError> {
        match v {
            Value::Object(o) => {
                if let Some(t) = o.as_any().downcast_ref::<Datetime>() {
                    self.write(&t.toml_text());
                    return Ok(());
                }
                let p = o.to_plain();
                if let Value::Object(_) = p {
                    return Err(EncodeError::Toml(format!(
                        "toml: unsupported type: {}",
                        o.type_name()
                    )));
                }
                self.element(&p)
            }
            Value::Nil => Err(EncodeError::Panic(
                "reflect: call of reflect.Value.Interface on zero Value".into(),
            )),
            Value::Bool(b) => {
                self.write(if *b { "true" } else { "false" });
                Ok(())
            }
            Value::Int(i, IntType::Duration) => {
                let mut s = String::new();
                push_quoted(&mut s, &crate::value::duration_string(*i));
                self.write(&s);
                Ok(())
            }
            Value::Int(i, t) => {
                let s = if t.is_unsigned() {
                    (*i as u64).to_string()
                } else {
                    i.to_string()
                };
                self.write(&s);
                Ok(())
            }
            Value::Float(f) => {
                self.write(&float_text(*f));
                Ok(())
            }
            Value::Str(s) => {
                let mut q = String::new();
                push_quoted(&mut q, s);
                self.write(&q);
                Ok(())
            }
            Value::Bytes(b) => {
                let items: Vec<String> = b.iter().map(|x| x.to_string()).collect();
                self.write(&format!("[{}]", items.join(", ")));
                Ok(())
            }
            Value::List(items, _) => {
                self.enter(v)?;
                self.write("[");
                for (i, item) in items.iter().enumerate() {
                    crate::recursion::grow(|| self.element(item))?;
                    if i + 1 != items.len() {
                        self.write(", ");
                    }
                }
                self.write("]");
                self.path.leave(v);
                Ok(())
            }
            Value::Map(m) => {
                self.enter(v)?;
                let outer = std::mem::take(&mut self.key);
                let r = crate::recursion::grow(|| self.map(m, true));
                self.key = outer;
                r?;
                self.path.leave(v);
                Ok(())
            }
        }
    }
}

/// A float64 as BurntSushi writes it.
fn float_text(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.into();
    }
    let s = format_float(f, b'g', -1);
    if s.contains(['.', 'e']) { s } else { s + ".0" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(v: &Value) -> String {
        match encode(v) {
            Ok(s) => s,
            Err(e) => format!("ERR {}", e.text()),
        }
    }

    // expected values from helm-oracle
    #[test]
    fn document_layout() {
        let v = Value::map_of(vec![
            (
                "a",
                Value::map_of(vec![
                    (
                        "b",
                        Value::map_of(vec![
                            ("c", Value::Float(1.0)),
                            ("d", Value::list(vec![Value::Float(1.0), Value::Float(2.0)])),
                        ]),
                    ),
                    ("e", Value::str("x")),
                ]),
            ),
            ("f", Value::Float(8080.0)),
            (
                "h",
                Value::list(vec![
                    Value::map_of(vec![("x", Value::Float(1.0))]),
                    Value::map_of(vec![(
                        "true",
                        Value::map_of(vec![("z", Value::Float(2.0))]),
                    )]),
                ]),
            ),
            ("i", Value::Nil),
            ("j", Value::list(vec![])),
            ("k", Value::empty_map()),
            ("key with space", Value::str("v\"\\\n\u{1}\u{7f}é")),
            ("", Value::str("empty")),
            ("m", Value::Float(1e21)),
            ("n", Value::Float(1e-7)),
            ("o", Value::Float(1e8)),
        ]);
        assert_eq!(
            enc(&v),
            "\"\" = \"empty\"\nf = 8080.0\nj = []\n\"key with space\" = \"v\\\"\\\\\\n\\u0001\\u007fé\"\n\
             m = 1e+21\nn = 1e-07\no = 1e+08\n\n[a]\n  e = \"x\"\n  [a.b]\n    c = 1.0\n    \
             d = [1.0, 2.0]\n\n[[h]]\n  x = 1.0\n\n[[h]]\n  [h.true]\n    z = 2.0\n\n[k]\n"
        );
    }

    #[test]
    fn top_level_and_errors() {
        assert_eq!(enc(&Value::str("x")), "\"x\"");
        assert_eq!(enc(&Value::int(1)), "1");
        assert_eq!(
            enc(&Value::list(vec![Value::int(1), Value::int(2)])),
            "[1, 2]"
        );
        assert_eq!(
            enc(&Value::list(vec![Value::map_of(vec![(
                "a",
                Value::int(1)
            )])])),
            format!("ERR {NO_KEY}")
        );
        assert_eq!(
            enc(&Value::map_of(vec![(
                "a",
                Value::list(vec![Value::int(1), Value::Nil])
            )])),
            format!("ERR {NIL_ELEMENT}")
        );
        assert_eq!(
            encode(&Value::Nil),
            Err(EncodeError::Panic(
                "reflect: call of reflect.Value.Type on zero Value".into()
            ))
        );
        assert_eq!(
            enc(&Value::map_of(vec![(
                "a",
                Value::list(vec![
                    Value::map_of(vec![("x", Value::int(1))]),
                    Value::int(2)
                ])
            )])),
            "a = [{x = 1}, 2]\n"
        );
    }
}
