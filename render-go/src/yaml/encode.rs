//! Values to YAML text: `toYaml` (sigs.k8s.io/yaml `Marshal`) and `toYamlPretty` (go-yaml v3
//! `Encoder` with `SetIndent(2)`).
//!
//! `Marshal` is `encoding/json.Marshal` followed by go-yaml v2 reading the JSON back and
//! writing it as YAML. We skip the JSON text but reproduce its effects: NaN and infinities
//! are JSON errors, byte slices become base64 strings, a float64 comes back as an integer when
//! its JSON form is integral (`1e+06` prints `1000000`) and otherwise prints with
//! `FormatFloat(f, 'g', -1, 64)`, and keys longer than go-yaml's 1024-character simple-key
//! limit make the re-parse fail. The v3 encoder works on the Go values directly.

use super::emitter::{Ev, Flavor, ScalarText, emit_document};
use super::resolve::{Resolved, is_base60_float, resolve};
use super::scanner::ScalarStyle;
use super::sort::sort_entries;
use crate::strconv::{format_float, parse_int, parse_uint};
use crate::value::walk::{Endless, Failure, OpenPath};
use crate::value::{IntType, Str, Value, rawbytes};

/// `sigs.k8s.io/yaml.Marshal(v)`: the YAML text (ending in a newline) or Go's error text.
pub fn to_yaml(v: &Value) -> Result<String, Failure> {
    let mut check = Check {
        json_error: None,
        unreadable: false,
        reparse: Reparse { line: 0 },
        reparse_error: None,
        path: OpenPath::default(),
    };
    check.walk(v, 1);
    if let Some(e) = check.json_error {
        return Err(e.wrap_go("error marshaling into JSON: "));
    }
    if check.unreadable {
        return Err(Failure::Go(
            "yaml: control characters are not allowed".into(),
        ));
    }
    if let Some(e) = check.reparse_error {
        return Err(Failure::Go(e));
    }
    let mut events = Vec::new();
    // The JSON step has refused cycles.
    build(Flavor::V2, v, &mut events, &mut OpenPath::default()).map_err(Endless::json_text)?;
    Ok(emit_document(Flavor::V2, &events))
}

/// go-yaml v3's `Encoder.Encode(v)` with `SetIndent(2)` (Helm's `toYamlPretty`). go-yaml
/// never notices a value that contains itself (it writes until memory runs out); we stop
/// with the [`Endless`].
pub fn to_yaml_pretty(v: &Value) -> Result<String, Endless> {
    let mut events = Vec::new();
    build(Flavor::V3, v, &mut events, &mut OpenPath::default())?;
    Ok(emit_document(Flavor::V3, &events))
}

/// Characters encoding/json writes as escapes (`\n`, `\u003c`...): go-yaml reads them back
/// as plain content, never as whitespace, line breaks or forbidden characters.
fn json_escapes(c: char) -> bool {
    matches!(c, '"' | '\\' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}') || (c as u32) < 0x20
}

/// Length in characters of a key as encoding/json quotes it.
fn json_quoted_len(s: &str) -> usize {
    2 + s
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' => 2,
            c if json_escapes(c) => 6,
            _ => 1,
        })
        .sum::<usize>()
}

const NEL: char = '\u{85}';

fn line_prefix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!("line {line}: ")
    }
}

/// go-yaml v2 re-reading encoding/json's one-line text: the only line breaks it can meet are
/// raw NEL characters inside strings, which count lines for error messages.
struct Reparse {
    /// NEL characters read so far (go-yaml's 0-based line).
    line: usize,
}

impl Reparse {
    /// A string's characters as go-yaml's double-quoted scanner meets them: NEL breaks the
    /// line, and `---` or `...` followed by a blank right after it is a document indicator.
    fn string(&mut self, s: &str) -> Result<(), String> {
        if !s.contains(NEL) {
            return Ok(());
        }
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == NEL {
                self.line += 1;
                let rest: Vec<char> = chars.clone().take(4).collect();
                let indicator =
                    rest.starts_with(&['-', '-', '-']) || rest.starts_with(&['.', '.', '.']);
                if indicator && matches!(rest.get(3), Some(&' ' | &NEL)) {
                    return Err(format!(
                        "yaml: {}found unexpected document indicator",
                        line_prefix(self.line + 1)
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Characters encoding/json leaves raw but go-yaml's reader refuses.
fn unreadable(c: char) -> bool {
    matches!(c as u32, 0x7F..=0x84 | 0x86..=0x9F | 0xFFFE | 0xFFFF)
}

/// What `sigs.k8s.io/yaml.Marshal` can fail on, found in one walk over the value in
/// encoding/json's order (sorted keys, depth first), each kind of failure as the separate
/// steps of Go find it: encoding/json refuses NaN and infinities (the first one wins);
/// go-yaml's reader refuses control characters encoding/json leaves raw (anywhere); go-yaml
/// v2 re-reading the JSON fails on keys that cannot be simple keys (longer than 1024
/// characters or spanning lines), document indicators, nesting deeper than 10000 flow levels
/// (the first one wins, counting lines as it goes).
struct Check {
    json_error: Option<Failure>,
    unreadable: bool,
    reparse: Reparse,
    reparse_error: Option<String>,
    /// Maps and lists being walked, for encoding/json's cycle check.
    path: OpenPath,
}

impl Check {
    /// Walks `v` at nesting `depth`; stops at the first JSON error (it wins over the rest).
    fn walk(&mut self, v: &Value, depth: usize) {
        crate::recursion::grow(|| match v {
            Value::Float(f) if !f.is_finite() => {
                self.json_error = Some(Failure::Go(format!(
                    "json: unsupported value: {}",
                    format_float(*f, b'g', -1)
                )));
            }
            Value::Str(s) => self.string(s),
            Value::List(items, _) => {
                if let Err(c) = self.path.enter(v) {
                    self.json_error = Some(c.json_failure());
                    return;
                }
                self.nesting(depth);
                for x in items.iter() {
                    self.walk(x, depth + 1);
                    if self.json_error.is_some() {
                        return;
                    }
                }
                self.path.leave(v);
            }
            Value::Map(m) => {
                if let Err(c) = self.path.enter(v) {
                    self.json_error = Some(c.json_failure());
                    return;
                }
                self.nesting(depth);
                m.with_entries(|e| {
                    for (k, x) in e {
                        self.key(k);
                        self.walk(x, depth + 1);
                        if self.json_error.is_some() {
                            return;
                        }
                    }
                });
                self.path.leave(v);
            }
            Value::Object(o) => self.walk(&o.to_plain(), depth),
            _ => {}
        });
    }

    fn reparse_failed(&mut self, e: String) {
        if self.reparse_error.is_none() {
            self.reparse_error = Some(e);
        }
    }

    /// A list or map `depth` levels down: go-yaml's flow-level limit.
    fn nesting(&mut self, depth: usize) {
        if depth > 10000 && self.reparse_error.is_none() {
            let line = self.reparse.line;
            self.reparse_failed(format!(
                "yaml: {}exceeded max depth of 10000",
                line_prefix(if line > 0 { line + 1 } else { 0 })
            ));
        }
    }

    fn string(&mut self, s: &str) {
        if !may_need_check(s) {
            return;
        }
        self.unreadable |= s.chars().any(unreadable);
        if self.reparse_error.is_none() {
            if let Err(e) = self.reparse.string(s) {
                self.reparse_failed(e);
            }
        }
    }

    fn key(&mut self, k: &str) {
        let suspect = may_need_check(k);
        if suspect {
            self.unreadable |= k.chars().any(unreadable);
        }
        if self.reparse_error.is_some() {
            return;
        }
        let before = self.reparse.line;
        if suspect {
            if let Err(e) = self.reparse.string(k) {
                self.reparse_failed(e);
                return;
            }
        }
        // A quoted key is at most 2 + 6 characters per byte long: only long keys can exceed
        // the simple-key limit.
        if self.reparse.line > before || (k.len() * 6 + 2 > 1024 && json_quoted_len(k) > 1024) {
            let line = self.reparse.line;
            self.reparse_failed(format!(
                "yaml: {}did not find expected ',' or '}}'",
                line_prefix(line)
            ));
        }
    }
}

/// Whether `s` has a byte that can start an [`unreadable`] character or NEL (DEL, 0xC2,
/// 0xEF); other strings pass every check without a closer look.
fn may_need_check(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, 0x7F | 0xC2 | 0xEF))
}

/// A string as go-yaml reads it back from JSON: raw NEL characters are line breaks inside a
/// double-quoted scalar, so each run of spaces and NELs folds (one NEL to a space, n+1 NELs
/// to n newlines, spaces around them dropped).
fn fold_nel(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(NEL) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c != ' ' && c != NEL {
            out.push(c);
            chars.next();
            continue;
        }
        let mut spaces = 0usize;
        let mut breaks = 0usize;
        while let Some(&c) = chars.peek() {
            match c {
                ' ' if breaks == 0 => spaces += 1,
                ' ' => {}
                NEL => breaks += 1,
                _ => break,
            }
            chars.next();
        }
        match breaks {
            0 => out.extend(std::iter::repeat_n(' ', spaces)),
            1 => out.push(' '),
            n => out.extend(std::iter::repeat_n('\n', n - 1)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether go-yaml may write `s` unquoted: it must read back as a string in YAML 1.1.
fn plain_ok(s: &str) -> bool {
    resolve("", s) == Ok(Resolved::Str) && !is_base60_float(s)
}

/// A string scalar: a literal block when it has line breaks, plain when it reads back as the
/// same string, double-quoted otherwise.
fn string_event(text: ScalarText) -> Ev {
    let s = text.as_str();
    let style = if s.contains('\n') {
        ScalarStyle::Literal
    } else if plain_ok(s) {
        ScalarStyle::Plain
    } else {
        ScalarStyle::DoubleQuoted
    };
    Ev::Scalar(text, style)
}

/// A string value's event, sharing the value's text where it is written as is.
fn shared_string_event(s: &Str, flavor: Flavor) -> Ev {
    match flavor {
        Flavor::V2 => match fold_nel(s) {
            std::borrow::Cow::Borrowed(_) => string_event(ScalarText::Shared(s.clone())),
            std::borrow::Cow::Owned(folded) => string_event(ScalarText::Owned(folded)),
        },
        Flavor::V3 => string_event(ScalarText::Shared(s.clone())),
    }
}

fn plain(s: String) -> Ev {
    Ev::Scalar(ScalarText::Owned(s), ScalarStyle::Plain)
}

fn plain_static(s: &'static str) -> Ev {
    Ev::Scalar(ScalarText::Static(s), ScalarStyle::Plain)
}

fn int_text(i: i64, t: IntType) -> String {
    if t.is_unsigned() {
        (i as u64).to_string()
    } else {
        i.to_string()
    }
}

/// A float64 after the JSON round trip and go-yaml v2's re-resolution: encoding/json writes
/// an integral value below 1e21 as its shortest digits padded with zeros
/// (`9223372036854776000`), which go-yaml reads back as an int or uint64 when it fits.
fn json_float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e21 {
        let text = format_float(f, b'f', -1);
        if let Ok(i) = parse_int(&text, 10, 64) {
            return i.to_string();
        }
        if parse_uint(&text, 10).is_ok() {
            return text;
        }
    }
    format_float(f, b'g', -1)
}

/// go-yaml's spelling of a float64 (`FormatFloat(f, 'g', -1, 64)`, `.inf`, `.nan`).
fn yaml_float_text(f: f64) -> String {
    if f.is_nan() {
        ".nan".into()
    } else if f.is_infinite() {
        if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        }
    } else {
        format_float(f, b'g', -1)
    }
}

/// The emitter events for `v`.
fn build(flavor: Flavor, v: &Value, out: &mut Vec<Ev>, path: &mut OpenPath) -> Result<(), Endless> {
    crate::recursion::grow(|| {
        build_here(flavor, v, out, path)?;
        Ok(())
    })
}

fn build_here(
    flavor: Flavor,
    v: &Value,
    out: &mut Vec<Ev>,
    path: &mut OpenPath,
) -> Result<(), Endless> {
    match v {
        Value::Nil => out.push(plain_static("null")),
        Value::Bool(b) => out.push(plain_static(if *b { "true" } else { "false" })),
        Value::Int(i, IntType::Duration) if flavor == Flavor::V3 => {
            out.push(string_event(ScalarText::Owned(
                crate::value::duration_string(*i),
            )));
        }
        Value::Int(i, t) => out.push(plain(int_text(*i, *t))),
        Value::Float(f) => out.push(plain(match flavor {
            Flavor::V2 => json_float_text(*f),
            Flavor::V3 => yaml_float_text(*f),
        })),
        // encoding/json writes each raw byte of a non-UTF-8 string as U+FFFD.
        Value::Str(s) if flavor == Flavor::V2 && rawbytes::has_escapes(s) => {
            let lossy = rawbytes::lossy(s);
            out.push(string_event(ScalarText::Owned(
                fold_nel(&lossy).into_owned(),
            )));
        }
        Value::Str(s) => out.push(shared_string_event(s, flavor)),
        Value::Bytes(b) => match flavor {
            Flavor::V2 => out.push(string_event(ScalarText::Owned(
                crate::base64::base64_encode(b),
            ))),
            Flavor::V3 => {
                out.push(Ev::SeqStart);
                out.extend(b.iter().map(|x| plain(x.to_string())));
                out.push(Ev::SeqEnd);
            }
        },
        Value::List(items, _) => {
            path.enter(v)?;
            out.push(Ev::SeqStart);
            for x in items.iter() {
                build(flavor, x, out, path)?;
            }
            out.push(Ev::SeqEnd);
            path.leave(v);
        }
        Value::Map(m) => {
            path.enter(v)?;
            out.push(Ev::MapStart);
            for (k, x) in sort_entries(flavor, m.entries()) {
                out.push(string_event(ScalarText::Shared(k)));
                build(flavor, &x, out, path)?;
            }
            out.push(Ev::MapEnd);
            path.leave(v);
        }
        Value::Object(o) => build(flavor, &o.to_plain(), out, path)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_after_the_json_round_trip() {
        // expected values from helm-oracle (toYaml of values numbers)
        assert_eq!(json_float_text(1e6), "1000000");
        assert_eq!(json_float_text(-0.0), "0");
        assert_eq!(json_float_text(1e-7), "1e-07");
        assert_eq!(json_float_text(1e20), "1e+20");
        assert_eq!(json_float_text(1e21), "1e+21");
        assert_eq!(json_float_text(1234567.5), "1.2345675e+06");
        assert_eq!(
            json_float_text(9223372036854775808.0),
            "9223372036854776000"
        );
        assert_eq!(
            json_float_text(18446744073709551616.0),
            "1.8446744073709552e+19"
        );
    }
}
