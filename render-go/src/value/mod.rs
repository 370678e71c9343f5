//! The value model: the Go values that Helm templates see.
//!
//! Helm hands templates Go values through `interface{}`: maps with string keys, slices, strings,
//! `float64` numbers from YAML, `int`/`int64` from functions and `--set`, booleans, nil, byte
//! slices and a few Helm objects (`.Files`, `.Capabilities`). Go's behaviour depends on the
//! *dynamic type* of each value (`typeOf`, `eq`'s kind rules, functions with typed parameters),
//! so [`Value`] records the Go type, not just the JSON shape.
//!
//! Cloning a `Value` is a reference-count bump. Maps have Go's reference semantics: `set`
//! mutates a map in place and every holder sees the change, so maps live behind a lock inside
//! an `Arc`; lists are never mutated in place by any template function, so they are immutable
//! shared slices.

mod compare;
mod complex;
pub mod convert;
mod drop;
mod list;
mod map;
mod object;
pub mod rawbytes;
pub mod walk;

pub use compare::{basic_equal, basic_less, deep_equal};
pub use complex::Complex;
pub use convert::duration_string;
pub use list::List;
pub use map::{Map, MapType, confined, write_refused};
pub use object::{Method, Object, ObjectKind, Param};

use std::fmt;
use std::sync::Arc;

/// An immutable, cheaply cloned string (Go `string`).
pub type Str = Arc<str>;

/// The Go integer types a template can meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntType {
    /// `int` (64-bit, as on Helm's platforms).
    Int,
    /// `int8`.
    Int8,
    /// `int16`.
    Int16,
    /// `int32` (also `rune`).
    Int32,
    /// `int64`.
    Int64,
    /// `uint`.
    Uint,
    /// `uint8` (also `byte`).
    Uint8,
    /// `uint16`.
    Uint16,
    /// `uint32`.
    Uint32,
    /// `uint64`.
    Uint64,
    /// `time.Duration`: an `int64` that prints as `1h2m3s`.
    Duration,
    /// `time.Month`: an `int` that prints as `March`.
    Month,
    /// `time.Weekday`: an `int` that prints as `Saturday`.
    Weekday,
}

impl IntType {
    /// Go's name for the type, as `%T` prints it.
    pub fn go_name(self) -> &'static str {
        match self {
            IntType::Int => "int",
            IntType::Int8 => "int8",
            IntType::Int16 => "int16",
            IntType::Int32 => "int32",
            IntType::Int64 => "int64",
            IntType::Uint => "uint",
            IntType::Uint8 => "uint8",
            IntType::Uint16 => "uint16",
            IntType::Uint32 => "uint32",
            IntType::Uint64 => "uint64",
            IntType::Duration => "time.Duration",
            IntType::Month => "time.Month",
            IntType::Weekday => "time.Weekday",
        }
    }

    /// The reflect kind name (`kindOf`).
    pub fn kind_name(self) -> &'static str {
        match self {
            IntType::Duration => "int64",
            IntType::Month | IntType::Weekday => "int",
            other => other.go_name(),
        }
    }

    /// The `String()` of a named type with one, which `fmt` prints for `%v`, `%s`, `%q`, `%x`.
    pub fn stringer(self, i: i64) -> Option<String> {
        match self {
            IntType::Duration => Some(convert::duration_string(i)),
            IntType::Month => Some(crate::time::month_string(i)),
            IntType::Weekday => Some(crate::time::weekday_string(i)),
            _ => None,
        }
    }

    /// Whether the type is one of Go's unsigned integers.
    pub fn is_unsigned(self) -> bool {
        matches!(
            self,
            IntType::Uint | IntType::Uint8 | IntType::Uint16 | IntType::Uint32 | IntType::Uint64
        )
    }
}

/// The element type of a Go slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListType {
    /// `[]interface {}`.
    Any,
    /// `[]string`.
    String,
    /// `[]int`.
    Int,
    /// `[][]interface {}` (Sprig's `chunk`).
    Nested,
    /// `common.VersionSet`, a named `[]string` with a `Has` method (`.Capabilities.APIVersions`);
    /// a variant for the same reason as `MapType::Values`, its method from the type hook.
    VersionSet,
    /// `[]map[string]interface {}` (arrays of tables from `fromToml`).
    Maps,
}

impl ListType {
    /// Go's name for the slice type.
    pub fn go_name(self) -> &'static str {
        match self {
            ListType::Any => "[]interface {}",
            ListType::String => "[]string",
            ListType::Int => "[]int",
            ListType::Nested => "[][]interface {}",
            ListType::VersionSet => "common.VersionSet",
            ListType::Maps => "[]map[string]interface {}",
        }
    }
}

/// A Go value as a template sees it.
#[derive(Clone, Default)]
pub enum Value {
    /// `nil`, and also Go's "no value" (an invalid `reflect.Value`).
    #[default]
    Nil,
    /// `bool`.
    Bool(bool),
    /// Any Go integer type; unsigned values hold their bit pattern.
    Int(i64, IntType),
    /// `float64`.
    Float(f64),
    /// `string`.
    Str(Str),
    /// `[]byte`.
    Bytes(Arc<[u8]>),
    /// A slice.
    List(List, ListType),
    /// A `map[string]...`, shared by reference like a Go map.
    Map(Map),
    /// A Helm object or other Go struct (`.Files`, `.Capabilities`, a semver version, ...).
    Object(Arc<dyn Object>),
}

impl Value {
    /// A Go `int`.
    pub fn int(i: i64) -> Value {
        Value::Int(i, IntType::Int)
    }

    /// A Go `int64`.
    pub fn int64(i: i64) -> Value {
        Value::Int(i, IntType::Int64)
    }

    /// A Go `string`.
    pub fn str(s: &str) -> Value {
        Value::Str(Str::from(s))
    }

    /// A Go `string` from an owned `String`.
    pub fn string(s: String) -> Value {
        Value::Str(Str::from(s))
    }

    /// A `map[string]interface {}` holding the given entries.
    pub fn map_of<'k, I: IntoIterator<Item = (&'k str, Value)>>(entries: I) -> Value {
        Value::Map(Map::from_entries(
            MapType::Any,
            entries.into_iter().map(|(k, v)| (Str::from(k), v)),
        ))
    }

    /// A `[]interface {}`.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(items.into(), ListType::Any)
    }

    /// A `[]string`.
    pub fn string_list<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> Value {
        let items: Vec<Value> = items.into_iter().map(|s| Value::str(s.as_ref())).collect();
        Value::List(items.into(), ListType::String)
    }

    /// A new, empty `map[string]interface {}`.
    pub fn empty_map() -> Value {
        Value::Map(Map::new(MapType::Any))
    }

    /// Whether this is `nil` / no value.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// The string if this is a Go `string`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The map if this is a Go map.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The elements if this is a slice.
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(l, _) => Some(l),
            _ => None,
        }
    }

    /// Go's truth (text/template `isTrue`): false for nil and the zero value of the type,
    /// true otherwise. Structs are always true.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i, _) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l, _) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Object(o) => o.is_true(),
        }
    }

    /// Go's name for the dynamic type (`printf "%T"`, Sprig's `typeOf`); `<nil>` for nil.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Nil => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_, t) => t.go_name(),
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Bytes(_) => "[]uint8",
            Value::List(_, t) => t.go_name(),
            Value::Map(m) => m.map_type().go_name(),
            Value::Object(o) => o.type_name(),
        }
    }

    /// The reflect kind name (Sprig's `kindOf`); `invalid` for nil.
    pub fn kind_name(&self) -> &str {
        match self {
            Value::Nil => "invalid",
            Value::Bool(_) => "bool",
            Value::Int(_, t) => t.kind_name(),
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Bytes(_) | Value::List(..) => "slice",
            Value::Map(_) => "map",
            Value::Object(o) => o.kind().name(),
        }
    }

    /// The length of strings, byte slices, slices and maps (Go's `len`).
    pub fn len(&self) -> Option<usize> {
        match self {
            Value::Str(s) => Some(rawbytes::decode(s).len()),
            Value::Bytes(b) => Some(b.len()),
            Value::List(l, _) => Some(l.len()),
            Value::Map(m) => Some(m.len()),
            Value::Object(o) => o.len(),
            _ => None,
        }
    }

    /// Whether `len` is defined and zero.
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// Looks up a key in a map value.
    pub fn get(&self, key: &str) -> Option<Value> {
        match self {
            Value::Map(m) => m.get(key),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => f.write_str("nil"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i, t) => write!(f, "{t:?}({i})"),
            Value::Float(x) => write!(f, "float64({x})"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::Bytes(b) => write!(f, "bytes{b:?}"),
            Value::List(l, _) => f.debug_list().entries(l.iter()).finish(),
            Value::Map(m) => fmt::Debug::fmt(m, f),
            Value::Object(o) => write!(f, "<{}>", o.type_name()),
        }
    }
}

impl fmt::Display for Value {
    /// Go's `%v` formatting (for messages: a value that contains itself is cut short).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        crate::fmt::write_value_partial(&mut out, self);
        f.write_str(&out)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::string(s)
    }
}

impl From<Str> for Value {
    fn from(s: Str) -> Self {
        Value::Str(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Self {
        Value::list(v)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Map(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_three_words() {
        assert_eq!(std::mem::size_of::<Value>(), 24);
    }

    #[test]
    fn truth_follows_go() {
        assert!(!Value::Nil.is_true());
        assert!(!Value::int(0).is_true());
        assert!(Value::Float(0.5).is_true());
        assert!(!Value::str("").is_true());
        assert!(!Value::empty_map().is_true());
        assert!(Value::list(vec![Value::Nil]).is_true());
    }
}
