//! Helm's own template functions: `include`, `tpl`, `required`, `fail`, `lookup` (empty
//! offline, as in `helm template`) and `getHostByName` (empty without DNS).

use crate::template::args::Arg;
use crate::template::reads::key_chain;
use crate::template::{CallError, Exec, FuncTable, TypeMethods};
use render_go::value::{ListType, MapType, Method, Param, Value};

pub(crate) fn register(t: &mut FuncTable) {
    t.func_exec("include", |exec: &mut Exec, name: &str, data: &Value| {
        exec.include(name, data.clone())
    });
    t.func_exec("tpl", |exec: &mut Exec, text: &str, data: &Value| {
        exec.tpl(text, data.clone())
    });
    t.func("required", |warn: &str, v: &Value| match v {
        Value::Nil => Err(CallError::Fail(warn.to_string())),
        Value::Str(s) if s.is_empty() => Err(CallError::Fail(warn.to_string())),
        v => Ok(v.clone()),
    });
    t.func("fail", |msg: &str| -> Result<Value, CallError> {
        Err(CallError::Fail(msg.to_string()))
    });
    t.func("lookup", |_: &str, _: &str, _: &str, _: &str| Value::empty_map());
    t.func("getHostByName", |_: &str| String::new());
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
            let want = <&str>::take(&mut args.iter())?;
            Ok(Value::Bool(items.iter().any(|i| i.as_str() == Some(want))))
        }
        Value::Map(m) => crate::values::call_values_method(m, name, args).map_err(CallError::Msg),
        _ => Err(CallError::msg(format!("no method {name}"))),
    },
    reads: |recv, name, args, log| match (name, args) {
        ("AsMap", _) => {}
        ("Table" | "PathValue", [Value::Str(path)]) => {
            let keys: Vec<Value> = path.split('.').map(Value::str).collect();
            key_chain(recv, &keys, log);
        }
        _ => log.whole(recv),
    },
};
