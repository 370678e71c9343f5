//! Sprig's string functions: trimming, case, cutting, wrapping, quoting, joining and
//! splitting (`trim` ... `sortAlpha`, `hello`). Go's byte-oriented cuts (`substr`, `trunc`,
//! `abbrev`) work on a string's bytes and can split a UTF-8 sequence; the cut bytes stay
//! raw bytes ([`rawbytes`] escapes), as in Go.

use super::conv::{go_string, strslice, strval};
use super::goerr::string_slice_bounds;
use crate::limits::check_string;
use crate::template::args::Rest;
use crate::template::{CallError, FuncTable};
use render_go::fmt as gofmt;
use render_go::goutils;
use render_go::strconv::quote;
use render_go::unicode::{is_digit, is_letter, is_space, lower, to_title, upper};
use render_go::value::walk::Endless;
use render_go::value::{Map, MapType, Str, Value, rawbytes};
use render_go::xstrings as casing;

type R = Result<Value, CallError>;

pub(super) fn register(t: &mut FuncTable) {
    t.func("hello", || "Hello!".to_string());
    t.func("trim", |s: &str| s.trim_matches(is_space).to_string());
    for name in ["trimAll", "trimall"] {
        t.func(name, |cut: &str, s: &str| trim_cutset(s, cut).to_string());
    }
    t.func("trimPrefix", |p: &str, s: &str| {
        s.strip_prefix(p).unwrap_or(s).to_string()
    });
    t.func("trimSuffix", |p: &str, s: &str| {
        s.strip_suffix(p).unwrap_or(s).to_string()
    });
    t.func("upper", upper);
    t.func("lower", lower);
    t.func("title", title);
    t.func("untitle", goutils::uncapitalize);
    t.func("swapcase", goutils::swap_case);
    t.func("snakecase", casing::snake_case);
    t.func("camelcase", casing::pascal_case);
    t.func("kebabcase", casing::kebab_case);
    t.func("nospace", |s: &str| {
        go_string(&goutils::delete_white_space(s.as_bytes()))
    });
    t.func("initials", |s: &str| goutils::initials(s.as_bytes()));
    t.func("repeat", |count: i64, s: &str| repeat(s, count));
    t.func("substr", substr);
    t.func("trunc", trunc);
    t.func("abbrev", |width: i64, s: &str| {
        if width < 4 {
            return Value::str(s);
        }
        go_string(&goutils::abbreviate_full(&rawbytes::decode(s), 0, width).unwrap_or_default())
    });
    t.func("abbrevboth", |left: i64, right: i64, s: &str| {
        if right < 4 || left > 0 && right < 7 {
            return Value::str(s);
        }
        go_string(
            &goutils::abbreviate_full(&rawbytes::decode(s), left, right).unwrap_or_default(),
        )
    });
    t.func("wrap", |width: i64, s: &str| {
        go_string(&goutils::wrap_custom(s.as_bytes(), width, b"", false))
    });
    t.func("wrapWith", |width: i64, sep: &str, s: &str| -> R {
        check_string(s.len() as u128 * (sep.len() as u128 + 1))?;
        let out = goutils::wrap_custom(s.as_bytes(), width, sep.as_bytes(), true);
        Ok(go_string(&out))
    });
    t.func("contains", |sub: &str, s: &str| s.contains(sub));
    t.func("hasPrefix", |p: &str, s: &str| s.starts_with(p));
    t.func("hasSuffix", |p: &str, s: &str| s.ends_with(p));
    t.func("quote", |a: Rest| -> Result<String, CallError> {
        Ok(join_non_nil(a.0, |v| Ok(quote(&strval(v)?)))?)
    });
    t.func("squote", |a: Rest| -> Result<String, CallError> {
        Ok(join_non_nil(a.0, |v| {
            let mut s = String::from("'");
            gofmt::write_value(&mut s, v)?;
            s.push('\'');
            Ok(s)
        })?)
    });
    t.func("cat", |a: Rest| -> Result<String, CallError> {
        Ok(join_non_nil(a.0, |v| {
            let mut s = String::new();
            gofmt::write_value(&mut s, v)?;
            Ok(s)
        })?)
    });
    t.func("indent", |spaces: i64, s: &str| indent(spaces, s));
    t.func("nindent", |spaces: i64, s: &str| {
        indent(spaces, s).map(|s| format!("\n{s}"))
    });
    t.func("replace", |old: &str, new: &str, s: &str| replace(s, old, new));
    t.func("plural", |one: &str, many: &str, count: i64| {
        if count == 1 { one } else { many }.to_string()
    });
    t.func("toString", |v: &Value| -> Result<String, CallError> { Ok(strval(v)?) });
    t.func("toStrings", |v: &Value| -> R { Ok(Value::string_list(strslice(v)?)) });
    t.func("split", |sep: &str, s: &str| parts_map(split_n(s, sep, -1)));
    t.func("splitList", |sep: &str, s: &str| {
        Value::string_list(split_n(s, sep, -1))
    });
    t.func("splitn", |sep: &str, n: i64, s: &str| parts_map(split_n(s, sep, n)));
    t.func("join", |sep: &str, v: &Value| -> Result<String, CallError> {
        Ok(strslice(v)?.join(sep))
    });
    t.func("sortAlpha", |v: &Value| -> R { Ok(Value::string_list(sort_alpha(v)?)) });
}

/// Go's `strings.Trim(s, cutset)`: strips the characters of `cutset` from both ends.
fn trim_cutset<'s>(s: &'s str, cutset: &str) -> &'s str {
    s.trim_matches(|c| cutset.contains(c))
}

/// Go's `strings.Title`: upper-cases (title-cases) the first letter of each word, words being
/// separated by anything but letters, digits and `_`. A raw byte reads as U+FFFD.
fn title(s: &str) -> String {
    let mut prev = ' ';
    s.chars()
        .map(rawbytes::rune)
        .map(|c| {
            let out = if is_separator(prev) { to_title(c) } else { c };
            prev = c;
            out
        })
        .collect()
}

/// `strings.Title`'s word separators.
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '_');
    }
    if is_letter(c) || is_digit(c) {
        return false;
    }
    is_space(c)
}

/// Go's `strings.Repeat`, with its panics and our size limit.
fn repeat(s: &str, count: i64) -> Result<String, CallError> {
    if count < 0 {
        return Err(CallError::msg("strings: negative Repeat count"));
    }
    let total = s.len() as u128 * count as u128;
    if total > i64::MAX as u128 {
        return Err(CallError::msg("strings: Repeat output length overflow"));
    }
    check_string(total)?;
    Ok(s.repeat(count as usize))
}

/// Sprig's `substr`: `s[:end]` for a negative start, `s[start:]` for a negative or too large
/// end, `s[start:end]` otherwise, with Go's panics for bad bounds.
fn substr(start: i64, end: i64, s: &str) -> R {
    let s = &*rawbytes::decode(s);
    let (lo, hi) = if start < 0 {
        (None, Some(end))
    } else if end < 0 || end > s.len() as i64 {
        (Some(start), None)
    } else {
        (Some(start), Some(end))
    };
    if let Some(e) = string_slice_bounds(lo, hi, s.len()) {
        return Err(e);
    }
    let lo = lo.unwrap_or(0) as usize;
    let hi = hi.map_or(s.len(), |h| h as usize);
    Ok(go_string(s.get(lo..hi).unwrap_or_default()))
}

/// Sprig's `trunc`: the first `c` bytes, or the last `-c` bytes for a negative count.
fn trunc(c: i64, s: &str) -> Value {
    let b = &*rawbytes::decode(s);
    let len = b.len() as i64;
    if c < 0 && len + c > 0 {
        return go_string(b.get((len + c) as usize..).unwrap_or_default());
    }
    if c >= 0 && len > c {
        return go_string(b.get(..c as usize).unwrap_or_default());
    }
    Value::str(s)
}

/// Formats the non-nil values and joins them with spaces (`quote`, `squote`, `cat`).
fn join_non_nil(
    args: &[Value],
    f: impl Fn(&Value) -> Result<String, Endless>,
) -> Result<String, Endless> {
    Ok(args
        .iter()
        .filter(|v| !v.is_nil())
        .map(f)
        .collect::<Result<Vec<_>, _>>()?
        .join(" "))
}

/// Sprig's `indent`: `spaces` spaces before every line.
fn indent(spaces: i64, s: &str) -> Result<String, CallError> {
    let pad = repeat(" ", spaces)?;
    let lines = s.bytes().filter(|&b| b == b'\n').count() as u128 + 1;
    check_string(s.len() as u128 + lines * pad.len() as u128)?;
    Ok(format!("{pad}{}", s.replace('\n', &format!("\n{pad}"))))
}

/// Go's `strings.Replace(s, old, new, -1)` (an empty `old` inserts `new` around every
/// character, as Rust's `replace` does too).
fn replace(s: &str, old: &str, new: &str) -> Result<String, CallError> {
    let count = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    };
    if new.len() > old.len() {
        check_string(s.len() as u128 + count as u128 * (new.len() - old.len()) as u128)?;
    }
    Ok(s.replace(old, new))
}

/// Go's `strings.SplitN(s, sep, n)` (`n < 0`: all parts; `n == 0`: none); an empty `sep`
/// splits after each UTF-8 character.
fn split_n<'s>(s: &'s str, sep: &str, n: i64) -> Vec<&'s str> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let chars = s.chars().count();
        let n = if n < 0 || n as u64 > chars as u64 {
            chars
        } else {
            n as usize
        };
        let mut out = Vec::with_capacity(n);
        let mut rest = s;
        for _ in 1..n {
            let Some(c) = rest.chars().next() else { break };
            out.push(&rest[..c.len_utf8()]);
            rest = &rest[c.len_utf8()..];
        }
        if n > 0 {
            out.push(rest);
        }
        return out;
    }
    if n < 0 {
        s.split(sep).collect()
    } else {
        s.splitn(usize::try_from(n).unwrap_or(usize::MAX), sep)
            .collect()
    }
}

/// Sprig's `split`/`splitn` result: a `map[string]string` with keys `_0`, `_1`, ...
fn parts_map(parts: Vec<&str>) -> Value {
    let entries = parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| (Str::from(format!("_{i}")), Value::str(p)));
    Value::Map(Map::from_entries(MapType::String, entries))
}

/// Sprig's `sortAlpha`: a list's elements as sorted strings; anything else as one string.
fn sort_alpha(v: &Value) -> Result<Vec<String>, Endless> {
    if !matches!(v, Value::List(..) | Value::Bytes(_)) {
        return Ok(vec![strval(v)?]);
    }
    let mut items = strslice(v)?;
    items.sort_unstable();
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle
    #[test]
    fn splitting_follows_go() {
        assert_eq!(split_n("abc", "", -1), vec!["a", "b", "c"]);
        assert_eq!(split_n("abc", "", 2), vec!["a", "bc"]);
        assert_eq!(split_n("", "", -1), Vec::<&str>::new());
        assert_eq!(split_n("", ",", -1), vec![""]);
        assert_eq!(split_n("a,b,c", ",", 2), vec!["a", "b,c"]);
        assert_eq!(title("hello wörld o'neil x_y"), "Hello Wörld O'Neil X_y");
    }
}
