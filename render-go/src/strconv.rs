//! Go's `strconv`: float formatting (`FormatFloat`), quoting (`Quote`, `QuoteRune`) and
//! unquoting of Go literals.
//!
//! Rust's float formatting gives the same correctly rounded (ties-to-even) decimal digits as
//! Go; what differs is the layout (`1e+06` vs `1e6`, the `%g` exponent threshold), which this
//! module reproduces.
use crate::ascii::hex_digit;

/// Decimal digits of |f|: `0.d1d2...dn × 10^dp`, Go's `decimalSlice` (no trailing zeros).
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

impl Digits {
    /// From Rust's scientific formatting, e.g. `1.2345e6`.
    fn parse(sci: &str) -> Digits {
        let (mant, exp) = sci.split_once('e').unwrap_or((sci, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        while d.last() == Some(&b'0') {
            d.pop();
        }
        if d.is_empty() {
            return Digits { d, dp: 0 };
        }
        Digits { d, dp: exp + 1 }
    }

    /// The shortest digits that read back as `f`.
    fn shortest(f: f64) -> Digits {
        Digits::parse(&format!("{:e}", f.abs()))
    }

    /// `n` significant digits, correctly rounded. A double has at most 767 significant
    /// decimal digits, so asking for more only adds zeros (which `at` supplies).
    fn rounded(f: f64, n: usize) -> Digits {
        let n = n.min(800);
        Digits::parse(&format!("{:.*e}", n.saturating_sub(1), f.abs()))
    }

    fn nd(&self) -> i32 {
        self.d.len() as i32
    }

    fn at(&self, i: i32) -> u8 {
        if i >= 0 {
            self.d.get(i as usize).copied().unwrap_or(b'0')
        } else {
            b'0'
        }
    }
}

/// Go's `strconv.FormatFloat(f, fmt, prec, 64)` for `fmt` in `e E f F g G`; `prec < 0` means the
/// shortest representation that reads back exactly.
pub fn format_float(f: f64, fmt: u8, prec: i32) -> String {
    let mut out = String::new();
    append_float(&mut out, f, fmt, prec);
    out
}

/// [`format_float`] appending to `out`.
pub fn append_float(out: &mut String, f: f64, fmt: u8, prec: i32) {
    append_float_with(out, f, fmt, prec, Digits::shortest);
}

/// Go's `strconv.FormatFloat(float64(f), fmt, prec, 32)`: like [`format_float`], but the
/// shortest form is the shortest that reads back as the same `float32`.
pub fn format_float32(f: f32, fmt: u8, prec: i32) -> String {
    let mut out = String::new();
    append_float_with(&mut out, f64::from(f), fmt, prec, |x| {
        Digits::parse(&format!("{:e}", (x as f32).abs()))
    });
    out
}

fn append_float_with(
    out: &mut String,
    f: f64,
    fmt: u8,
    prec: i32,
    shortest_digits: fn(f64) -> Digits,
) {
    if f.is_nan() {
        out.push_str("NaN");
        return;
    }
    if f.is_infinite() {
        out.push_str(if f > 0.0 { "+Inf" } else { "-Inf" });
        return;
    }
    let neg = f.is_sign_negative();
    let shortest = prec < 0;
    if matches!(fmt, b'x' | b'X' | b'b') {
        fmt_binary(out, f, fmt, prec);
        return;
    }
    match fmt {
        b'f' | b'F' if !shortest => {
            // Rust's fixed formatting is Go's, sign of negative zero included. A double's
            // exact expansion ends within 1100 fractional digits; past that Go prints zeros.
            let p = prec as usize;
            out.push_str(&format!("{:.*}", p.min(1100), f));
            out.extend(std::iter::repeat_n('0', p.saturating_sub(1100)));
        }
        b'e' | b'E' => {
            let (digs, prec) = if shortest {
                let d = shortest_digits(f);
                let p = (d.nd() - 1).max(0);
                (d, p)
            } else {
                (Digits::rounded(f, prec as usize + 1), prec)
            };
            fmt_e(out, neg, &digs, prec, fmt);
        }
        b'f' | b'F' => {
            let d = shortest_digits(f);
            let p = (d.nd() - d.dp).max(0);
            fmt_f(out, neg, &d, p);
        }
        _ => {
            // 'g' / 'G'
            let (digs, mut prec) = if shortest {
                let d = shortest_digits(f);
                let p = d.nd();
                (d, p)
            } else {
                let p = if prec == 0 { 1 } else { prec };
                (Digits::rounded(f, p as usize), p)
            };
            let mut eprec = prec;
            if eprec > digs.nd() && digs.nd() >= digs.dp {
                eprec = digs.nd();
            }
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > digs.nd() {
                    prec = digs.nd();
                }
                let efmt = if fmt == b'G' { b'E' } else { b'e' };
                fmt_e(out, neg, &digs, prec - 1, efmt);
                return;
            }
            if prec > digs.dp {
                prec = digs.nd();
            }
            fmt_f(out, neg, &digs, (prec - digs.dp).max(0));
        }
    }
}

/// `%b` (`-ddddp±ddd`, decimal mantissa and binary exponent) and `%x`/`%X` (hexadecimal
/// mantissa `-0x1.8p+00`), from the float's bits as Go's `fmtB`/`fmtX` do.
fn fmt_binary(out: &mut String, f: f64, fmt: u8, prec: i32) {
    const MANT_BITS: u32 = 52;
    let bits = f.to_bits();
    let neg = bits >> 63 != 0;
    let mut exp = ((bits >> MANT_BITS) & 0x7ff) as i32;
    let mut mant = bits & ((1u64 << MANT_BITS) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1u64 << MANT_BITS;
    }
    exp -= 1023;
    if neg {
        out.push('-');
    }
    if fmt == b'b' {
        out.push_str(&mant.to_string());
        out.push('p');
        let e = exp - MANT_BITS as i32;
        if e >= 0 {
            out.push('+');
        }
        out.push_str(&e.to_string());
        return;
    }
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - MANT_BITS;
    while mant != 0 && mant & (1u64 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1u64 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1u64 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1u64 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let upper = fmt == b'X';
    out.push('0');
    out.push(fmt as char);
    out.push(char::from(b'0' + ((mant >> 60) & 1) as u8));
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(char::from(hex_digit((mant >> 60) as u8, upper)));
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(char::from(hex_digit((mant >> 60) as u8, upper)));
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push('0');
    }
    out.push_str(&e.to_string());
}

fn fmt_e(out: &mut String, neg: bool, d: &Digits, prec: i32, fmt: u8) {
    if neg {
        out.push('-');
    }
    out.push(if d.nd() == 0 { '0' } else { d.at(0) as char });
    if prec > 0 {
        out.push('.');
        let mut i = 1;
        let m = d.nd().min(prec + 1);
        while i < m {
            out.push(d.at(i) as char);
            i += 1;
        }
        while i <= prec {
            out.push('0');
            i += 1;
        }
    }
    out.push(fmt as char);
    let mut exp = d.dp - 1;
    if d.nd() == 0 {
        exp = 0;
    }
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

fn fmt_f(out: &mut String, neg: bool, d: &Digits, prec: i32) {
    if neg {
        out.push('-');
    }
    if d.dp > 0 {
        for i in 0..d.dp {
            out.push(d.at(i) as char);
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(d.at(d.dp + i - 1) as char);
        }
    }
}

pub use crate::unicode::is_print;

/// Go's `strconv.Quote`: a double-quoted Go string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    append_quoted(&mut out, s, '"', false);
    out
}

/// Go's `strconv.QuoteToASCII`.
pub fn quote_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    append_quoted(&mut out, s, '"', true);
    out
}

/// Go's `strconv.QuoteRune` (`%q` of an integer).
pub fn quote_rune(r: i64, ascii_only: bool) -> String {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut out = String::new();
    out.push('\'');
    append_escaped_rune(&mut out, c, '\'', ascii_only);
    out.push('\'');
    out
}

/// Appends `s` quoted with `quote`, escaping as Go does.
pub fn append_quoted(out: &mut String, s: &str, quote: char, ascii_only: bool) {
    out.push(quote);
    for c in s.chars() {
        append_escaped_rune(out, c, quote, ascii_only);
    }
    out.push(quote);
}

fn append_escaped_rune(out: &mut String, c: char, quote: char, ascii_only: bool) {
    if let Some(b) = crate::value::rawbytes::escaped_byte(c) {
        // A raw byte of a non-UTF-8 string.
        out.push_str(&format!("\\x{b:02x}"));
        return;
    }
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if ascii_only {
        if (c as u32) < 0x80 && is_print(c) {
            out.push(c);
            return;
        }
    } else if is_print(c) {
        out.push(c);
        return;
    }
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        _ => {
            let r = c as u32;
            if r < 0x20 || r == 0x7f {
                out.push_str(&format!("\\x{r:02x}"));
            } else if r < 0x10000 {
                out.push_str(&format!("\\u{r:04x}"));
            } else {
                out.push_str(&format!("\\U{r:08x}"));
            }
        }
    }
}

/// Go's `strconv.CanBackquote`.
pub fn can_backquote(s: &str) -> bool {
    s.chars().all(|c| {
        c != '`'
            && c != '\u{FEFF}'
            && (c == '\t' || !((c as u32) < 0x20 || c == '\x7f'))
            && crate::value::rawbytes::escaped_byte(c).is_none()
    })
}

/// The error Go's `strconv.Unquote` reports.
pub const INVALID_SYNTAX: &str = "invalid syntax";

/// Go's `strconv.Unquote` for `"..."` and `` `...` `` literals. Byte escapes that do not form
/// UTF-8 are replaced by U+FFFD.
pub fn unquote(s: &str) -> Result<String, &'static str> {
    let &[q, .., last] = s.as_bytes() else {
        return Err(INVALID_SYNTAX);
    };
    if q != last {
        return Err(INVALID_SYNTAX);
    }
    let body = &s[1..s.len() - 1];
    match q {
        b'`' => {
            if body.contains('`') {
                return Err(INVALID_SYNTAX);
            }
            Ok(body.replace('\r', ""))
        }
        b'"' => {
            // Nothing to decode: the text is itself (Go's fast path too).
            if !body.bytes().any(|b| b == b'\\' || b == b'"') {
                return Ok(body.to_string());
            }
            let mut buf: Vec<u8> = Vec::with_capacity(body.len());
            let mut rest = body;
            while !rest.is_empty() {
                let (r, tail) = unquote_char(rest, b'"')?;
                match r {
                    Unquoted::Char(c) => {
                        let mut tmp = [0u8; 4];
                        buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                    }
                    Unquoted::Byte(b) => buf.push(b),
                }
                rest = tail;
            }
            // `"\xff"` is a raw byte in Go.
            Ok(crate::value::rawbytes::encode_vec(buf))
        }
        _ => Err(INVALID_SYNTAX),
    }
}

/// One decoded unit of a Go literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unquoted {
    /// A character.
    Char(char),
    /// A raw byte from `\x` or octal escapes.
    Byte(u8),
}

/// Go's `strconv.UnquoteChar`: decodes the first character or escape of `s`.
pub fn unquote_char(s: &str, quote: u8) -> Result<(Unquoted, &str), &'static str> {
    let mut chars = s.chars();
    let c = chars.next().ok_or(INVALID_SYNTAX)?;
    if c as u32 == quote as u32 && (quote == b'\'' || quote == b'"') {
        return Err(INVALID_SYNTAX);
    }
    if c != '\\' {
        return Ok((Unquoted::Char(c), chars.as_str()));
    }
    let rest = chars.as_str();
    let e = *rest.as_bytes().first().ok_or(INVALID_SYNTAX)?;
    if !e.is_ascii() {
        return Err(INVALID_SYNTAX);
    }
    let tail = &rest[1..];
    let simple = match e {
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'v' => Some('\x0b'),
        b'\\' => Some('\\'),
        b'\'' | b'"' => {
            if e != quote {
                return Err(INVALID_SYNTAX);
            }
            Some(e as char)
        }
        _ => None,
    };
    if let Some(c) = simple {
        return Ok((Unquoted::Char(c), tail));
    }
    match e {
        b'x' | b'u' | b'U' => {
            let n = match e {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let hex = tail.get(..n).ok_or(INVALID_SYNTAX)?;
            let v = u32::from_str_radix(hex, 16).map_err(|_| INVALID_SYNTAX)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(INVALID_SYNTAX);
            }
            let tail = &tail[n..];
            if e == b'x' {
                return Ok((Unquoted::Byte(v as u8), tail));
            }
            let c = char::from_u32(v).ok_or(INVALID_SYNTAX)?;
            Ok((Unquoted::Char(c), tail))
        }
        b'0'..=b'7' => {
            let oct = rest.get(..3).ok_or(INVALID_SYNTAX)?;
            if !oct.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                return Err(INVALID_SYNTAX);
            }
            let v = u32::from_str_radix(oct, 8).map_err(|_| INVALID_SYNTAX)?;
            if v > 255 {
                return Err(INVALID_SYNTAX);
            }
            Ok((Unquoted::Byte(v as u8), &rest[3..]))
        }
        _ => Err(INVALID_SYNTAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_g_matches_go_percent_v() {
        let cases = [
            (100000.0, "100000"),
            (1e6, "1e+06"),
            (123456.0, "123456"),
            (1234567.0, "1.234567e+06"),
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (1e20, "1e+20"),
            (21.5, "21.5"),
            (0.0, "0"),
            (-2.5, "-2.5"),
        ];
        for (f, want) in cases {
            assert_eq!(format_float(f, b'g', -1), want, "{f}");
        }
    }

    #[test]
    fn fixed_precision_forms() {
        assert_eq!(format_float(1.0, b'f', 2), "1.00");
        assert_eq!(format_float(1234.5678, b'e', 3), "1.235e+03");
        assert_eq!(format_float(0.0, b'e', 2), "0.00e+00");
        assert_eq!(format_float(1.0, b'g', 3), "1");
        assert_eq!(format_float(123456.0, b'g', 3), "1.23e+05");
        assert_eq!(format_float(1e21, b'f', -1), "1000000000000000000000");
        assert_eq!(format_float(f64::INFINITY, b'g', -1), "+Inf");
        assert_eq!(format_float(0.5, b'f', 2000).len(), 2002);
        assert_eq!(format_float(0.5, b'e', 2000).len(), 2006);
    }

    #[test]
    fn quoting() {
        assert_eq!(
            quote("a\"b\\\n\u{7}é\u{a0}\u{1F600}"),
            "\"a\\\"b\\\\\\n\\aé\\u00a0😀\""
        );
        assert_eq!(quote_ascii("é"), "\"\\u00e9\"");
        assert_eq!(quote_rune(97, false), "'a'");
        assert_eq!(unquote(r#""a\tb\x41\u00e9""#).as_deref(), Ok("a\tbAé"));
        assert_eq!(unquote("`a\r\nb`").as_deref(), Ok("a\nb"));
        assert!(unquote(r#""\q""#).is_err());
        assert!(unquote("\"\\é\"").is_err());
    }
}

/// Why a Go number parse failed (`strconv.NumError`'s `Err`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumError {
    /// `invalid syntax`.
    Syntax,
    /// `value out of range`.
    Range,
}

impl NumError {
    /// Go's text for the error.
    pub fn text(self) -> &'static str {
        match self {
            NumError::Syntax => "invalid syntax",
            NumError::Range => "value out of range",
        }
    }
}

/// Go's `underscoreOK`: underscores only between digits or after a base prefix.
fn underscore_ok(s: &str) -> bool {
    let mut saw = b'^';
    let mut b = match s.as_bytes() {
        [b'-' | b'+', unsigned @ ..] => unsigned,
        b => b,
    };
    let mut hex = false;
    if let [b'0', prefix, digits @ ..] = b
        && matches!(prefix | 0x20, b'b' | b'o' | b'x')
    {
        hex = (prefix | 0x20) == b'x';
        b = digits;
        saw = b'0';
    }
    for &c in b {
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
    }
    saw != b'_'
}

/// Go's `strconv.ParseUint(s, base, 64)`; base 0 reads Go's prefixes and underscores.
pub fn parse_uint(s: &str, base: u32) -> Result<u64, NumError> {
    if s.is_empty() {
        return Err(NumError::Syntax);
    }
    let base0 = base == 0;
    let s0 = s;
    let (mut digits, base) = if base0 {
        match *s.as_bytes() {
            [b'0', p, _, ..] if p | 0x20 == b'b' => (&s[2..], 2),
            [b'0', p, _, ..] if p | 0x20 == b'o' => (&s[2..], 8),
            [b'0', p, _, ..] if p | 0x20 == b'x' => (&s[2..], 16),
            [b'0', ..] => (&s[1..], 8),
            _ => (s, 10),
        }
    } else {
        (s, base)
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    while let Some(c) = digits.chars().next() {
        digits = &digits[c.len_utf8()..];
        if c == '_' && base0 {
            underscores = true;
            continue;
        }
        let d = c.to_digit(36).ok_or(NumError::Syntax)?;
        if d >= base {
            return Err(NumError::Syntax);
        }
        // Like Go, report an overflow at once, before looking at the rest of the input.
        n = n
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
            .ok_or(NumError::Range)?;
    }
    if underscores && !underscore_ok(s0) {
        return Err(NumError::Syntax);
    }
    Ok(n)
}

/// Go's `strconv.ParseInt(s, base, bits)`.
pub fn parse_int(s: &str, base: u32, bits: u32) -> Result<i64, NumError> {
    if s.is_empty() {
        return Err(NumError::Syntax);
    }
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let un = parse_uint(body, base)?;
    let cutoff: u64 = 1u64 << (bits - 1);
    if !neg && un >= cutoff {
        return Err(NumError::Range);
    }
    if neg && un > cutoff {
        return Err(NumError::Range);
    }
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// The value Go's `strconv.ParseInt` returns beside its error, for callers that ignore the
/// error: 0 for a syntax error, the nearest bound for an out-of-range number.
pub fn parse_int_ignoring_error(s: &str, base: u32, bits: u32) -> i64 {
    match parse_int(s, base, bits) {
        Ok(v) => v,
        Err(NumError::Range) if s.starts_with('-') => i64::MIN >> (64 - bits.clamp(1, 64)),
        Err(NumError::Range) => i64::MAX >> (64 - bits.clamp(1, 64)),
        Err(_) => 0,
    }
}

/// Go's `strconv.ParseFloat(s, 64)`: decimal and hexadecimal forms, underscores, `inf`/`nan`.
/// Out-of-range values are `Err(Range)`.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return Err(NumError::Syntax);
    }
    let neg = lower.starts_with('-');
    if matches!(unsigned, "inf" | "infinity") {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if unsigned == "nan" {
        return Ok(f64::NAN);
    }
    if s.contains('_') && !underscore_ok(s) {
        return Err(NumError::Syntax);
    }
    let clean: String = unsigned.chars().filter(|&c| c != '_').collect();
    let v = if let Some(hex) = clean.strip_prefix("0x") {
        parse_hex_float(hex)?
    } else {
        let (rest, int_digits) = skip_digits(clean.as_bytes());
        let (rest, frac_digits) = match rest {
            [b'.', frac @ ..] => skip_digits(frac),
            _ => (rest, 0),
        };
        if int_digits + frac_digits == 0 {
            return Err(NumError::Syntax);
        }
        let rest = match rest {
            [b'e', exp @ ..] => {
                let exp = match exp {
                    [b'+' | b'-', exp @ ..] => exp,
                    _ => exp,
                };
                let (rest, exp_digits) = skip_digits(exp);
                if exp_digits == 0 {
                    return Err(NumError::Syntax);
                }
                rest
            }
            _ => rest,
        };
        if !rest.is_empty() {
            return Err(NumError::Syntax);
        }
        clean.parse::<f64>().map_err(|_| NumError::Syntax)?
    };
    if v.is_infinite() {
        return Err(NumError::Range);
    }
    Ok(if neg { -v } else { v })
}

/// `b` without its leading ASCII digits, and how many there were.
fn skip_digits(mut b: &[u8]) -> (&[u8], usize) {
    let mut n = 0;
    while let [d, rest @ ..] = b
        && d.is_ascii_digit()
    {
        b = rest;
        n += 1;
    }
    (b, n)
}

/// The part of a hexadecimal float after `0x`: mantissa with optional point, mandatory `p`.
fn parse_hex_float(s: &str) -> Result<f64, NumError> {
    let (mant, exp) = s.split_once('p').ok_or(NumError::Syntax)?;
    let exp: i32 = if exp.is_empty() {
        return Err(NumError::Syntax);
    } else {
        exp.parse().map_err(|_| NumError::Syntax)?
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return Err(NumError::Syntax);
    }
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + c.to_digit(16).ok_or(NumError::Syntax)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += c.to_digit(16).ok_or(NumError::Syntax)? as f64 * scale;
        scale /= 16.0;
    }
    Ok(v * 2f64.powi(exp))
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn go_integer_syntax() {
        assert_eq!(parse_uint("0777", 0), Ok(511));
        assert_eq!(parse_uint("0x1F", 0), Ok(31));
        assert_eq!(parse_uint("1_000", 0), Ok(1000));
        assert_eq!(parse_uint("1__0", 0), Err(NumError::Syntax));
        assert_eq!(parse_uint("08", 0), Err(NumError::Syntax));
        assert_eq!(parse_int("-9223372036854775808", 0, 64), Ok(i64::MIN));
        assert_eq!(
            parse_int("9223372036854775808", 0, 64),
            Err(NumError::Range)
        );
        assert_eq!(parse_int("1_0", 10, 64), Err(NumError::Syntax));
    }

    #[test]
    fn go_float_syntax() {
        assert_eq!(parse_float("1e3"), Ok(1000.0));
        assert_eq!(parse_float(".5"), Ok(0.5));
        assert_eq!(parse_float("0x1p4"), Ok(16.0));
        assert_eq!(parse_float("1e400"), Err(NumError::Range));
        assert_eq!(parse_float("1.2.3"), Err(NumError::Syntax));
    }
}
