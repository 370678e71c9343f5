//! Sprig's reflection functions: `typeOf typeIs typeIsLike kindOf kindIs deepEqual`, over
//! the Go type each [`Value`] records.

use crate::template::FuncTable;
use render_go::value::{Value, deep_equal};

pub(super) fn register(t: &mut FuncTable) {
    t.func("typeOf", |v: &Value| v.type_name().to_string());
    t.func("typeIs", |want: &str, v: &Value| want == v.type_name());
    t.func("typeIsLike", |want: &str, v: &Value| {
        let got = v.type_name();
        want == got || got.strip_prefix('*') == Some(want)
    });
    t.func("kindOf", |v: &Value| v.kind_name().to_string());
    t.func("kindIs", |want: &str, v: &Value| want == v.kind_name());
    t.func("deepEqual", |a: &Value, b: &Value| deep_equal(a, b));
}
