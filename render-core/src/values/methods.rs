//! Helm's `common.Values`: the methods templates can call on `.Values` (`AsMap`, `Table`,
//! `PathValue`, `YAML`).

use render_go::value::{Map, MapType, Method, Param, Value};

/// The signature of a `common.Values` method, if `name` is one.
pub fn values_method(name: &str) -> Option<Method> {
    match name {
        "AsMap" | "YAML" => Some(Method::fixed(&[])),
        "Table" | "PathValue" => Some(Method::fixed(&[Param::String])),
        _ => None,
    }
}

/// Calls a `common.Values` method.
pub fn call_values_method(m: &Map, name: &str, args: &[Value]) -> Result<Value, String> {
    let arg = args.first().and_then(Value::as_str).unwrap_or("");
    match name {
        "AsMap" => Ok(Value::Map(if m.is_empty() {
            Map::new(MapType::Any)
        } else {
            m.with_type(MapType::Any)
        })),
        "Table" => table(m, arg).map(Value::Map),
        "YAML" => render_go::yaml::to_yaml(&Value::Map(m.clone()))
            .map(Value::string)
            .map_err(|e| e.text().to_string()),
        "PathValue" => path_value(m, arg),
        _ => Err(format!("no method {name}")),
    }
}

/// Whether Helm's `istable` holds: a `map[string]interface{}` (not another map type).
fn is_table(v: &Value) -> bool {
    matches!(v, Value::Map(m) if m.map_type() == MapType::Any)
}

/// `Values.Table`: the sub-map at a dotted path, as `common.Values`.
pub fn table(m: &Map, path: &str) -> Result<Map, String> {
    let mut table = m.with_type(MapType::Values);
    for part in path.split('.') {
        match table.get(part) {
            Some(Value::Map(sub)) if sub.map_type() != MapType::String => {
                table = sub.with_type(MapType::Values);
            }
            _ => {
                return Err(format!(
                    "{} is not a table",
                    render_go::strconv::quote(part)
                ));
            }
        }
    }
    Ok(table)
}

/// `Values.PathValue`: the non-table value at a dotted path.
pub fn path_value(m: &Map, path: &str) -> Result<Value, String> {
    if path.is_empty() {
        return Err("YAML path cannot be empty".to_string());
    }
    let parts: Vec<&str> = path.split('.').collect();
    let no_value = |k: &str| format!("{} is not a value", render_go::strconv::quote(k));
    let (key, parents) = match parts.split_last() {
        Some(x) => x,
        None => return Err(no_value(path)),
    };
    let t = if parents.is_empty() {
        m.clone()
    } else {
        table(m, &parents.join(".")).map_err(|_| no_value(key))?
    };
    match t.get(key) {
        Some(v) if !is_table(&v) => Ok(v),
        _ => Err(no_value(key)),
    }
}
