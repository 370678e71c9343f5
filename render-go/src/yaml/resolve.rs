//! YAML 1.1 implicit typing as go-yaml v2 does it (`resolve.go`): what a plain scalar means
//! (`yes` is a bool, `0777` an octal int, `1_000` an int, `.inf` a float, `2001-12-14` a
//! timestamp) and what an explicit `!!tag` demands. Both the decoder and the `toYaml` encoder
//! (which quotes strings that would read back as something else) use it.
//!
//! No regular expressions: every check is a hand-written scan of the bytes, so resolving a
//! scalar costs no allocation in the common case.

use crate::strconv::{parse_int, parse_uint};

/// `tag:yaml.org,2002:` tags go-yaml knows.
pub(crate) mod tags {
    pub const NULL: &str = "tag:yaml.org,2002:null";
    pub const BOOL: &str = "tag:yaml.org,2002:bool";
    pub const STR: &str = "tag:yaml.org,2002:str";
    pub const INT: &str = "tag:yaml.org,2002:int";
    pub const FLOAT: &str = "tag:yaml.org,2002:float";
    pub const TIMESTAMP: &str = "tag:yaml.org,2002:timestamp";
    pub const BINARY: &str = "tag:yaml.org,2002:binary";
    pub const MERGE: &str = "tag:yaml.org,2002:merge";
}

/// What a scalar resolved to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Resolved {
    Null,
    Bool(bool),
    /// A Go `int`.
    Int(i64),
    /// A Go `uint64` (only for values above `i64::MAX`).
    Uint(u64),
    Float(f64),
    /// The scalar stays a string.
    Str,
    /// A timestamp: go-yaml hands it to `interface{}` as its original string.
    Timestamp,
    /// An unknown or non-resolvable tag (including `!!binary`): the text as is.
    Other,
}

impl Resolved {
    /// The long tag of the resolved value.
    pub fn tag(self) -> &'static str {
        match self {
            Resolved::Null => tags::NULL,
            Resolved::Bool(_) => tags::BOOL,
            Resolved::Int(_) | Resolved::Uint(_) => tags::INT,
            Resolved::Float(_) => tags::FLOAT,
            Resolved::Str | Resolved::Other => tags::STR,
            Resolved::Timestamp => tags::TIMESTAMP,
        }
    }
}

/// go-yaml's `shortTag`.
pub(crate) fn short_tag(tag: &str) -> String {
    match tag.strip_prefix(super::parser::TAG_PREFIX) {
        Some(rest) => format!("!!{rest}"),
        None => tag.to_string(),
    }
}

fn resolvable(tag: &str) -> bool {
    matches!(
        tag,
        "" | tags::STR | tags::BOOL | tags::INT | tags::FLOAT | tags::NULL | tags::TIMESTAMP
    )
}

/// The fixed words of YAML 1.1 (go-yaml's `resolveMap`).
fn lookup(s: &str) -> Option<Resolved> {
    Some(match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Resolved::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Resolved::Bool(false)
        }
        "" | "~" | "null" | "Null" | "NULL" => Resolved::Null,
        ".nan" | ".NaN" | ".NAN" => Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Resolved::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Resolved::Float(f64::NEG_INFINITY),
        _ => return None,
    })
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (go-yaml's `yamlStyleFloat`).
pub(crate) fn is_yaml_style_float(s: &[u8]) -> bool {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let digits = |i: &mut usize| {
        let st = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - st
    };
    if s.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if s.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == s.len()
}

/// Go's `strconv.ParseFloat` for text already known to match [`is_yaml_style_float`]; `None`
/// when out of range (Go's `ErrRange`).
fn parse_float_text(s: &str) -> Option<f64> {
    let f: f64 = s.parse().ok()?;
    if f.is_infinite() { None } else { Some(f) }
}

/// Resolves an integer text: Go's `ParseInt(s, 0, 64)`, then `ParseUint(s, 0, 64)`.
fn int_or_uint(plain: &str) -> Option<Resolved> {
    if let Ok(i) = parse_int(plain, 0, 64) {
        return Some(Resolved::Int(i));
    }
    if let Ok(u) = parse_uint(plain, 0) {
        return Some(Resolved::Uint(u));
    }
    None
}

/// Resolves `s` under `tag` ("" for an untagged plain scalar). `Err` is go-yaml's failure text
/// (without the `yaml: ` prefix) for a value that does not fit its explicit tag.
pub(crate) fn resolve(tag: &str, s: &str) -> Result<Resolved, String> {
    if !resolvable(tag) {
        return Ok(Resolved::Other);
    }
    let r = resolve_known(tag, s);
    let rtag = r.tag();
    if tag.is_empty() || tag == rtag || tag == tags::STR {
        return Ok(r);
    }
    if tag == tags::FLOAT {
        match r {
            Resolved::Int(i) => return Ok(Resolved::Float(i as f64)),
            Resolved::Uint(_) => {}
            _ => {}
        }
    }
    Err(format!(
        "cannot decode {} `{}` as a {}",
        short_tag(rtag),
        s,
        short_tag(tag)
    ))
}

fn resolve_known(tag: &str, s: &str) -> Resolved {
    let b = s.as_bytes();
    let hint = match b.first() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        _ => 0,
    };
    if hint == 0 || tag == tags::STR {
        return Resolved::Str;
    }
    if let Some(r) = lookup(s) {
        return r;
    }
    match hint {
        b'.' if is_yaml_style_float(b) => {
            if let Some(f) = parse_float_text(s) {
                return Resolved::Float(f);
            }
        }
        b'D' | b'S' => {
            if (tag.is_empty() || tag == tags::TIMESTAMP) && is_timestamp(s) {
                return Resolved::Timestamp;
            }
            let owned;
            let plain = if s.contains('_') {
                owned = s.replace('_', "");
                owned.as_str()
            } else {
                s
            };
            if let Some(r) = int_or_uint(plain) {
                return r;
            }
            if is_yaml_style_float(plain.as_bytes()) {
                if let Some(f) = parse_float_text(plain) {
                    return Resolved::Float(f);
                }
            }
            if let Some(rest) = plain.strip_prefix("0b") {
                if let Ok(i) = parse_int(rest, 2, 64) {
                    return Resolved::Int(i);
                }
                if let Ok(u) = parse_uint(rest, 2) {
                    return Resolved::Uint(u);
                }
            } else if let Some(rest) = plain.strip_prefix("-0b") {
                if let Ok(i) = parse_int(&format!("-{rest}"), 2, 64) {
                    return Resolved::Int(i);
                }
            }
        }
        _ => {}
    }
    Resolved::Str
}

/// go-yaml's `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
pub(crate) fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(&c) = b.first() else { return false };
    if !(c == b'+' || c == b'-' || c.is_ascii_digit()) || !b.contains(&b':') {
        return false;
    }
    let mut i = usize::from(c == b'+' || c == b'-');
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    i += 1;
    while b.get(i).is_some_and(|&c| c.is_ascii_digit() || c == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        // [0-5]?[0-9]: one or two digits, the first of two at most 5.
        let d1 = b.get(i).copied().filter(u8::is_ascii_digit);
        let d2 = b.get(i + 1).copied().filter(u8::is_ascii_digit);
        match (d1, d2) {
            (Some(a), Some(_)) if a <= b'5' => i += 2,
            (Some(_), _) => i += 1,
            _ => return false,
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(|&c| c.is_ascii_digit() || c == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// Whether `s` parses with one of go-yaml's timestamp layouts (Go's `time.Parse` with
/// `2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999` and
/// `2006-1-2`).
pub(crate) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let [y0, y1, y2, y3, b'-', ..] = *b else {
        return false;
    };
    let year_digits = [y0, y1, y2, y3];
    if !year_digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let year: i32 = year_digits
        .iter()
        .fold(0, |acc, &d| acc * 10 + i32::from(d - b'0'));
    let mut i = 5;
    let Some(month) = getnum(b, &mut i, false) else {
        return false;
    };
    if !(1..=12).contains(&month) {
        return false;
    }
    if b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    let Some(day) = getnum(b, &mut i, false) else {
        return false;
    };
    if day < 1 || i64::from(day) > crate::time::days_in(i64::from(month), i64::from(year)) {
        return false;
    }
    let with_zone = match b.get(i) {
        None => return true,
        Some(b'T' | b't') => true,
        Some(b' ') => false,
        Some(_) => return false,
    };
    i += 1;
    let Some(h) = getnum(b, &mut i, false) else {
        return false;
    };
    if b.get(i) != Some(&b':') {
        return false;
    }
    i += 1;
    let Some(m) = getnum(b, &mut i, false) else {
        return false;
    };
    if b.get(i) != Some(&b':') {
        return false;
    }
    i += 1;
    let Some(sec) = getnum(b, &mut i, false) else {
        return false;
    };
    if h >= 24 || m >= 60 || sec >= 60 {
        return false;
    }
    // Optional fraction: a '.' or ',' followed by at least one digit.
    if matches!(b.get(i), Some(b'.' | b',')) && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if !with_zone {
        return i == b.len();
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let Some(&[_, h1, h2, b':', m1, m2]) = b.get(i..) else {
                return false;
            };
            if ![h1, h2, m1, m2].iter().all(u8::is_ascii_digit) {
                return false;
            }
            let hr = (h1 - b'0') * 10 + (h2 - b'0');
            let mm = (m1 - b'0') * 10 + (m2 - b'0');
            hr <= 24 && mm <= 60
        }
        _ => false,
    }
}

/// Go's `getnum(s, fixed)`: one or two digits.
fn getnum(b: &[u8], i: &mut usize, fixed: bool) -> Option<u32> {
    let d0 = b.get(*i).filter(|c| c.is_ascii_digit())?;
    match b.get(*i + 1).filter(|c| c.is_ascii_digit()) {
        Some(d1) => {
            *i += 2;
            Some(u32::from(d0 - b'0') * 10 + u32::from(d1 - b'0'))
        }
        None if fixed => None,
        None => {
            *i += 1;
            Some(u32::from(d0 - b'0'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Resolved {
        resolve("", s).unwrap_or(Resolved::Str)
    }

    #[test]
    fn yaml11_words_numbers_and_strings() {
        assert_eq!(plain("yes"), Resolved::Bool(true));
        assert_eq!(plain("Off"), Resolved::Bool(false));
        assert_eq!(plain("yEs"), Resolved::Str);
        assert_eq!(plain("0777"), Resolved::Int(511));
        assert_eq!(plain("0o17"), Resolved::Int(15));
        assert_eq!(plain("0x1F"), Resolved::Int(31));
        assert_eq!(plain("1_000"), Resolved::Int(1000));
        assert_eq!(plain("0789"), Resolved::Float(789.0));
        assert_eq!(plain("0b101"), Resolved::Int(5));
        assert_eq!(plain("1e3"), Resolved::Float(1000.0));
        assert_eq!(plain("1e400"), Resolved::Str);
        assert_eq!(
            plain("9223372036854775808"),
            Resolved::Uint(9223372036854775808)
        );
        assert_eq!(plain("2001-12-14"), Resolved::Timestamp);
        assert_eq!(plain("2001-02-30"), Resolved::Str);
        assert_eq!(plain("12:30:45"), Resolved::Str);
        assert!(is_base60_float("12:30:45"));
        assert!(is_base60_float("190:20:30.15"));
        assert!(!is_base60_float("12:60"));
        assert_eq!(plain("~"), Resolved::Null);
        assert_eq!(plain("<<"), Resolved::Str);
    }

    #[test]
    fn explicit_tags() {
        assert_eq!(resolve(tags::FLOAT, "1"), Ok(Resolved::Float(1.0)));
        assert_eq!(resolve(tags::STR, "1"), Ok(Resolved::Str));
        assert_eq!(
            resolve(tags::INT, "abc"),
            Err("cannot decode !!str `abc` as a !!int".to_string())
        );
        assert_eq!(resolve("!foo", "1"), Ok(Resolved::Other));
    }

    #[test]
    fn timestamps() {
        assert!(is_timestamp("2001-12-14t21:59:43.10-05:00"));
        assert!(is_timestamp("2001-12-14 21:59:43.10"));
        assert!(is_timestamp("2002-1-2T3:4:5Z"));
        assert!(!is_timestamp("2001-12-14 21:59:43.10 -5"));
        assert!(!is_timestamp("2001-13-14"));
    }
}
