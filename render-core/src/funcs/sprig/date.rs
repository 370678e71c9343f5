//! Sprig's date functions (date.go) and the `time` values they pass around, with the method
//! sets Go gives them: `time.Time` (`Year`, `Month`, `Weekday`, `Format`, `In`, `Add`,
//! `MarshalJSON`, ...), `time.Duration` (`Hours`, `Round`, ...), `time.Month` and
//! `time.Weekday` (`String`) and `*time.Location`. Methods whose results templates cannot use
//! (`Date`, `Clock`, `Zone`, ...) fail with Go's text.
//!
//! Sprig's type switches decide what a date argument means: `time.Time` as is, `int`,
//! `int32`, `int64` as Unix seconds (`ago` takes no `int32`), anything else (a values
//! `float64` included) as the current time.

use crate::template::args::{ArgList, Duration, GoType, Named};
use crate::funcs::entropy;
use crate::template::{CallError, FuncTable};
use render_go::time::{self, Location, Time};
use render_go::value::{IntType, Method, Object, ObjectKind, Param, Value};
use std::any::Any;
use std::cmp::Ordering;
use std::sync::Arc;

/// Go's name of the type.
const TIME_TYPE: &str = "time.Time";
const TIME: Param = Param::Named(TIME_TYPE);

/// A `time.Time` value.
#[derive(Debug, Clone)]
pub struct TimeValue(pub Time);

impl TimeValue {
    /// Wraps a time as a template value.
    pub fn value(t: Time) -> Value {
        Value::Object(Arc::new(TimeValue(t)))
    }
}

/// The time a `time.Time` argument holds.
fn time_of(v: &Value) -> Option<&Time> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<TimeValue>().map(|t| &t.0),
        _ => None,
    }
}

/// Orders two instants as Go's `Compare` does (by monotonic readings when both have one).
fn compare(a: &Time, b: &Time) -> Ordering {
    a.sub(b).cmp(&0)
}

const NO_ARGS: Method = Method::fixed(&[]);
const LOCATION_TYPE: &str = "*time.Location";

/// A `*time.Location` (what `Time.Location` returns and `Time.In` takes).
#[derive(Debug, Clone)]
pub struct LocationValue(pub Location);

impl Object for LocationValue {
    fn type_name(&self) -> &str {
        LOCATION_TYPE
    }

    fn kind(&self) -> ObjectKind {
        ObjectKind::Ptr
    }

    fn field(&self, _name: &str) -> Option<Value> {
        None
    }

    fn method(&self, name: &str) -> Option<Method> {
        (name == "String").then_some(NO_ARGS)
    }

    fn call(&self, name: &str, _args: &[Value]) -> Result<Value, String> {
        match name {
            "String" => Ok(Value::string(self.0.name())),
            _ => Err(format!("no method {name}")),
        }
    }

    /// `*time.Location` is a `fmt.Stringer`.
    fn write_go(&self, out: &mut String, _plus: bool) {
        out.push_str(&self.0.name());
    }

    /// encoding/json writes the struct's exported fields: it has none.
    fn to_plain(&self) -> Value {
        Value::empty_map()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Methods of `time.Time` whose results text/template refuses, with Go's `goodFunc` text.
const UNUSABLE: &[(&str, &str)] = &[
    (
        "Date",
        "function Date has 3 return values; should be 1 or 2",
    ),
    (
        "Clock",
        "function Clock has 3 return values; should be 1 or 2",
    ),
    (
        "Zone",
        "invalid function signature for Zone: second return value should be error; is int",
    ),
    (
        "ISOWeek",
        "invalid function signature for ISOWeek: second return value should be error; is int",
    ),
    (
        "ZoneBounds",
        "invalid function signature for ZoneBounds: second return value should be error; is time.Time",
    ),
];

impl Object for TimeValue {
    fn type_name(&self) -> &str {
        TIME_TYPE
    }

    fn kind(&self) -> ObjectKind {
        ObjectKind::Struct
    }

    fn field(&self, _name: &str) -> Option<Value> {
        None
    }

    fn method(&self, name: &str) -> Option<Method> {
        if let Some((_, why)) = UNUSABLE.iter().find(|(n, _)| *n == name) {
            return Some(Method::unusable(&[], why));
        }
        Some(match name {
            "Year" | "YearDay" | "Day" | "Hour" | "Minute" | "Second" | "Nanosecond" | "Unix"
            | "UnixMilli" | "UnixMicro" | "UnixNano" | "String" | "UTC" | "Local" | "IsZero"
            | "Month" | "Weekday" | "Location" | "IsDST" | "GoString" | "MarshalJSON"
            | "MarshalText" | "MarshalBinary" | "GobEncode" => NO_ARGS,
            "Format" => Method::fixed(&[Param::String]),
            "AppendFormat" => Method::fixed(&[Param::Bytes, Param::String]),
            "AppendBinary" | "AppendText" => Method::fixed(&[Param::Bytes]),
            "In" => Method::fixed(&[Param::Named(LOCATION_TYPE)]),
            "Before" | "After" | "Equal" | "Compare" | "Sub" => Method::fixed(&[TIME]),
            "Add" | "Truncate" | "Round" => Method::fixed(&[Param::Duration]),
            "AddDate" => Method::fixed(&[Param::Int, Param::Int, Param::Int]),
            _ => return None,
        })
    }

    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let t = &self.0;
        let f = || t.fields();
        let other = || {
            args.first()
                .and_then(time_of)
                .cloned()
                .unwrap_or_else(Time::zero)
        };
        let sec = t.unix_seconds();
        let nsec = i64::from(t.nanosecond());
        Ok(match name {
            "Year" => Value::int(f().year),
            "YearDay" => Value::int(f().yday),
            "Day" => Value::int(f().day),
            "Hour" => Value::int(f().hour),
            "Minute" => Value::int(f().min),
            "Second" => Value::int(f().sec),
            "Nanosecond" => Value::int(nsec),
            "Unix" => Value::int64(sec),
            "UnixMilli" => Value::int64(sec.wrapping_mul(1_000).wrapping_add(nsec / 1_000_000)),
            "UnixMicro" => Value::int64(sec.wrapping_mul(1_000_000).wrapping_add(nsec / 1_000)),
            "UnixNano" => Value::int64(sec.wrapping_mul(1_000_000_000).wrapping_add(nsec)),
            "String" => Value::string(t.go_string()),
            "Format" => {
                let (layout,) = <(&str,)>::take(args)?;
                Value::string(t.format(layout))
            }
            "UTC" => TimeValue::value(t.in_location(Location::Utc)),
            "Local" => TimeValue::value(t.in_location(Location::Local)),
            "IsZero" => Value::Bool(t.is_zero()),
            "Before" => Value::Bool(compare(t, &other()) == Ordering::Less),
            "After" => Value::Bool(compare(t, &other()) == Ordering::Greater),
            "Equal" => Value::Bool(compare(t, &other()) == Ordering::Equal),
            "Compare" => Value::int(match compare(t, &other()) {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            }),
            "Sub" => Value::Int(t.sub(&other()), IntType::Duration),
            "Add" | "Truncate" | "Round" => {
                let (Duration(d),) = <(Duration,)>::take(args)?;
                TimeValue::value(match name {
                    "Add" => t.add(d),
                    _ => t.round_to(d, name == "Round"),
                })
            }
            "AddDate" => {
                let (years, months, days) = <(i64, i64, i64)>::take(args)?;
                TimeValue::value(t.add_date(years, months, days))
            }
            "Month" => Value::Int(t.month(), IntType::Month),
            "Weekday" => Value::Int(t.weekday(), IntType::Weekday),
            "Location" => Value::Object(Arc::new(LocationValue(t.location().clone()))),
            "In" => match args.first() {
                Some(Value::Object(o)) => match o.as_any().downcast_ref::<LocationValue>() {
                    Some(loc) => TimeValue::value(t.in_location(loc.0.clone())),
                    None => return Err("time: missing Location in call to Time.In".into()),
                },
                _ => return Err("time: missing Location in call to Time.In".into()),
            },
            "IsDST" => Value::Bool(t.is_dst()),
            "GoString" => Value::string(t.go_syntax()),
            "MarshalJSON" => {
                let text = t.marshal_text("Time.MarshalJSON")?;
                Value::Bytes(format!("\"{text}\"").into_bytes().into())
            }
            "MarshalText" => Value::Bytes(t.marshal_text("Time.MarshalText")?.into_bytes().into()),
            "MarshalBinary" | "GobEncode" => Value::Bytes(t.marshal_binary()?.into()),
            "AppendFormat" | "AppendBinary" | "AppendText" => {
                let mut b = match args.first() {
                    Some(Value::Bytes(b)) => b.to_vec(),
                    _ => Vec::new(),
                };
                match name {
                    "AppendFormat" => {
                        let (_, layout) = <(&[u8], &str)>::take(args)?;
                        b.extend_from_slice(&render_go::value::rawbytes::decode(&t.format(layout)));
                    }
                    "AppendBinary" => b.extend(t.marshal_binary()?),
                    _ => b.extend_from_slice(t.marshal_text("Time.AppendText")?.as_bytes()),
                }
                Value::Bytes(b.into())
            }
            _ => return Err(format!("no method {name}")),
        })
    }

    /// `time.Time` is a `fmt.Stringer`.
    fn write_go(&self, out: &mut String, _plus: bool) {
        out.push_str(&self.0.go_string());
    }

    /// `MarshalJSON` writes RFC 3339 with nanoseconds.
    fn to_plain(&self) -> Value {
        Value::string(self.0.format("2006-01-02T15:04:05.999999999Z07:00"))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The time `dateInZone` and `date` make of their argument.
fn date_arg(v: &Value) -> Time {
    match v {
        Value::Int(i, IntType::Int | IntType::Int32 | IntType::Int64) => Time::unix(*i),
        other => time_of(other).cloned().unwrap_or_else(entropy::now),
    }
}

/// Sprig's `dateInZone`: an unknown zone is UTC.
fn date_in_zone(layout: &str, date: &Value, zone: &str) -> Value {
    let loc = Location::load(zone).unwrap_or(Location::Utc);
    Value::string(date_arg(date).in_location(loc).format(layout))
}

/// Sprig's `durationRound`: the largest whole unit (y, mo, d, h, m, s) that fits.
fn duration_round(v: &Value) -> String {
    let d = match v {
        Value::Str(s) => time::parse_duration(s).unwrap_or(0),
        Value::Int(i, IntType::Int64) => *i,
        other => time_of(other).map_or(0, |t| entropy::now().sub(t)),
    };
    let u = d.unsigned_abs();
    const SECOND: u64 = 1_000_000_000;
    const MINUTE: u64 = 60 * SECOND;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    const MONTH: u64 = 30 * DAY;
    const YEAR: u64 = 365 * DAY;
    for (unit, suffix) in [
        (YEAR, "y"),
        (MONTH, "mo"),
        (DAY, "d"),
        (HOUR, "h"),
        (MINUTE, "m"),
        (SECOND, "s"),
    ] {
        if u > unit {
            return format!("{}{suffix}", u / unit);
        }
    }
    "0s".to_string()
}

fn to_date(layout: &str, value: &str) -> Result<Time, String> {
    Time::parse_in_location(layout, value, Location::Local).map_err(|e| e.to_string())
}

fn date_modify(offset: &str, date: &Time) -> Result<Time, String> {
    time::parse_duration(offset).map(|d| date.add(d))
}

/// A `time.Time` parameter.
struct TimeType;

impl GoType for TimeType {
    const NAME: &'static str = TIME_TYPE;
}

/// The time of a checked `time.Time` argument.
fn time_arg(t: Named<TimeType>) -> Time {
    time_of(t.0).cloned().unwrap_or_else(Time::zero)
}

pub(super) fn register(t: &mut FuncTable) {
    t.func("now", || TimeValue::value(entropy::now()));
    t.func("date", |layout: &str, date: &Value| date_in_zone(layout, date, "Local"));
    t.func("htmlDate", |date: &Value| date_in_zone("2006-01-02", date, "Local"));
    t.func("htmlDateInZone", |date: &Value, zone: &str| {
        date_in_zone("2006-01-02", date, zone)
    });
    for name in ["dateInZone", "date_in_zone"] {
        t.func(name, |layout: &str, date: &Value, zone: &str| {
            date_in_zone(layout, date, zone)
        });
    }
    for name in ["dateModify", "date_modify"] {
        t.func(name, |offset: &str, date: Named<TimeType>| {
            let date = time_arg(date);
            TimeValue::value(date_modify(offset, &date).unwrap_or(date))
        });
    }
    for name in ["mustDateModify", "must_date_modify"] {
        t.func(name, |offset: &str, date: Named<TimeType>| {
            date_modify(offset, &time_arg(date))
                .map(TimeValue::value)
                .map_err(CallError::msg)
        });
    }
    t.func("ago", |date: &Value| {
        let t = match date {
            Value::Int(i, IntType::Int | IntType::Int64) => Time::unix(*i),
            other => time_of(other).cloned().unwrap_or_else(entropy::now),
        };
        let d = time::round_duration(entropy::now().sub(&t), 1_000_000_000);
        render_go::value::convert::duration_string(d)
    });
    t.func("duration", |seconds: &Value| {
        let n = match seconds {
            // Sprig ignores the error: out-of-range text is the nearest int64.
            Value::Str(s) => render_go::strconv::parse_int_ignoring_error(s, 10, 64),
            Value::Int(i, IntType::Int64) => *i,
            _ => 0,
        };
        render_go::value::convert::duration_string(n.wrapping_mul(1_000_000_000))
    });
    t.func("durationRound", duration_round);
    t.func("toDate", |layout: &str, value: &str| {
        TimeValue::value(to_date(layout, value).unwrap_or_else(|_| Time::zero()))
    });
    t.func("mustToDate", |layout: &str, value: &str| {
        to_date(layout, value)
            .map(TimeValue::value)
            .map_err(CallError::msg)
    });
    t.func("unixEpoch", |date: Named<TimeType>| time_arg(date).unix_seconds().to_string());
}
