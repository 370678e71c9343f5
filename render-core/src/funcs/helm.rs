//! Helm's own template functions: `include`, `tpl`, `required`, `fail`, `lookup` (empty
//! offline, as in `helm template`) and `getHostByName` (empty without DNS).

use super::{FuncTable, arg_str};
use crate::engine::warn_wrap;
use crate::template::CallError;
use crate::value::{Method, Param, Value};

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
        Value::Nil => Err(CallError::msg(warn_wrap(arg_str(&a[0])))),
        Value::Str(s) if s.is_empty() => Err(CallError::msg(warn_wrap(arg_str(&a[0])))),
        v => Ok(v.clone()),
    });
    t.add_pure("fail", Method::fixed(&[Param::String]), |a| {
        Err(CallError::msg(warn_wrap(arg_str(&a[0]))))
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
