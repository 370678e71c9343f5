//! Go structs and named types with methods (`.Files`, `.Capabilities`, semver versions, ...).

use super::Value;
use std::any::Any;
use std::fmt;

/// The reflect kind of an object, which decides how `range`, `len`, `%v` and friends treat it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectKind {
    /// A struct value.
    Struct,
    /// A pointer to a struct.
    Ptr,
    /// A named map type.
    Map,
    /// A named slice type.
    Slice,
    /// `complex128`.
    Complex,
}

impl ObjectKind {
    /// reflect's name for the kind (`kindOf`).
    pub fn name(self) -> &'static str {
        match self {
            ObjectKind::Struct => "struct",
            ObjectKind::Ptr => "ptr",
            ObjectKind::Map => "map",
            ObjectKind::Slice => "slice",
            ObjectKind::Complex => "complex128",
        }
    }
}

/// A Go parameter type, as declared by a function or method. It decides how the executor
/// converts and checks an argument (Go's `evalArg`/`validateType`), and names the type in
/// errors such as `wrong type for value; expected int; got float64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// `interface {}`: any value, nil included.
    Any,
    /// `reflect.Value`: the raw value, a missing value included (builtins such as `eq`).
    Reflect,
    /// `string`.
    String,
    /// `int`.
    Int,
    /// `int64`.
    Int64,
    /// `float64`.
    Float64,
    /// `bool`.
    Bool,
    /// `[]interface {}`.
    ListAny,
    /// `[]string`.
    ListString,
    /// `map[string]interface {}` (also accepts `common.Values`, which is assignable).
    MapAny,
    /// `[]byte`.
    Bytes,
    /// `uint32` (Sprig's `derivePassword` counter).
    Uint32,
    /// `time.Duration` (an `int64` kind: integer literals convert).
    Duration,
    /// A named struct or pointer type such as `time.Time`, `*semver.Version` or
    /// `sprig.certificate`: only values whose `%T` is exactly this name are assignable, and
    /// pointer types (names starting with `*`) accept nil.
    Named(&'static str),
}

impl Param {
    /// Go's name for the type.
    pub fn go_name(self) -> &'static str {
        match self {
            Param::Any => "interface {}",
            Param::Reflect => "reflect.Value",
            Param::String => "string",
            Param::Int => "int",
            Param::Int64 => "int64",
            Param::Float64 => "float64",
            Param::Bool => "bool",
            Param::ListAny => "[]interface {}",
            Param::ListString => "[]string",
            Param::MapAny => "map[string]interface {}",
            Param::Bytes => "[]uint8",
            Param::Uint32 => "uint32",
            Param::Duration => "time.Duration",
            Param::Named(name) => name,
        }
    }
}

/// A function or method signature: fixed parameters, then an optional variadic element type.
#[derive(Clone, Copy, Debug)]
pub struct Method {
    /// Fixed parameters, in order.
    pub params: &'static [Param],
    /// Element type of the trailing `...` parameter, if any.
    pub variadic: Option<Param>,
    /// Why templates cannot call it, for a Go method whose results text/template refuses
    /// (Go's `goodFunc` text, e.g. `function Date has 3 return values; should be 1 or 2`).
    pub unusable: Option<&'static str>,
}

impl Method {
    /// A signature with only fixed parameters.
    pub const fn fixed(params: &'static [Param]) -> Method {
        Method {
            params,
            variadic: None,
            unusable: None,
        }
    }

    /// A method whose results templates cannot use: calling it fails with `why` once its
    /// arguments are counted.
    pub const fn unusable(params: &'static [Param], why: &'static str) -> Method {
        Method {
            params,
            variadic: None,
            unusable: Some(why),
        }
    }

    /// A signature with fixed parameters followed by `...variadic`.
    pub const fn variadic(params: &'static [Param], variadic: Param) -> Method {
        Method {
            params,
            variadic: Some(variadic),
            unusable: None,
        }
    }
}

/// A Go struct, pointer or named type exposed to templates.
pub trait Object: Send + Sync + fmt::Debug {
    /// Go's name for the dynamic type (`%T`), e.g. `*common.Capabilities`.
    fn type_name(&self) -> &str;

    /// The reflect kind.
    fn kind(&self) -> ObjectKind;

    /// Go truth: structs and non-nil pointers are true; named maps and slices by length.
    fn is_true(&self) -> bool {
        match self.kind() {
            ObjectKind::Struct | ObjectKind::Ptr => true,
            ObjectKind::Map | ObjectKind::Slice => self.len().unwrap_or(0) > 0,
            ObjectKind::Complex => true,
        }
    }

    /// `len` for map and slice kinds.
    fn len(&self) -> Option<usize> {
        None
    }

    /// Whether `len` is defined and zero.
    fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// An exported struct field, or a map entry for map kinds.
    fn field(&self, name: &str) -> Option<Value>;

    /// The signature of a method, if the type has one by that name.
    fn method(&self, _name: &str) -> Option<Method> {
        None
    }

    /// Calls a method with arguments already checked against [`Object::method`]'s signature.
    /// An `Err` is the method's Go error text.
    fn call(&self, name: &str, _args: &[Value]) -> Result<Value, String> {
        Err(format!("no method {name}"))
    }

    /// Writes Go's `%v` of the value (`%+v` when `plus`).
    fn write_go(&self, out: &mut String, plus: bool);

    /// Writes what `{{ value }}` prints. Go's template printer calls `String()` on an
    /// addressable struct whose pointer type has one, which `fmt` alone would not; the default
    /// is the `%v` form.
    fn write_template(&self, out: &mut String) {
        self.write_go(out, false);
    }

    /// The value as `encoding/json` would see it (for `toJson`, `toYaml`, ...).
    fn to_plain(&self) -> Value;

    /// For structs: the fields `encoding/json` writes, in declaration order, under their JSON
    /// names (Go writes struct fields in order, not sorted like map keys).
    fn json_fields(&self) -> Option<Vec<(super::Str, Value)>> {
        None
    }

    /// Entries for `range` over map and slice kinds: (key or index, element).
    fn range_entries(&self) -> Option<Vec<(Value, Value)>> {
        None
    }

    /// For downcasting to the concrete type.
    fn as_any(&self) -> &dyn Any;
}
