//! Sprig's `semver` and `semverCompare` (semver.go) over [`render_go::semver`], and the
//! `*semver.Version` / `semver.Version` values templates get, with the methods Go exposes
//! on each (pointer-receiver methods such as `Compare` and `Original` are missing from the
//! value returned by `IncPatch`, as in Go).

use crate::template::{CallError, FuncTable};
use render_go::semver::{Constraints, Version};
use render_go::value::{IntType, Method, Object, ObjectKind, Param, Value};
use std::any::Any;
use std::cmp::Ordering;
use std::sync::Arc;

/// Go's name of the pointer type.
const PTR_TYPE: &str = "*semver.Version";

/// A `*semver.Version` (`ptr`) or a `semver.Version` value.
#[derive(Debug, Clone)]
pub struct VersionValue {
    version: Version,
    ptr: bool,
}

impl VersionValue {
    /// Wraps a version as the value Sprig's `semver` returns.
    pub fn pointer(version: Version) -> Value {
        Value::Object(Arc::new(VersionValue { version, ptr: true }))
    }

    fn value(version: Version) -> Value {
        Value::Object(Arc::new(VersionValue {
            version,
            ptr: false,
        }))
    }
}

const NO_ARGS: Method = Method::fixed(&[]);
const ONE_STRING: Method = Method::fixed(&[Param::String]);
const ONE_VERSION: Method = Method::fixed(&[Param::Named(PTR_TYPE)]);

/// The Go panic text of a method called with a nil `*Version`.
const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

impl Object for VersionValue {
    fn type_name(&self) -> &str {
        if self.ptr { PTR_TYPE } else { "semver.Version" }
    }

    fn kind(&self) -> ObjectKind {
        if self.ptr {
            ObjectKind::Ptr
        } else {
            ObjectKind::Struct
        }
    }

    fn field(&self, _name: &str) -> Option<Value> {
        None
    }

    fn method(&self, name: &str) -> Option<Method> {
        match name {
            "Major" | "Minor" | "Patch" | "Prerelease" | "Metadata" | "String" | "IncPatch"
            | "IncMinor" | "IncMajor" | "MarshalJSON" | "MarshalText" | "Value" => Some(NO_ARGS),
            "SetPrerelease" | "SetMetadata" => Some(ONE_STRING),
            "Original" if self.ptr => Some(NO_ARGS),
            "LessThan" | "LessThanEqual" | "GreaterThan" | "GreaterThanEqual" | "Equal"
            | "Compare"
                if self.ptr =>
            {
                Some(ONE_VERSION)
            }
            _ => None,
        }
    }

    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let v = &self.version;
        let uint = |n: u64| Value::Int(n as i64, IntType::Uint64);
        let other = || -> Option<&Version> {
            match args.first() {
                Some(Value::Object(o)) => o
                    .as_any()
                    .downcast_ref::<VersionValue>()
                    .map(|x| &x.version),
                _ => None,
            }
        };
        let compared = |f: fn(Ordering) -> bool| -> Result<Value, String> {
            let o = other().ok_or(NIL_DEREF)?;
            Ok(Value::Bool(f(v.compare(o))))
        };
        match name {
            "Major" => Ok(uint(v.major())),
            "Minor" => Ok(uint(v.minor())),
            "Patch" => Ok(uint(v.patch())),
            "Prerelease" => Ok(Value::str(v.prerelease())),
            "Metadata" => Ok(Value::str(v.metadata())),
            "Original" => Ok(Value::str(v.original())),
            "String" | "Value" => Ok(Value::string(v.to_string())),
            "MarshalText" => Ok(Value::Bytes(v.to_string().into_bytes().into())),
            "MarshalJSON" => {
                let q = render_go::strconv::quote(&v.to_string());
                Ok(Value::Bytes(q.into_bytes().into()))
            }
            "IncPatch" => v.inc_patch().map(VersionValue::value),
            "IncMinor" => v.inc_minor().map(VersionValue::value),
            "IncMajor" => v.inc_major().map(VersionValue::value),
            "SetPrerelease" => {
                let s = args.first().and_then(Value::as_str).unwrap_or("");
                v.set_prerelease(s).map(VersionValue::value)
            }
            "SetMetadata" => {
                let s = args.first().and_then(Value::as_str).unwrap_or("");
                v.set_metadata(s).map(VersionValue::value)
            }
            "LessThan" => compared(|o| o == Ordering::Less),
            "LessThanEqual" => compared(|o| o != Ordering::Greater),
            "GreaterThan" => compared(|o| o == Ordering::Greater),
            "GreaterThanEqual" => compared(|o| o != Ordering::Less),
            "Equal" => Ok(Value::Bool(
                other().is_some_and(|o| v.compare(o) == Ordering::Equal),
            )),
            "Compare" => {
                let o = other().ok_or(NIL_DEREF)?;
                Ok(Value::int(match v.compare(o) {
                    Ordering::Less => -1,
                    Ordering::Equal => 0,
                    Ordering::Greater => 1,
                }))
            }
            _ => Err(format!("no method {name}")),
        }
    }

    /// Both types implement `fmt.Stringer`.
    fn write_go(&self, out: &mut String, _plus: bool) {
        out.push_str(&self.version.to_string());
    }

    /// `MarshalJSON` writes the `String()` form.
    fn to_plain(&self) -> Value {
        Value::string(self.version.to_string())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(super) fn register(t: &mut FuncTable) {
    t.func("semver", |s: &str| {
        Version::parse(s)
            .map(VersionValue::pointer)
            .map_err(CallError::msg)
    });
    t.func("semverCompare", |constraint: &str, version: &str| -> Result<bool, CallError> {
        let c = Constraints::parse(constraint).map_err(CallError::msg)?;
        let v = Version::parse(version).map_err(CallError::msg)?;
        Ok(c.check(&v))
    });
}
