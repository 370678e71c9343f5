//! The Go `time.Time` values BurntSushi/toml decodes TOML datetimes into.
//!
//! Templates see them through `%v` (`1979-05-27 07:32:00 +0000 UTC`, and for TOML's local
//! kinds the zone names `datetime-local`, `date-local`, `time-local`), through `toJson`
//! (`time.Time.MarshalJSON`: RFC 3339 with nanoseconds) and through `toToml`, which writes each
//! kind back in its own layout. The machine's local zone is taken to be UTC, as in the
//! containers Helm usually runs in.

use crate::value::{Object, ObjectKind, Value};
use std::any::Any;

/// Which kind of TOML datetime a value came from (Go: its `*time.Location`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// `Z`, or an offset equal to the local zone's: Go's `UTC`/`Local`, printed `UTC`.
    Utc,
    /// Any other offset: an unnamed fixed zone, printed as the offset (`-0700`).
    Fixed,
    /// A local date-time (no offset): zone `datetime-local`.
    LocalDatetime,
    /// A local date: zone `date-local`.
    LocalDate,
    /// A local time: zone `time-local`, on Go's zero date 0000-01-01.
    LocalTime,
}

/// A decoded TOML datetime (Go `time.Time`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Datetime {
    /// Calendar year (0 for a local time).
    pub year: i32,
    /// Month 1-12.
    pub month: u8,
    /// Day of month 1-31.
    pub day: u8,
    /// Hour 0-23.
    pub hour: u8,
    /// Minute 0-59.
    pub minute: u8,
    /// Second 0-59.
    pub second: u8,
    /// Nanoseconds 0-999999999.
    pub nanos: u32,
    /// Offset from UTC in seconds (0 for the local kinds).
    pub offset: i32,
    /// The kind of datetime.
    pub zone: Zone,
}

fn push_fraction(out: &mut String, nanos: u32) {
    if nanos == 0 {
        return;
    }
    let digits = format!("{nanos:09}");
    out.push('.');
    out.push_str(digits.trim_end_matches('0'));
}

impl Datetime {
    fn push_date(&self, out: &mut String) {
        out.push_str(&format!(
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        ));
    }

    fn push_clock(&self, out: &mut String) {
        out.push_str(&format!(
            "{:02}:{:02}:{:02}",
            self.hour, self.minute, self.second
        ));
        push_fraction(out, self.nanos);
    }

    fn push_offset(&self, out: &mut String, colon: bool) {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let m = self.offset.unsigned_abs() / 60;
        let sep = if colon { ":" } else { "" };
        out.push_str(&format!("{sign}{:02}{sep}{:02}", m / 60, m % 60));
    }

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
    pub fn go_string(&self) -> String {
        let mut out = String::new();
        self.push_date(&mut out);
        out.push(' ');
        self.push_clock(&mut out);
        out.push(' ');
        self.push_offset(&mut out, false);
        out.push(' ');
        match self.zone {
            Zone::Utc => out.push_str("UTC"),
            Zone::Fixed => self.push_offset(&mut out, false),
            Zone::LocalDatetime => out.push_str("datetime-local"),
            Zone::LocalDate => out.push_str("date-local"),
            Zone::LocalTime => out.push_str("time-local"),
        }
        out
    }

    /// Go's `time.RFC3339Nano` layout (what `MarshalJSON` writes, unquoted).
    pub fn rfc3339_nano(&self) -> String {
        let mut out = String::new();
        self.push_date(&mut out);
        out.push('T');
        self.push_clock(&mut out);
        if self.offset == 0 {
            out.push('Z');
        } else {
            self.push_offset(&mut out, true);
        }
        out
    }

    /// How BurntSushi/toml's encoder writes the value: each kind in its own layout.
    pub fn toml_text(&self) -> String {
        let mut out = String::new();
        match self.zone {
            Zone::LocalDatetime => {
                self.push_date(&mut out);
                out.push('T');
                self.push_clock(&mut out);
            }
            Zone::LocalDate => self.push_date(&mut out),
            Zone::LocalTime => self.push_clock(&mut out),
            Zone::Utc | Zone::Fixed => out = self.rfc3339_nano(),
        }
        out
    }
}

impl Object for Datetime {
    fn type_name(&self) -> &str {
        "time.Time"
    }

    fn kind(&self) -> ObjectKind {
        ObjectKind::Struct
    }

    fn field(&self, _name: &str) -> Option<Value> {
        None
    }

    fn write_go(&self, out: &mut String, _plus: bool) {
        out.push_str(&self.go_string());
    }

    fn to_plain(&self) -> Value {
        Value::string(self.rfc3339_nano())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Reads exactly `n` digits.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let d = s.get(..n)?;
    if !d.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((d.parse().ok()?, s.get(n..)?))
}

/// `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<((i32, u8, u8), &str)> {
    let (y, s) = digits(s, 4)?;
    let s = s.strip_prefix('-')?;
    let (m, s) = digits(s, 2)?;
    let s = s.strip_prefix('-')?;
    let (d, s) = digits(s, 2)?;
    let year = i32::try_from(y).ok()?;
    if !(1..=12).contains(&m)
        || d < 1
        || i64::from(d) > crate::time::days_in(i64::from(m), i64::from(year))
    {
        return None;
    }
    Some(((year, m as u8, d as u8), s))
}

/// Hour, minute, second, nanoseconds.
type Clock = (u8, u8, u8, u32);

/// `HH:MM[:SS[.fraction]]` (seconds optional as in TOML 1.1; fraction digits past nine are
/// dropped, as Go does).
fn parse_clock(s: &str) -> Option<(Clock, &str)> {
    let (h, s) = digits(s, 2)?;
    let s = s.strip_prefix(':')?;
    let (m, mut s) = digits(s, 2)?;
    let mut sec = 0;
    let mut nanos = 0;
    if let Some(rest) = s.strip_prefix(':') {
        let (x, rest) = digits(rest, 2)?;
        sec = x;
        s = rest;
        if let Some(frac) = s.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            // Go takes any number of digits and keeps nine.
            let kept = n.min(9);
            let (f, _) = digits(frac, kept)?;
            nanos = f * 10u32.pow(9 - kept as u32);
            s = frac.get(n..)?;
        }
    }
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    Some(((h as u8, m as u8, sec as u8, nanos), s))
}

/// `Z` or `±HH:MM`, in seconds east of UTC.
fn parse_offset(s: &str) -> Option<(Option<i32>, &str)> {
    if let Some(rest) = s.strip_prefix('Z') {
        return Some((None, rest));
    }
    let sign = match s.get(..1)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let (h, rest) = digits(s.get(1..)?, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (m, rest) = digits(rest, 2)?;
    if h > 24 || m > 60 {
        return None;
    }
    Some((Some(sign * (h as i32 * 3600 + m as i32 * 60)), rest))
}

impl Datetime {
    /// A TOML datetime in the layouts BurntSushi accepts (Go's `time.ParseInLocation` with
    /// its formats, after `t`/space → `T` and `z` → `Z`): offset date-time, local date-time,
    /// local date, local time, seconds optional; `None` if Go would reject it (bad field
    /// widths, out-of-range fields, trailing text).
    pub fn parse_toml(s: &str) -> Option<Datetime> {
        let blank = Datetime {
            year: 0,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            offset: 0,
            zone: Zone::LocalDate,
        };
        if let Some(((hour, minute, second, nanos), "")) = parse_clock(s) {
            return Some(Datetime {
                hour,
                minute,
                second,
                nanos,
                zone: Zone::LocalTime,
                ..blank
            });
        }
        let ((year, month, day), rest) = parse_date(s)?;
        let date = Datetime {
            year,
            month,
            day,
            ..blank
        };
        if rest.is_empty() {
            return Some(date);
        }
        let rest = rest.strip_prefix('T')?;
        let ((hour, minute, second, nanos), rest) = parse_clock(rest)?;
        let dt = Datetime {
            hour,
            minute,
            second,
            nanos,
            zone: Zone::LocalDatetime,
            ..date
        };
        if rest.is_empty() {
            return Some(dt);
        }
        match parse_offset(rest)? {
            (None, "") => Some(Datetime {
                zone: Zone::Utc,
                ..dt
            }),
            // The local zone is UTC, so a zero offset is Go's Local, printed as UTC.
            (Some(0), "") => Some(Datetime {
                zone: Zone::Utc,
                ..dt
            }),
            (Some(off), "") => Some(Datetime {
                offset: off,
                zone: Zone::Fixed,
                ..dt
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(zone: Zone, offset: i32, nanos: u32) -> Datetime {
        Datetime {
            year: 1979,
            month: 5,
            day: 27,
            hour: 0,
            minute: 32,
            second: 0,
            nanos,
            offset,
            zone,
        }
    }

    // expected values from helm-oracle (`fromToml` then `%v`, `toJson`, `toToml`)
    #[test]
    fn prints_like_go() {
        let t = dt(Zone::Fixed, -7 * 3600, 999_999_000);
        assert_eq!(t.go_string(), "1979-05-27 00:32:00.999999 -0700 -0700");
        assert_eq!(t.toml_text(), "1979-05-27T00:32:00.999999-07:00");
        let t = dt(Zone::Utc, 0, 0);
        assert_eq!(t.go_string(), "1979-05-27 00:32:00 +0000 UTC");
        assert_eq!(t.rfc3339_nano(), "1979-05-27T00:32:00Z");
        let t = dt(Zone::LocalDate, 0, 0);
        assert_eq!(t.toml_text(), "1979-05-27");
        let t = Datetime {
            year: 0,
            month: 1,
            day: 1,
            hour: 7,
            ..dt(Zone::LocalTime, 0, 500_000_000)
        };
        assert_eq!(t.go_string(), "0000-01-01 07:32:00.5 +0000 time-local");
        assert_eq!(t.toml_text(), "07:32:00.5");
    }
}
