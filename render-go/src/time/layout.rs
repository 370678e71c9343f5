//! Go's layout strings: `Time.Format` and `time.ParseInLocation`, with Go's reference-time
//! elements (`2006`, `01`, `Jan`, `_2`, `15`, `PM`, `-07:00`, `MST`, `.000`, ...) and its
//! parse error texts.

use super::{Location, Time, days_in, is_leap};
use std::borrow::Cow;
use std::fmt::Write as _;

/// A layout element (Go's `std*` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    Iso8601TZ,
    Iso8601SecondsTZ,
    Iso8601ShortTZ,
    Iso8601ColonTZ,
    Iso8601ColonSecondsTZ,
    NumTZ,
    NumSecondsTz,
    NumShortTZ,
    NumColonTZ,
    NumColonSecondsTZ,
    /// `.000` (digits, separator).
    FracSecond0(usize, u8),
    /// `.999` (digits, separator).
    FracSecond9(usize, u8),
}

/// Go's `nextStdChunk`: (text before, element, rest); `None` element when none is left.
fn next_std_chunk(layout: &str) -> (&str, Option<Std>, &str) {
    let b = layout.as_bytes();
    // `rest` is the layout from byte `i` on: its first byte `c`, then `after`.
    let mut rest = b;
    let mut i = 0;
    while let [c, after @ ..] = rest {
        let at = |s: &str| rest.starts_with(s.as_bytes());
        let found = |std: Std, len: usize| (&layout[..i], Some(std), &layout[i + len..]);
        match c {
            b'J' if at("Jan") => {
                if at("January") {
                    return found(Std::LongMonth, 7);
                }
                if !rest.get(3).is_some_and(u8::is_ascii_lowercase) {
                    return found(Std::Month, 3);
                }
            }
            b'M' if rest.len() >= 3 => {
                if at("Mon") {
                    if at("Monday") {
                        return found(Std::LongWeekDay, 6);
                    }
                    if !rest.get(3).is_some_and(u8::is_ascii_lowercase) {
                        return found(Std::WeekDay, 3);
                    }
                }
                if at("MST") {
                    return found(Std::TZ, 3);
                }
            }
            b'0' => {
                let std = match after.first() {
                    Some(b'1') => Some(Std::ZeroMonth),
                    Some(b'2') => Some(Std::ZeroDay),
                    Some(b'3') => Some(Std::ZeroHour12),
                    Some(b'4') => Some(Std::ZeroMinute),
                    Some(b'5') => Some(Std::ZeroSecond),
                    Some(b'6') => Some(Std::Year),
                    _ => None,
                };
                if let Some(std) = std {
                    return found(std, 2);
                }
                if at("002") {
                    return found(Std::ZeroYearDay, 3);
                }
            }
            b'1' => {
                if after.first() == Some(&b'5') {
                    return found(Std::Hour, 2);
                }
                return found(Std::NumMonth, 1);
            }
            b'2' => {
                if at("2006") {
                    return found(Std::LongYear, 4);
                }
                return found(Std::Day, 1);
            }
            b'_' => {
                if after.first() == Some(&b'2') {
                    if after.starts_with(b"2006") {
                        return (&layout[..=i], Some(Std::LongYear), &layout[i + 5..]);
                    }
                    return found(Std::UnderDay, 2);
                }
                if at("__2") {
                    return found(Std::UnderYearDay, 3);
                }
            }
            b'3' => return found(Std::Hour12, 1),
            b'4' => return found(Std::Minute, 1),
            b'5' => return found(Std::Second, 1),
            b'P' if after.first() == Some(&b'M') => return found(Std::PM, 2),
            b'p' if after.first() == Some(&b'm') => return found(Std::Pm, 2),
            b'-' => {
                for (s, std) in [
                    ("-070000", Std::NumSecondsTz),
                    ("-07:00:00", Std::NumColonSecondsTZ),
                    ("-0700", Std::NumTZ),
                    ("-07:00", Std::NumColonTZ),
                    ("-07", Std::NumShortTZ),
                ] {
                    if at(s) {
                        return found(std, s.len());
                    }
                }
            }
            b'Z' => {
                for (s, std) in [
                    ("Z070000", Std::Iso8601SecondsTZ),
                    ("Z07:00:00", Std::Iso8601ColonSecondsTZ),
                    ("Z0700", Std::Iso8601TZ),
                    ("Z07:00", Std::Iso8601ColonTZ),
                    ("Z07", Std::Iso8601ShortTZ),
                ] {
                    if at(s) {
                        return found(std, s.len());
                    }
                }
            }
            &c @ (b'.' | b',') => {
                if let Some(&ch) = after.first()
                    && (ch == b'0' || ch == b'9')
                {
                    let n = after.iter().take_while(|&&d| d == ch).count();
                    if !after.get(n).is_some_and(u8::is_ascii_digit) {
                        let std = if ch == b'0' {
                            Std::FracSecond0(n, c)
                        } else {
                            Std::FracSecond9(n, c)
                        };
                        return (&layout[..i], Some(std), &layout[i + 1 + n..]);
                    }
                }
            }
            _ => {}
        }
        rest = after;
        i += 1;
    }
    (layout, None, "")
}

pub(super) const LONG_DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
pub(super) const LONG_MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `time.Month.String()`: the month's name, `%!Month(N)` out of range (borrowed when in range).
pub(super) fn month_name(m: i64) -> Cow<'static, str> {
    match usize::try_from(m - 1)
        .ok()
        .and_then(|i| LONG_MONTH_NAMES.get(i))
    {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(format!("%!Month({})", m as u64)),
    }
}

/// `time.Weekday.String()`: the day's name, `%!Weekday(N)` out of range (borrowed when in
/// range).
pub(super) fn weekday_name(d: i64) -> Cow<'static, str> {
    match usize::try_from(d).ok().and_then(|i| LONG_DAY_NAMES.get(i)) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(format!("%!Weekday({})", d as u64)),
    }
}

/// Go's `appendInt`: zero-padded to `width` (the sign does not count).
fn append_int(b: &mut String, x: i64, width: usize) {
    if x < 0 {
        b.push('-');
    }
    let _ = write!(b, "{:0width$}", x.unsigned_abs());
}

/// A zone name for an offset without one, as the tz database writes them (`-03`, `+0530`).
pub(super) fn numeric_zone_name(offset: i32) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let m = offset.unsigned_abs() / 60;
    if m % 60 == 0 {
        format!("{sign}{:02}", m / 60)
    } else {
        format!("{sign}{:02}{:02}", m / 60, m % 60)
    }
}

/// Go's `appendNano`.
fn append_nano(b: &mut String, nsec: u32, digits: usize, sep: u8, trim: bool) {
    if trim && (digits == 0 || nsec == 0) {
        return;
    }
    let mut s = format!("{nsec:09}");
    s.truncate(digits.min(9));
    if trim {
        while s.ends_with('0') {
            s.pop();
        }
        if s.is_empty() {
            return;
        }
    }
    b.push(char::from(sep));
    b.push_str(&s);
}

/// `Time.Format`.
pub(super) fn format(t: &Time, mut layout: &str) -> String {
    let f = t.fields();
    let mut b = String::with_capacity(layout.len() + 10);
    while !layout.is_empty() {
        let (prefix, std, suffix) = next_std_chunk(layout);
        b.push_str(prefix);
        let Some(std) = std else { break };
        layout = suffix;
        let hr12 = if f.hour % 12 == 0 { 12 } else { f.hour % 12 };
        match std {
            Std::Year => append_int(&mut b, f.year.abs() % 100, 2),
            Std::LongYear => append_int(&mut b, f.year, 4),
            Std::Month => b.push_str(&month_name(f.month)[..3]),
            Std::LongMonth => b.push_str(&month_name(f.month)),
            Std::NumMonth => append_int(&mut b, f.month, 0),
            Std::ZeroMonth => append_int(&mut b, f.month, 2),
            Std::WeekDay => b.push_str(&weekday_name(f.weekday)[..3]),
            Std::LongWeekDay => b.push_str(&weekday_name(f.weekday)),
            Std::Day => append_int(&mut b, f.day, 0),
            Std::UnderDay => {
                if f.day < 10 {
                    b.push(' ');
                }
                append_int(&mut b, f.day, 0);
            }
            Std::ZeroDay => append_int(&mut b, f.day, 2),
            Std::UnderYearDay => {
                if f.yday < 100 {
                    b.push(' ');
                    if f.yday < 10 {
                        b.push(' ');
                    }
                }
                append_int(&mut b, f.yday, 0);
            }
            Std::ZeroYearDay => append_int(&mut b, f.yday, 3),
            Std::Hour => append_int(&mut b, f.hour, 2),
            Std::Hour12 => append_int(&mut b, hr12, 0),
            Std::ZeroHour12 => append_int(&mut b, hr12, 2),
            Std::Minute => append_int(&mut b, f.min, 0),
            Std::ZeroMinute => append_int(&mut b, f.min, 2),
            Std::Second => append_int(&mut b, f.sec, 0),
            Std::ZeroSecond => append_int(&mut b, f.sec, 2),
            Std::PM => b.push_str(if f.hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => b.push_str(if f.hour >= 12 { "pm" } else { "am" }),
            Std::TZ => {
                if f.zone.is_empty() {
                    let zone = f.offset / 60;
                    b.push(if zone < 0 { '-' } else { '+' });
                    let z = i64::from(zone.unsigned_abs());
                    append_int(&mut b, z / 60, 2);
                    append_int(&mut b, z % 60, 2);
                } else {
                    b.push_str(&f.zone);
                }
            }
            Std::FracSecond0(n, sep) => append_nano(&mut b, f.nsec, n, sep, false),
            Std::FracSecond9(n, sep) => append_nano(&mut b, f.nsec, n, sep, true),
            zone_std => append_zone(&mut b, zone_std, f.offset),
        }
    }
    b
}

/// The numeric zone elements (`-07:00`, `Z0700`, ...).
fn append_zone(b: &mut String, std: Std, offset: i32) {
    use Std::*;
    let iso = matches!(
        std,
        Iso8601TZ | Iso8601ColonTZ | Iso8601SecondsTZ | Iso8601ShortTZ | Iso8601ColonSecondsTZ
    );
    if offset == 0 && iso {
        b.push('Z');
        return;
    }
    let zone = offset / 60;
    b.push(if zone < 0 { '-' } else { '+' });
    let z = i64::from(zone.unsigned_abs());
    let abs = i64::from(offset.unsigned_abs());
    append_int(b, z / 60, 2);
    if matches!(
        std,
        Iso8601ColonTZ | NumColonTZ | Iso8601ColonSecondsTZ | NumColonSecondsTZ
    ) {
        b.push(':');
    }
    if !matches!(std, NumShortTZ | Iso8601ShortTZ) {
        append_int(b, z % 60, 2);
    }
    if matches!(
        std,
        Iso8601SecondsTZ | NumSecondsTz | NumColonSecondsTZ | Iso8601ColonSecondsTZ
    ) {
        if matches!(std, NumColonSecondsTZ | Iso8601ColonSecondsTZ) {
            b.push(':');
        }
        append_int(b, abs % 60, 2);
    }
}

/// A `time.ParseError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    layout: String,
    value: String,
    layout_elem: String,
    value_elem: String,
    message: String,
}

/// The `quote` of Go's time package: non-ASCII and control bytes as `\xNN`.
pub(crate) fn time_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if (c as u32) >= 0x80 || c < ' ' {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "\\x{byte:02x}");
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(
                f,
                "parsing time {} as {}: cannot parse {} as {}",
                time_quote(&self.value),
                time_quote(&self.layout),
                time_quote(&self.value_elem),
                time_quote(&self.layout_elem)
            )
        } else {
            write!(
                f,
                "parsing time {}{}",
                time_quote(&self.value),
                self.message
            )
        }
    }
}

/// The "bad value" every field parser reports (Go's `errBad`).
struct Bad;

fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

/// Go's `getnum`: one or two digits (`fixed`: exactly two).
fn getnum(s: &str, fixed: bool) -> Result<(i64, &str), Bad> {
    match *s.as_bytes() {
        [d1 @ b'0'..=b'9', d2 @ b'0'..=b'9', ..] => {
            Ok((i64::from(d1 - b'0') * 10 + i64::from(d2 - b'0'), &s[2..]))
        }
        [d @ b'0'..=b'9', ..] if !fixed => Ok((i64::from(d - b'0'), &s[1..])),
        _ => Err(Bad),
    }
}

/// Go's `getnum3`.
fn getnum3(s: &str, fixed: bool) -> Result<(i64, &str), Bad> {
    let mut n = 0;
    let mut i = 0;
    for d in s.bytes().take(3).take_while(u8::is_ascii_digit) {
        n = n * 10 + i64::from(d - b'0');
        i += 1;
    }
    if i == 0 || fixed && i != 3 {
        return Err(Bad);
    }
    Ok((n, &s[i..]))
}

/// Go's `skip`: matches `prefix`, where a run of spaces matches any run of spaces.
fn skip<'v>(mut value: &'v str, mut prefix: &str) -> Result<&'v str, &'v str> {
    while let Some(p) = prefix.chars().next() {
        if p == ' ' {
            if value.as_bytes().first().is_some_and(|&c| c != b' ') {
                return Err(value);
            }
            prefix = prefix.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
            continue;
        }
        match value.strip_prefix(p) {
            Some(rest) => value = rest,
            None => return Err(value),
        }
        prefix = &prefix[p.len_utf8()..];
    }
    Ok(value)
}

/// `s[a..b]`, or the bad-value error when that is out of range or splits a character.
fn sub(s: &str, a: usize, b: usize) -> Result<&str, Bad> {
    s.get(a..b).ok_or(Bad)
}

/// Go's `lookup`: a case-insensitive match of one of the names at the start of `val`.
fn lookup<'v>(tab: &[&str], val: &'v str) -> Result<(i64, &'v str), Bad> {
    for (i, v) in tab.iter().enumerate() {
        if val
            .as_bytes()
            .get(..v.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(v.as_bytes()))
        {
            return Ok((i as i64, &val[v.len()..]));
        }
    }
    Err(Bad)
}

/// Go's `atoi` on a short field: optional sign and digits only.
fn atoi(s: &str) -> Result<i64, Bad> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(Bad);
    }
    let v: i64 = digits.parse().map_err(|_| Bad)?;
    Ok(if neg { -v } else { v })
}

/// Go's `parseNanoseconds`: `value[..nbytes]` is a separator and digits.
fn parse_nanoseconds(value: &str, nbytes: usize) -> Result<(i64, bool), Bad> {
    if !matches!(value.as_bytes().first(), Some(b'.' | b',')) {
        return Err(Bad);
    }
    let nbytes = nbytes.min(10);
    let ns = atoi(value.get(1..nbytes).ok_or(Bad)?)?;
    if ns < 0 {
        return Ok((0, true));
    }
    Ok((ns * 10i64.pow((10 - nbytes) as u32), false))
}

/// Go's `parseSignedOffset`: `+3`, `-04`: a signed number of at most 23; its length.
fn parse_signed_offset(value: &str) -> usize {
    let [b'+' | b'-', digits @ ..] = value.as_bytes() else {
        return 0;
    };
    let n = digits.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 {
        return 0;
    }
    match value[1..=n].parse::<u64>() {
        Ok(x) if x <= 23 => 1 + n,
        _ => 0,
    }
}

/// Go's `parseTimeZone`: the length of a zone abbreviation at the start of `value`.
fn parse_time_zone(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if b.starts_with(b"ChST") || b.starts_with(b"MeST") {
        return Some(4);
    }
    if b.starts_with(b"GMT") {
        if b.len() == 3 {
            return Some(3);
        }
        return Some(3 + parse_signed_offset(&value[3..]));
    }
    if matches!(b.first(), Some(b'+' | b'-')) {
        let n = parse_signed_offset(value);
        return (n > 0).then_some(n);
    }
    let upper = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        5 if b.get(4) == Some(&b'T') => Some(5),
        4 if b.get(3) == Some(&b'T') || b.starts_with(b"WITA") => Some(4),
        3 => Some(3),
        _ => None,
    }
}

/// `time.ParseInLocation` (the RFC 3339 fast path gives the same results as this general
/// parser, except that it names a non-local offset's zone "" in both cases).
pub(super) fn parse(layout: &str, value: &str, loc: Location) -> Result<Time, ParseError> {
    let (alayout, avalue) = (layout, value);
    let mut layout = layout;
    let mut value = value;
    let mut range_err = "";
    let (mut am_set, mut pm_set) = (false, false);
    let (mut year, mut month, mut day, mut yday) = (0i64, -1i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let mut z: Option<Location> = None;
    let mut zone_offset: Option<i64> = None;
    let mut zone_name = String::new();
    let err = |layout_elem: &str, value_elem: &str, message: &str| ParseError {
        layout: alayout.to_string(),
        value: avalue.to_string(),
        layout_elem: layout_elem.to_string(),
        value_elem: value_elem.to_string(),
        message: message.to_string(),
    };
    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        let stdstr = &layout[prefix.len()..layout.len() - suffix.len()];
        value = skip(value, prefix).map_err(|v| err(prefix, v, ""))?;
        let Some(std) = std else {
            if !value.is_empty() {
                return Err(err(
                    "",
                    value,
                    &format!(": extra text: {}", time_quote(value)),
                ));
            }
            break;
        };
        layout = suffix;
        let hold = value;
        let res: Result<(), Bad> = (|| {
            match std {
                Std::Year => {
                    let p = sub(value, 0, 2)?;
                    value = &value[2..];
                    year = atoi(p)?;
                    year += if year >= 69 { 1900 } else { 2000 };
                }
                Std::LongYear => {
                    if value.len() < 4 || !is_digit(value.as_bytes(), 0) {
                        return Err(Bad);
                    }
                    let p = sub(value, 0, 4)?;
                    value = &value[4..];
                    year = atoi(p)?;
                }
                Std::Month | Std::LongMonth => {
                    let names: Vec<&str> = if std == Std::Month {
                        LONG_MONTH_NAMES.iter().map(|m| &m[..3]).collect()
                    } else {
                        LONG_MONTH_NAMES.to_vec()
                    };
                    let (m, rest) = lookup(&names, value)?;
                    month = m + 1;
                    value = rest;
                }
                Std::NumMonth | Std::ZeroMonth => {
                    let (m, rest) = getnum(value, std == Std::ZeroMonth)?;
                    month = m;
                    value = rest;
                    if month <= 0 || 12 < month {
                        range_err = "month";
                    }
                }
                Std::WeekDay | Std::LongWeekDay => {
                    let names: Vec<&str> = if std == Std::WeekDay {
                        LONG_DAY_NAMES.iter().map(|d| &d[..3]).collect()
                    } else {
                        LONG_DAY_NAMES.to_vec()
                    };
                    value = lookup(&names, value)?.1;
                }
                Std::Day | Std::UnderDay | Std::ZeroDay => {
                    if std == Std::UnderDay && value.starts_with(' ') {
                        value = &value[1..];
                    }
                    let (d, rest) = getnum(value, std == Std::ZeroDay)?;
                    day = d;
                    value = rest;
                }
                Std::UnderYearDay | Std::ZeroYearDay => {
                    for _ in 0..2 {
                        if std == Std::UnderYearDay && value.starts_with(' ') {
                            value = &value[1..];
                        }
                    }
                    let (d, rest) = getnum3(value, std == Std::ZeroYearDay)?;
                    yday = d;
                    value = rest;
                }
                Std::Hour => {
                    let (h, rest) = getnum(value, false)?;
                    hour = h;
                    value = rest;
                    if !(0..24).contains(&hour) {
                        range_err = "hour";
                    }
                }
                Std::Hour12 | Std::ZeroHour12 => {
                    let (h, rest) = getnum(value, std == Std::ZeroHour12)?;
                    hour = h;
                    value = rest;
                    if !(0..=12).contains(&hour) {
                        range_err = "hour";
                    }
                }
                Std::Minute | Std::ZeroMinute => {
                    let (m, rest) = getnum(value, std == Std::ZeroMinute)?;
                    min = m;
                    value = rest;
                    if !(0..60).contains(&min) {
                        range_err = "minute";
                    }
                }
                Std::Second | Std::ZeroSecond => {
                    let (s, rest) = getnum(value, std == Std::ZeroSecond)?;
                    sec = s;
                    value = rest;
                    if !(0..60).contains(&sec) {
                        range_err = "second";
                        return Ok(());
                    }
                    let b = value.as_bytes();
                    if matches!(b, [b'.' | b',', b'0'..=b'9', ..]) {
                        let (_, next, _) = next_std_chunk(layout);
                        if matches!(next, Some(Std::FracSecond0(..) | Std::FracSecond9(..))) {
                            return Ok(());
                        }
                        let mut n = 2;
                        while is_digit(b, n) {
                            n += 1;
                        }
                        let (ns, bad_range) = parse_nanoseconds(value, n)?;
                        if bad_range {
                            range_err = "fractional second";
                        }
                        nsec = ns;
                        value = &value[n..];
                    }
                }
                Std::PM | Std::Pm => {
                    let p = sub(value, 0, 2)?;
                    value = &value[2..];
                    let (pm, am) = if std == Std::PM {
                        ("PM", "AM")
                    } else {
                        ("pm", "am")
                    };
                    if p == pm {
                        pm_set = true;
                    } else if p == am {
                        am_set = true;
                    } else {
                        return Err(Bad);
                    }
                }
                Std::TZ => {
                    if value.starts_with("UTC") {
                        z = Some(Location::Utc);
                        value = &value[3..];
                        return Ok(());
                    }
                    let n = parse_time_zone(value).ok_or(Bad)?;
                    zone_name = value[..n].to_string();
                    value = &value[n..];
                }
                Std::FracSecond0(digits, _) => {
                    let ndigit = 1 + digits;
                    if value.len() < ndigit {
                        return Err(Bad);
                    }
                    let (ns, bad_range) = parse_nanoseconds(value, ndigit)?;
                    if bad_range {
                        range_err = "fractional second";
                    }
                    nsec = ns;
                    value = &value[ndigit..];
                }
                Std::FracSecond9(..) => {
                    let b = value.as_bytes();
                    if !matches!(b, [b'.' | b',', b'0'..=b'9', ..]) {
                        return Ok(());
                    }
                    let mut i = 0;
                    while is_digit(b, i + 1) {
                        i += 1;
                    }
                    let (ns, bad_range) = parse_nanoseconds(value, 1 + i)?;
                    if bad_range {
                        range_err = "fractional second";
                    }
                    nsec = ns;
                    value = &value[1 + i..];
                }
                zone_std => {
                    let iso = matches!(
                        zone_std,
                        Std::Iso8601TZ
                            | Std::Iso8601ShortTZ
                            | Std::Iso8601ColonTZ
                            | Std::Iso8601SecondsTZ
                            | Std::Iso8601ColonSecondsTZ
                    );
                    if iso && value.starts_with('Z') {
                        value = &value[1..];
                        z = Some(Location::Utc);
                        return Ok(());
                    }
                    let (off, rest, bad) = parse_numeric_zone(zone_std, value)?;
                    if let Some(r) = bad {
                        range_err = r;
                    }
                    zone_offset = Some(off);
                    value = rest;
                }
            }
            Ok(())
        })();
        if !range_err.is_empty() {
            return Err(err(stdstr, value, &format!(": {range_err} out of range")));
        }
        if res.is_err() {
            return Err(err(stdstr, hold, ""));
        }
    }
    if pm_set && hour < 12 {
        hour += 12;
    } else if am_set && hour == 12 {
        hour = 0;
    }
    if yday >= 0 {
        let (mut d, mut m) = (0, 0);
        if is_leap(year) {
            if yday == 31 + 29 {
                m = 2;
                d = 29;
            } else if yday > 31 + 29 {
                yday -= 1;
            }
        }
        if !(1..=365).contains(&yday) {
            return Err(err("", value, ": day-of-year out of range"));
        }
        if m == 0 {
            m = (yday - 1) / 31 + 1;
            if days_before(m + 1) < yday {
                m += 1;
            }
            d = yday - days_before(m);
        }
        if month >= 0 && month != m {
            return Err(err("", value, ": day-of-year does not match month"));
        }
        month = m;
        if day >= 0 && day != d {
            return Err(err("", value, ": day-of-year does not match day"));
        }
        day = d;
    } else {
        if month < 0 {
            month = 1;
        }
        if day < 0 {
            day = 1;
        }
    }
    if day < 1 || day > days_in(month, year) {
        return Err(err("", value, ": day out of range"));
    }
    if let Some(z) = z {
        return Ok(Time::date(year, month, day, hour, min, sec, nsec, z));
    }
    if let Some(offset) = zone_offset {
        let t = Time::date(year, month, day, hour, min, sec, nsec, Location::Utc);
        let unix = t.sec - offset;
        let (name, local_off) = loc.lookup(unix);
        let t = Time { sec: unix, ..t };
        if i64::from(local_off) == offset && (zone_name.is_empty() || name == zone_name) {
            return Ok(t.in_location(loc));
        }
        return Ok(t.in_location(Location::Fixed(zone_name.into(), offset as i32)));
    }
    if !zone_name.is_empty() {
        let t = Time::date(year, month, day, hour, min, sec, nsec, Location::Utc);
        if let Some(offset) = loc.lookup_name(&zone_name, t.sec) {
            let t = Time {
                sec: t.sec - i64::from(offset),
                ..t
            };
            return Ok(t.in_location(loc));
        }
        let mut offset = 0;
        if zone_name.len() > 3 && zone_name.starts_with("GMT") {
            offset = atoi(&zone_name[3..]).unwrap_or(0) * 3600;
        }
        return Ok(t.in_location(Location::Fixed(zone_name.into(), offset as i32)));
    }
    Ok(Time::date(year, month, day, hour, min, sec, nsec, loc))
}

/// Days before the first of a month in a non-leap year (Go's `daysBefore`).
fn days_before(m: i64) -> i64 {
    const BEFORE: [i64; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    // Before January: none; past December: the whole year.
    usize::try_from(m - 1).map_or(0, |i| BEFORE.get(i).copied().unwrap_or(365))
}

/// A numeric zone offset (`-0700`, `-07:00`, `-07`, with seconds): (offset, rest, range
/// error).
fn parse_numeric_zone(std: Std, value: &str) -> Result<(i64, &str, Option<&'static str>), Bad> {
    let b = value.as_bytes();
    let n = value.len();
    let (sign, hour, min, seconds, rest) = match std {
        Std::Iso8601ColonTZ | Std::NumColonTZ => {
            if b.len() < 6 || b.get(3) != Some(&b':') {
                return Err(Bad);
            }
            (
                sub(value, 0, 1)?,
                sub(value, 1, 3)?,
                sub(value, 4, 6)?,
                "00",
                sub(value, 6, n)?,
            )
        }
        Std::NumShortTZ | Std::Iso8601ShortTZ => {
            if b.len() < 3 {
                return Err(Bad);
            }
            (
                sub(value, 0, 1)?,
                sub(value, 1, 3)?,
                "00",
                "00",
                sub(value, 3, n)?,
            )
        }
        Std::Iso8601ColonSecondsTZ | Std::NumColonSecondsTZ => {
            if b.len() < 9 || b.get(3) != Some(&b':') || b.get(6) != Some(&b':') {
                return Err(Bad);
            }
            (
                sub(value, 0, 1)?,
                sub(value, 1, 3)?,
                sub(value, 4, 6)?,
                sub(value, 7, 9)?,
                sub(value, 9, n)?,
            )
        }
        Std::Iso8601SecondsTZ | Std::NumSecondsTz => {
            if b.len() < 7 {
                return Err(Bad);
            }
            (
                sub(value, 0, 1)?,
                sub(value, 1, 3)?,
                sub(value, 3, 5)?,
                sub(value, 5, 7)?,
                sub(value, 7, n)?,
            )
        }
        _ => {
            if b.len() < 5 {
                return Err(Bad);
            }
            (
                sub(value, 0, 1)?,
                sub(value, 1, 3)?,
                sub(value, 3, 5)?,
                "00",
                sub(value, 5, n)?,
            )
        }
    };
    let hr = getnum(hour, true)?.0;
    let mm = getnum(min, true)?.0;
    let ss = getnum(seconds, true)?.0;
    let mut range = None;
    if hr > 24 {
        range = Some("time zone offset hour");
    }
    if mm > 60 {
        range = Some("time zone offset minute");
    }
    if ss > 60 {
        range = Some("time zone offset second");
    }
    let off = (hr * 60 + mm) * 60 + ss;
    let off = match sign {
        "+" => off,
        "-" => -off,
        _ => return Err(Bad),
    };
    Ok((off, rest, range))
}
