//! Go's `time` package as Sprig's date functions use it: `time.Time` (an instant, a location
//! and an optional monotonic reading), locations (`UTC`, `Local`, tz database zones, fixed
//! zones), Go's layout-based `Format` and `Parse`, `ParseDuration`, and `Time.String`.
//!
//! Written here because Go's layouts (`2006-01-02 15:04:05`) are unlike strftime, Go's times
//! span far more years than chrono's, and Go's parse rules and error texts are specific. The
//! tz database comes from `chrono-tz`; calendar arithmetic is our own on 64-bit seconds.

mod duration;
mod layout;

pub use duration::{parse_duration, round_duration};
pub use layout::ParseError;

use crate::value::{IntType, Method, Param, Value};
use chrono::{Offset, TimeZone};
use chrono_tz::{OffsetName, Tz};
use std::sync::{Arc, OnceLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Seconds from 0001-01-01 (Go's zero time) to the Unix epoch.
const ZERO_TO_UNIX: i64 = 62_135_596_800;
const SECONDS_PER_DAY: i64 = 86_400;

/// A location: what `time.Location` a time is shown in.
#[derive(Clone, Debug, PartialEq)]
pub enum Location {
    /// `time.UTC`.
    Utc,
    /// `time.Local`: the `TZ` variable, else `/etc/localtime`, else UTC.
    Local,
    /// A zone of the tz database.
    Zone(Tz),
    /// `time.FixedZone(name, offset)`.
    Fixed(Arc<str>, i32),
}

/// The zone `time.Local` stands for (`None`: UTC).
fn local_zone() -> Option<Tz> {
    static LOCAL: OnceLock<Option<Tz>> = OnceLock::new();
    *LOCAL.get_or_init(|| {
        let name = match std::env::var("TZ") {
            Ok(tz) if tz.is_empty() => return None,
            Ok(tz) => tz.trim_start_matches(':').to_string(),
            Err(_) => {
                let target = std::fs::read_link("/etc/localtime").ok()?;
                let target = target.to_string_lossy().into_owned();
                let (_, name) = target.split_once("zoneinfo/")?;
                name.to_string()
            }
        };
        let name = name
            .strip_prefix("/usr/share/zoneinfo/")
            .unwrap_or(&name)
            .to_string();
        name.parse::<Tz>().ok()
    })
}

/// The UTC offset and abbreviation of a tz zone at a Unix time.
fn zone_at(tz: Tz, unix: i64) -> (String, i32) {
    // chrono's range is about ±262,000 years; Go's rules beyond it are the last ones.
    const LIMIT: i64 = 8_000_000_000_000;
    let unix = unix.clamp(-LIMIT, LIMIT);
    match chrono::DateTime::from_timestamp(unix, 0) {
        Some(utc) => {
            let off = tz.offset_from_utc_datetime(&utc.naive_utc());
            let secs = off.fix().local_minus_utc();
            let name = off
                .abbreviation()
                .map_or_else(|| layout::numeric_zone_name(secs), str::to_string);
            (name, secs)
        }
        None => ("UTC".to_string(), 0),
    }
}

impl Location {
    /// `time.LoadLocation`: `""` and `"UTC"` are UTC, `"Local"` is local, anything else a
    /// tz database name.
    pub fn load(name: &str) -> Option<Location> {
        match name {
            "" | "UTC" => Some(Location::Utc),
            "Local" => Some(Location::Local),
            _ => name.parse::<Tz>().ok().map(Location::Zone),
        }
    }

    /// `Location.String()`.
    pub fn name(&self) -> String {
        match self {
            Location::Utc => "UTC".into(),
            Location::Local => "Local".into(),
            Location::Zone(tz) => tz.name().into(),
            Location::Fixed(name, _) => name.to_string(),
        }
    }

    /// The zone abbreviation and UTC offset in seconds in effect at a Unix time.
    pub fn lookup(&self, unix: i64) -> (String, i32) {
        match self {
            Location::Utc => ("UTC".into(), 0),
            Location::Local => match local_zone() {
                Some(tz) => zone_at(tz, unix),
                None => ("UTC".into(), 0),
            },
            Location::Zone(tz) => zone_at(*tz, unix),
            Location::Fixed(name, off) => (name.to_string(), *off),
        }
    }

    /// `lookupName`: the offset of a zone abbreviation this location uses, preferring one
    /// in effect at the given time. tz zones cannot list their abbreviations, so times
    /// around `unix` are probed (which finds daylight-saving pairs).
    fn lookup_name(&self, name: &str, unix: i64) -> Option<i32> {
        const DAY: i64 = SECONDS_PER_DAY;
        let mut fallback = None;
        for delta in [
            0,
            -91 * DAY,
            91 * DAY,
            -183 * DAY,
            183 * DAY,
            -274 * DAY,
            274 * DAY,
        ] {
            let (n, off) = self.lookup(unix.saturating_add(delta));
            if n != name {
                continue;
            }
            let (n2, off2) = self.lookup(unix.saturating_sub(i64::from(off)));
            if n2 == name {
                return Some(off2);
            }
            fallback.get_or_insert(off);
        }
        fallback
    }
}

/// `time.Month.String()`: the month's name, `%!Month(N)` out of range.
pub fn month_string(m: i64) -> String {
    layout::month_name(m).into_owned()
}

/// `time.Weekday.String()`: the day's name, `%!Weekday(N)` out of range.
pub fn weekday_string(d: i64) -> String {
    layout::weekday_name(d).into_owned()
}

impl Location {
    /// Whether daylight saving time is in effect at a Unix time (`Time.IsDST`).
    fn is_dst(&self, unix: i64) -> bool {
        let tz = match self {
            Location::Zone(tz) => *tz,
            Location::Local => match local_zone() {
                Some(tz) => tz,
                None => return false,
            },
            Location::Utc | Location::Fixed(..) => return false,
        };
        let unix = unix.clamp(-8_000_000_000_000, 8_000_000_000_000);
        chrono::DateTime::from_timestamp(unix, 0).is_some_and(|utc| {
            use chrono_tz::OffsetComponents;
            let off = tz.offset_from_utc_datetime(&utc.naive_utc());
            off.dst_offset() != chrono::TimeDelta::zero()
        })
    }
}

/// A Go `time.Time`.
#[derive(Clone, Debug, PartialEq)]
pub struct Time {
    /// Seconds since the Unix epoch.
    sec: i64,
    /// Nanoseconds within the second, 0..1e9.
    nsec: u32,
    /// The location the time is shown in.
    loc: Location,
    /// The monotonic clock reading in nanoseconds since process start, if any.
    mono: Option<i64>,
}

/// The instant the process's monotonic clock counts from.
fn process_start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01: (year, month 1..=12, day 1..=31).
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Whether a year is a leap year.
pub(crate) fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in a month of a year.
pub(crate) fn days_in(month: i64, year: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The wall-clock fields of a time in its location.
#[derive(Clone, Debug)]
pub struct Fields {
    /// The year, e.g. 2024 (may be far outside chrono's range).
    pub year: i64,
    /// 1 to 12.
    pub month: i64,
    /// Day of the month, 1 to 31.
    pub day: i64,
    /// Day of the year, 1 to 366.
    pub yday: i64,
    /// 0 (Sunday) to 6.
    pub weekday: i64,
    /// 0 to 23.
    pub hour: i64,
    /// 0 to 59.
    pub min: i64,
    /// 0 to 59.
    pub sec: i64,
    /// Nanoseconds within the second.
    pub nsec: u32,
    /// The zone's abbreviation, e.g. `UTC` or `CET`.
    pub zone: String,
    /// The zone's offset east of UTC, in seconds.
    pub offset: i32,
}

impl Time {
    /// `time.Now()`: local, with a monotonic reading.
    pub fn now() -> Time {
        let start = process_start();
        let (sec, nsec) = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => {
                let d = e.duration();
                let (s, n) = (d.as_secs() as i64, d.subsec_nanos());
                if n == 0 {
                    (-s, 0)
                } else {
                    (-s - 1, 1_000_000_000 - n)
                }
            }
        };
        // Go's monotonic clock starts a little before the first reading.
        let mono = i64::try_from(start.elapsed().as_nanos()).unwrap_or(i64::MAX) + 1;
        Time {
            sec,
            nsec,
            loc: Location::Local,
            mono: Some(mono),
        }
    }

    /// The zero `time.Time`: 0001-01-01 00:00:00 UTC.
    pub fn zero() -> Time {
        Time {
            sec: -ZERO_TO_UNIX,
            nsec: 0,
            loc: Location::Utc,
            mono: None,
        }
    }

    /// `time.Unix(sec, 0)`: local.
    pub fn unix(sec: i64) -> Time {
        Time {
            sec,
            nsec: 0,
            loc: Location::Local,
            mono: None,
        }
    }

    /// `time.Date`: fields out of range are normalized (month 13 is January of the next
    /// year); the wall clock is interpreted in `loc`.
    #[allow(clippy::too_many_arguments)]
    pub fn date(
        year: i64,
        month: i64,
        day: i64,
        hour: i64,
        min: i64,
        sec: i64,
        nsec: i64,
        loc: Location,
    ) -> Time {
        let m0 = month - 1;
        let year = year + m0.div_euclid(12);
        let month = m0.rem_euclid(12) + 1;
        let sec = sec + nsec.div_euclid(1_000_000_000);
        let nsec = nsec.rem_euclid(1_000_000_000) as u32;
        let days = days_from_civil(year, month, 1) + day - 1;
        let wall = days
            .saturating_mul(SECONDS_PER_DAY)
            .saturating_add(hour.saturating_mul(3600))
            .saturating_add(min.saturating_mul(60))
            .saturating_add(sec);
        let mut unix = wall;
        let (_, offset) = loc.lookup(wall);
        if offset != 0 {
            let utc = wall - i64::from(offset);
            let (_, offset2) = loc.lookup(utc);
            unix = wall - i64::from(offset2);
        }
        Time {
            sec: unix,
            nsec,
            loc,
            mono: None,
        }
    }

    /// Seconds since the Unix epoch (`Unix()`).
    pub fn unix_seconds(&self) -> i64 {
        self.sec
    }

    /// Nanoseconds within the second.
    pub fn nanosecond(&self) -> u32 {
        self.nsec
    }

    /// The location.
    pub fn location(&self) -> &Location {
        &self.loc
    }

    /// `In(loc)`: the same instant shown in another location (drops the monotonic reading).
    pub fn in_location(&self, loc: Location) -> Time {
        Time {
            loc,
            mono: None,
            ..self.clone()
        }
    }

    /// Whether this is the zero time.
    pub fn is_zero(&self) -> bool {
        self.sec == -ZERO_TO_UNIX && self.nsec == 0
    }

    /// Nanoseconds since the Unix epoch, as i128.
    fn total_nanos(&self) -> i128 {
        i128::from(self.sec) * 1_000_000_000 + i128::from(self.nsec)
    }

    fn from_total_nanos(n: i128, loc: Location, mono: Option<i64>) -> Time {
        let sec = n.div_euclid(1_000_000_000);
        let nsec = n.rem_euclid(1_000_000_000) as u32;
        Time {
            sec: sec.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64,
            nsec,
            loc,
            mono,
        }
    }

    /// `Add(d)`: keeps the monotonic reading unless it would overflow.
    pub fn add(&self, d: i64) -> Time {
        let mono = self.mono.and_then(|m| m.checked_add(d));
        Time::from_total_nanos(self.total_nanos() + i128::from(d), self.loc.clone(), mono)
    }

    /// `Sub(u)`: by monotonic readings when both have one, saturating at the
    /// `time.Duration` range.
    pub fn sub(&self, u: &Time) -> i64 {
        if let (Some(a), Some(b)) = (self.mono, u.mono) {
            return a.saturating_sub(b);
        }
        let d = self.total_nanos() - u.total_nanos();
        d.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }

    /// `time.Since(t)`.
    pub fn since(&self) -> i64 {
        Time::now().sub(self)
    }

    /// `AddDate(years, months, days)`.
    pub fn add_date(&self, years: i64, months: i64, days: i64) -> Time {
        let f = self.fields();
        Time::date(
            f.year + years,
            f.month + months,
            f.day + days,
            f.hour,
            f.min,
            f.sec,
            i64::from(f.nsec),
            self.loc.clone(),
        )
    }

    /// `Truncate(d)`/`Round(d)` of a time: multiples of `d` since the zero time; drops the
    /// monotonic reading.
    pub fn round_to(&self, d: i64, round: bool) -> Time {
        let mut t = Time {
            mono: None,
            ..self.clone()
        };
        if d <= 0 {
            return t;
        }
        let since_zero = self.total_nanos() + i128::from(ZERO_TO_UNIX) * 1_000_000_000;
        let d128 = i128::from(d);
        let r = since_zero.rem_euclid(d128);
        let mut n = self.total_nanos() - r;
        if round && r + r >= d128 {
            n += d128;
        }
        t = Time::from_total_nanos(n, t.loc, None);
        t
    }

    /// The wall-clock fields in the time's location.
    pub fn fields(&self) -> Fields {
        let (zone, offset) = self.loc.lookup(self.sec);
        let local = i128::from(self.sec) + i128::from(offset);
        let days = local.div_euclid(i128::from(SECONDS_PER_DAY)) as i64;
        let secs = local.rem_euclid(i128::from(SECONDS_PER_DAY)) as i64;
        let (year, month, day) = civil_from_days(days);
        let yday = days - days_from_civil(year, 1, 1) + 1;
        Fields {
            year,
            month,
            day,
            yday,
            weekday: (days + 4).rem_euclid(7),
            hour: secs / 3600,
            min: secs % 3600 / 60,
            sec: secs % 60,
            nsec: self.nsec,
            zone,
            offset,
        }
    }

    /// `IsDST()`.
    pub fn is_dst(&self) -> bool {
        self.loc.is_dst(self.sec)
    }

    /// `Weekday()` (0 is Sunday).
    pub fn weekday(&self) -> i64 {
        self.fields().weekday
    }

    /// `Month()` (1 is January).
    pub fn month(&self) -> i64 {
        self.fields().month
    }

    /// `GoString()`: `time.Date(2024, time.March, 9, 13, 45, 30, 0, time.Local)`.
    pub fn go_syntax(&self) -> String {
        let f = self.fields();
        let month = match f.month {
            1..=12 => format!("time.{}", month_string(f.month)),
            m => m.to_string(),
        };
        let loc = match &self.loc {
            Location::Utc => "time.UTC".to_string(),
            Location::Local => "time.Local".to_string(),
            other => format!("time.Location({})", crate::strconv::quote(&other.name())),
        };
        format!(
            "time.Date({}, {month}, {}, {}, {}, {}, {}, {loc})",
            f.year, f.day, f.hour, f.min, f.sec, f.nsec
        )
    }

    /// `MarshalText()`: RFC 3339 with nanoseconds; `what` names the method in the error Go
    /// returns for a year outside 0..=9999.
    pub fn marshal_text(&self, what: &str) -> Result<String, String> {
        if !(0..=9999).contains(&self.fields().year) {
            return Err(format!("{what}: year outside of range [0,9999]"));
        }
        Ok(self.format("2006-01-02T15:04:05.999999999Z07:00"))
    }

    /// `MarshalBinary()`: version, seconds since year 1, nanoseconds, zone offset in minutes
    /// (-1 for UTC), and the offset's seconds in version 2.
    pub fn marshal_binary(&self) -> Result<Vec<u8>, String> {
        let (mut version, mut offset_min, mut offset_sec) = (1u8, -1i16, 0i8);
        if self.loc != Location::Utc {
            let (_, offset) = self.loc.lookup(self.sec);
            if offset % 60 != 0 {
                version = 2;
                offset_sec = (offset % 60) as i8;
            }
            let minutes = offset / 60;
            if !(-32768..=32767).contains(&minutes) || minutes == -1 {
                return Err("Time.MarshalBinary: unexpected zone offset".into());
            }
            offset_min = minutes as i16;
        }
        let sec = self.sec.wrapping_add(ZERO_TO_UNIX);
        let mut out = vec![version];
        out.extend_from_slice(&sec.to_be_bytes());
        out.extend_from_slice(&(self.nsec as i32).to_be_bytes());
        out.extend_from_slice(&offset_min.to_be_bytes());
        if version == 2 {
            out.push(offset_sec as u8);
        }
        Ok(out)
    }

    /// `Format(layout)`.
    pub fn format(&self, layout: &str) -> String {
        layout::format(self, layout)
    }

    /// `String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, then ` m=±s.nnnnnnnnn` if
    /// the time has a monotonic reading.
    pub fn go_string(&self) -> String {
        let mut s = self.format("2006-01-02 15:04:05.999999999 -0700 MST");
        if let Some(m) = self.mono {
            let sign = if m < 0 { '-' } else { '+' };
            let u = m.unsigned_abs();
            s.push_str(&format!(
                " m={sign}{}.{:09}",
                u / 1_000_000_000,
                u % 1_000_000_000
            ));
        }
        s
    }

    /// `ParseInLocation(layout, value, loc)`.
    pub fn parse_in_location(layout: &str, value: &str, loc: Location) -> Result<Time, ParseError> {
        layout::parse(layout, value, loc)
    }
}

/// The methods of Go's named integer types from `time` (`time.Duration`, `time.Month`,
/// `time.Weekday`).
pub fn int_method(t: IntType, name: &str) -> Option<Method> {
    Some(match (t, name) {
        (IntType::Duration | IntType::Month | IntType::Weekday, "String") => Method::fixed(&[]),
        (
            IntType::Duration,
            "Hours" | "Minutes" | "Seconds" | "Milliseconds" | "Microseconds" | "Nanoseconds"
            | "Abs",
        ) => Method::fixed(&[]),
        (IntType::Duration, "Round" | "Truncate") => Method::fixed(&[Param::Duration]),
        _ => return None,
    })
}

/// Calls a method of [`int_method`].
pub fn call_int_method(i: i64, t: IntType, name: &str, args: &[Value]) -> Result<Value, String> {
    const SECOND: i64 = 1_000_000_000;
    let ratio = |unit: i64| (i / unit) as f64 + (i % unit) as f64 / unit as f64;
    let m = match args.first() {
        Some(Value::Int(m, _)) => *m,
        _ => 0,
    };
    Ok(match name {
        "String" => Value::string(t.stringer(i).unwrap_or_default()),
        "Hours" => Value::Float(ratio(3600 * SECOND)),
        "Minutes" => Value::Float(ratio(60 * SECOND)),
        "Seconds" => Value::Float(ratio(SECOND)),
        "Milliseconds" => Value::int64(i / 1_000_000),
        "Microseconds" => Value::int64(i / 1_000),
        "Nanoseconds" => Value::int64(i),
        "Abs" => Value::Int(
            match i {
                i64::MIN => i64::MAX,
                _ => i.abs(),
            },
            IntType::Duration,
        ),
        "Round" => Value::Int(round_duration(i, m), IntType::Duration),
        "Truncate" if m <= 0 => Value::Int(i, IntType::Duration),
        "Truncate" => Value::Int(i - i % m, IntType::Duration),
        _ => return Err(format!("no method {name}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips() {
        for days in [-719_162, -1, 0, 1, 11_016, 2_932_896, 106_751_991_167_300] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-719_162), (1, 1, 1));
    }

    #[test]
    fn strings_follow_go() {
        assert_eq!(Time::zero().go_string(), "0001-01-01 00:00:00 +0000 UTC");
        let t = Time::unix(1_136_239_445).in_location(Location::Utc);
        assert_eq!(t.go_string(), "2006-01-02 22:04:05 +0000 UTC");
        let ny = Location::load("America/New_York").unwrap_or(Location::Utc);
        assert_eq!(
            t.in_location(ny).go_string(),
            "2006-01-02 17:04:05 -0500 EST"
        );
    }
}
