//! Helm's own template functions: `include`, `tpl`, `required`, `fail`, `lookup` (empty
//! offline, as in `helm template`) and `getHostByName` (empty without DNS).

use crate::template::CallError;
use crate::template::TypeMethods;
use crate::template::{FuncTable, arg_str};
use render_go::value::{ListType, MapType, Method, Param, Value};

const STRING_ANY: &[Param] = &[Param::String, Param::Any];

pub(crate) fn register(t: &mut FuncTable) {
    t.add("include", Method::fixed(STRING_ANY), |exec, a| {
        let data = a.get(1).cloned().unwrap_or(Value::Nil);
        exec.include(arg_str(&a[0]), data).map(Value::string)
    });
    t.add("tpl", Method::fixed(STRING_ANY), |exec, a| {
        let data = a.get(1).cloned().unwrap_or(Value::Nil);
        exec.tpl(arg_str(&a[0]), data).map(Value::string)
    });
    t.add_pure("required", Method::fixed(STRING_ANY), |a| match &a[1] {
        Value::Nil => Err(CallError::Fail(arg_str(&a[0]).to_string())),
        Value::Str(s) if s.is_empty() => Err(CallError::Fail(arg_str(&a[0]).to_string())),
        v => Ok(v.clone()),
    });
    t.add_pure("fail", Method::fixed(&[Param::String]), |a| {
        Err(CallError::Fail(arg_str(&a[0]).to_string()))
    });
    t.add_pure(
        "lookup",
        Method::fixed(&[Param::String, Param::String, Param::String, Param::String]),
        |_| Ok(Value::empty_map()),
    );
    t.add_pure("getHostByName", Method::fixed(&[Param::String]), |_| {
        Ok(Value::str(""))
    });
}

/// Helm's named types over plain values: `common.Values` (`.Values.AsMap`, `.Values.Table`, ...)
/// and `common.VersionSet` (`.Capabilities.APIVersions.Has`).
pub(crate) const TYPE_METHODS: TypeMethods = TypeMethods {
    find: |v, name| match v {
        Value::List(_, ListType::VersionSet) if name == "Has" => {
            Some(Method::fixed(&[Param::String]))
        }
        Value::Map(m) if m.map_type() == MapType::Values => crate::values::values_method(name),
        _ => None,
    },
    call: |recv, name, args| match recv {
        Value::List(items, ListType::VersionSet) => {
            let want = args.first().and_then(Value::as_str).unwrap_or("");
            Ok(Value::Bool(items.iter().any(|i| i.as_str() == Some(want))))
        }
        Value::Map(m) => crate::values::call_values_method(m, name, args).map_err(CallError::Msg),
        _ => Err(CallError::msg(format!("no method {name}"))),
    },
};
