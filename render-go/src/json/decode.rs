//! `json.Unmarshal` into the Go targets templates use: `interface{}` (Sprig's `mustFromJson`),
//! `map[string]interface{}` (Helm's `fromJson`) and `[]interface{}` (`fromJsonArray`).
//!
//! As in Go, the whole input is syntax-checked first (a syntax error leaves the target empty);
//! only then are values built: objects become `map[string]interface {}` (a repeated key keeps
//! its last value), arrays `[]interface {}`, numbers `float64`, strings with every escape
//! decoded (a lone or mismatched UTF-16 surrogate becomes U+FFFD). A number too large for a
//! float64 is Go's "type error": the value becomes nil, decoding goes on, and the first such
//! error is reported alongside the partial result.

use super::scan::{check_valid, first_value_end};
use crate::strconv::parse_float;
use crate::value::{Map, MapType, Str, Value};

/// The Go type `json.Unmarshal` decodes into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `interface{}`: whatever the document holds.
    Interface,
    /// `map[string]interface{}`: the document must be an object (or null).
    Map,
    /// `[]interface{}`: the document must be an array (or null).
    Slice,
}

impl Target {
    fn go_name(self) -> &'static str {
        match self {
            Target::Interface => "interface {}",
            Target::Map => "map[string]interface {}",
            Target::Slice => "[]interface {}",
        }
    }

    /// The target's value when nothing could be stored in it. Go's nil map and nil slice are
    /// modelled as empty ones: they print (`map[]`, `[]`) and type the same.
    fn empty(self) -> Value {
        match self {
            Target::Interface => Value::Nil,
            Target::Map => Value::empty_map(),
            Target::Slice => Value::list(Vec::new()),
        }
    }
}

/// What `json.Unmarshal` leaves behind: the (possibly partial) value and its error.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The decoded value; partial when `error` is a type error, empty for a syntax error.
    pub value: Value,
    /// Go's error text, if `Unmarshal` returned an error.
    pub error: Option<String>,
}

/// `json.Unmarshal` into `interface{}`: the value, or Go's error text.
pub fn decode(text: &str) -> Result<Value, String> {
    let d = decode_as(text, Target::Interface);
    match d.error {
        Some(e) => Err(e),
        None => Ok(d.value),
    }
}

/// `json.NewDecoder(strings.NewReader(text)).Decode(&v)` into `interface{}` (Helm's
/// `--set-json`): the first value of `text` and the byte offset just after it
/// (`Decoder.InputOffset`); whatever follows is left unread.
pub fn decode_first(text: &str) -> Result<(Value, usize), String> {
    let end = first_value_end(text.as_bytes())?;
    let value = text.get(..end).ok_or_else(|| PHASE.to_string())?;
    decode(value).map(|v| (v, end))
}

/// `json.Unmarshal` into `target`, keeping the partial value Go keeps on a type error.
pub fn decode_as(text: &str, target: Target) -> Decoded {
    if let Err(e) = check_valid(text.as_bytes()) {
        return Decoded {
            value: target.empty(),
            error: Some(e),
        };
    }
    let mut b = Builder {
        s: text,
        i: 0,
        error: None,
    };
    let kind = b.peek_kind();
    let fits = match target {
        Target::Interface => true,
        Target::Map => matches!(kind, Kind::Object | Kind::Null),
        Target::Slice => matches!(kind, Kind::Array | Kind::Null),
    };
    if !fits {
        return Decoded {
            value: target.empty(),
            error: Some(format!(
                "json: cannot unmarshal {} into Go value of type {}",
                kind.word(),
                target.go_name()
            )),
        };
    }
    let value = match b.value() {
        Ok(Value::Nil) => target.empty(),
        Ok(v) => v,
        Err(e) => {
            return Decoded {
                value: target.empty(),
                error: Some(e),
            };
        }
    };
    Decoded {
        value,
        error: b.error,
    }
}

/// The JSON kind of a value, as Go's type errors name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Object => "object",
            Kind::Array => "array",
            Kind::String => "string",
            Kind::Number => "number",
            Kind::Bool => "bool",
            Kind::Null => "null",
        }
    }
}

/// A container being filled.
enum Open {
    Array(Vec<Value>),
    Object(Vec<(Str, Value)>, Str),
}

/// Text for the impossible case of the builder disagreeing with the syntax check (Go's
/// `phasePanicMsg`).
const PHASE: &str = "JSON decoder out of sync - data changing underfoot?";

/// Builds values from input already known to be valid JSON.
struct Builder<'a> {
    s: &'a str,
    i: usize,
    /// The first type error met.
    error: Option<String>,
}

impl Builder<'_> {
    fn bytes(&self) -> &[u8] {
        self.s.as_bytes()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\r' | b'\n') = self.bytes().get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.i).copied()
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(PHASE.to_string())
        }
    }

    fn peek_kind(&mut self) -> Kind {
        match self.peek() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            _ => Kind::Number,
        }
    }

    /// Decodes one value. Nesting is handled with an explicit stack, so the 10000 levels the
    /// syntax check allows need no deep recursion.
    fn value(&mut self) -> Result<Value, String> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            // Open containers until a complete value is in hand.
            let mut done = match self.peek() {
                Some(b'{') => {
                    self.i += 1;
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        Value::empty_map()
                    } else {
                        let key = self.key()?;
                        stack.push(Open::Object(Vec::new(), key));
                        continue;
                    }
                }
                Some(b'[') => {
                    self.i += 1;
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        Value::list(Vec::new())
                    } else {
                        stack.push(Open::Array(Vec::new()));
                        continue;
                    }
                }
                _ => self.scalar()?,
            };
            // Store it, closing every container it completes.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(done);
                };
                let close = match top {
                    Open::Array(items) => {
                        items.push(done);
                        match self.peek() {
                            Some(b',') => false,
                            Some(b']') => true,
                            _ => return Err(PHASE.to_string()),
                        }
                    }
                    Open::Object(entries, key) => {
                        entries.push((key.clone(), done));
                        match self.peek() {
                            Some(b',') => {
                                self.i += 1;
                                *key = self.key()?;
                                break;
                            }
                            Some(b'}') => true,
                            _ => return Err(PHASE.to_string()),
                        }
                    }
                };
                self.i += 1;
                if !close {
                    break;
                }
                done = match stack.pop() {
                    Some(Open::Array(items)) => Value::list(items),
                    Some(Open::Object(entries, _)) => {
                        Value::Map(Map::from_entries(MapType::Any, entries))
                    }
                    None => return Err(PHASE.to_string()),
                };
            }
        }
    }

    /// An object key and the `:` after it.
    fn key(&mut self) -> Result<Str, String> {
        if self.peek() != Some(b'"') {
            return Err(PHASE.to_string());
        }
        let k = self.string()?;
        self.expect(b':')?;
        Ok(Str::from(k))
    }

    fn scalar(&mut self) -> Result<Value, String> {
        let rest = self.s.get(self.i..).unwrap_or("");
        for (word, v) in [
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
            ("null", Value::Nil),
        ] {
            if rest.starts_with(word) {
                self.i += word.len();
                return Ok(v);
            }
        }
        if rest.starts_with('"') {
            return Ok(Value::string(self.string()?));
        }
        let len = rest
            .bytes()
            .take_while(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        if len == 0 {
            return Err(PHASE.to_string());
        }
        let text = rest.get(..len).unwrap_or("");
        self.i += len;
        match parse_float(text) {
            Ok(f) => Ok(Value::Float(f)),
            Err(_) => {
                if self.error.is_none() {
                    self.error = Some(format!(
                        "json: cannot unmarshal number {text} into Go value of type float64"
                    ));
                }
                Ok(Value::Nil)
            }
        }
    }

    /// A string literal starting at the opening quote, unescaped.
    fn string(&mut self) -> Result<String, String> {
        let start = self.i + 1;
        let body = self.s.get(start..).unwrap_or("");
        let Some(end) = find_string_end(body.as_bytes()) else {
            return Err(PHASE.to_string());
        };
        let raw = body.get(..end).unwrap_or("");
        self.i = start + end + 1;
        Ok(unescape(raw))
    }
}

/// The index of the closing quote of a string body.
fn find_string_end(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => return Some(i),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// Four hex digits after `\u` at the start of `s`, if present.
fn read_u4(s: &str) -> Option<u32> {
    let hex = s.strip_prefix("\\u")?.get(..4)?;
    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

/// Decodes the escapes of a (syntactically valid) string body.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(pos) = rest.find('\\') {
        out.push_str(rest.get(..pos).unwrap_or(""));
        rest = rest.get(pos..).unwrap_or("");
        let esc = rest.as_bytes().get(1).copied().unwrap_or(b'\\');
        if esc != b'u' {
            out.push(match esc {
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                other => char::from(other),
            });
            rest = rest.get(2..).unwrap_or("");
            continue;
        }
        let Some(first) = read_u4(rest) else {
            // Unreachable on checked input; keep the text rather than lose it.
            out.push('\\');
            rest = rest.get(1..).unwrap_or("");
            continue;
        };
        rest = rest.get(6..).unwrap_or("");
        if (0xD800..0xE000).contains(&first) {
            let pair = read_u4(rest).and_then(|second| {
                let valid = (0xD800..0xDC00).contains(&first) && (0xDC00..0xE000).contains(&second);
                valid.then(|| 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            });
            match pair.and_then(char::from_u32) {
                Some(c) => {
                    out.push(c);
                    rest = rest.get(6..).unwrap_or("");
                }
                None => out.push('\u{FFFD}'),
            }
        } else {
            out.push(char::from_u32(first).unwrap_or('\u{FFFD}'));
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fmt::sprint;

    fn show(v: &Value) -> String {
        sprint(std::slice::from_ref(v)).unwrap_or_default()
    }

    // expected values from helm-oracle
    #[test]
    fn decodes_into_interface() {
        let v = decode("  {\"a\" : [ true , false , null ], \"b\": {\"c\": -1.5e2}, \"a\": 3 }  ");
        assert_eq!(v.map(|v| show(&v)).as_deref(), Ok("map[a:3 b:map[c:-150]]"));
        assert_eq!(
            decode("[1,2").err().as_deref(),
            Some("unexpected end of JSON input")
        );
        assert_eq!(decode("\"x\"").map(|v| show(&v)).as_deref(), Ok("x"));
    }

    #[test]
    fn surrogates_follow_go() {
        let v = decode(r#""\ud83d\ude00\ud800x\udc00\ud800\ud800\u00e9\/""#);
        assert_eq!(
            v.map(|v| show(&v)).as_deref(),
            Ok("😀\u{FFFD}x\u{FFFD}\u{FFFD}\u{FFFD}é/")
        );
    }

    #[test]
    fn map_target_errors() {
        let d = decode_as("[1]", Target::Map);
        assert_eq!(
            d.error.as_deref(),
            Some("json: cannot unmarshal array into Go value of type map[string]interface {}")
        );
        assert_eq!(show(&d.value), "map[]");
        for (input, word) in [("\"x\"", "string"), ("1", "number"), ("true", "bool")] {
            let d = decode_as(input, Target::Map);
            assert_eq!(
                d.error,
                Some(format!(
                    "json: cannot unmarshal {word} into Go value of type map[string]interface {{}}"
                ))
            );
        }
        let d = decode_as("{\"a\": 1e400, \"b\": 2}", Target::Map);
        assert_eq!(
            d.error.as_deref(),
            Some("json: cannot unmarshal number 1e400 into Go value of type float64")
        );
        assert_eq!(show(&d.value), "map[a:<nil> b:2]");
        let d = decode_as("null", Target::Map);
        assert_eq!((show(&d.value), d.error), ("map[]".to_string(), None));
    }

    #[test]
    fn slice_target_errors() {
        let d = decode_as("{}", Target::Slice);
        assert_eq!(
            d.error.as_deref(),
            Some("json: cannot unmarshal object into Go value of type []interface {}")
        );
        let d = decode_as("[1, \"a\", [], {}]", Target::Slice);
        assert_eq!(show(&d.value), "[1 a [] map[]]");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = format!("{}{}", "[".repeat(10000), "]".repeat(10000));
        let v = decode(&deep);
        assert!(v.is_ok());
        // Dropping a 10000-deep value recurses in `Value`'s own drop glue, which a 2 MiB test
        // thread cannot afford in a debug build; that is the value model's concern, not the
        // decoder's.
        std::mem::forget(v);
    }
}
