//! Sprig's reflection functions: `typeOf typeIs typeIsLike kindOf kindIs deepEqual`, over
//! the Go type each [`Value`] records.

use crate::template::{FuncTable, arg_str};
use render_go::value::{Method, Param, Value, deep_equal};

const STR_ANY: &[Param] = &[Param::String, Param::Any];

pub(super) fn register(t: &mut FuncTable) {
    t.add_pure("typeOf", Method::fixed(&[Param::Any]), |a| {
        Ok(Value::str(a[0].type_name()))
    });
    t.add_pure("typeIs", Method::fixed(STR_ANY), |a| {
        Ok(Value::Bool(arg_str(&a[0]) == a[1].type_name()))
    });
    t.add_pure("typeIsLike", Method::fixed(STR_ANY), |a| {
        let (want, got) = (arg_str(&a[0]), a[1].type_name());
        Ok(Value::Bool(
            want == got || got.strip_prefix('*') == Some(want),
        ))
    });
    t.add_pure("kindOf", Method::fixed(&[Param::Any]), |a| {
        Ok(Value::str(a[0].kind_name()))
    });
    t.add_pure("kindIs", Method::fixed(STR_ANY), |a| {
        Ok(Value::Bool(arg_str(&a[0]) == a[1].kind_name()))
    });
    t.add_pure("deepEqual", Method::fixed(&[Param::Any, Param::Any]), |a| {
        Ok(Value::Bool(deep_equal(&a[0], &a[1])))
    });
}
