//! Helm's `common.Values`: methods on the `.Values` map.

use crate::value::{Map, Method, Param, Value};

/// The signature of a `common.Values` method, if `name` is one.
pub fn values_method(name: &str) -> Option<Method> {
    match name {
        "AsMap" => Some(Method::fixed(&[])),
        "Table" | "PathValue" => Some(Method::fixed(&[Param::String])),
        _ => None,
    }
}

/// Calls a `common.Values` method.
pub fn call_values_method(m: &Map, name: &str, _args: &[Value]) -> Result<Value, String> {
    match name {
        "AsMap" => Ok(Value::Map(m.with_type(crate::value::MapType::Any))),
        _ => Err(format!("{name}: not supported")),
    }
}
