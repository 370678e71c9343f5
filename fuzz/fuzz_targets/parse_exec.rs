//! Any text parsed and executed over a small values tree with a step budget: must produce
//! output or an error, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_core::funcs::helm_funcs;
use render_core::template::{Exec, Limits, TemplateSet, TplTrees};
use render_go::value::{Map, MapType, Str, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let funcs = helm_funcs();
    let mut set = TemplateSet::new("gotpl");
    if set.parse("fuzz", text, funcs).is_err() {
        return;
    }
    let values = Map::from_entries(
        MapType::Values,
        [
            (Str::from("s"), Value::str("text")),
            (Str::from("n"), Value::Float(3.0)),
            (Str::from("l"), Value::list(vec![Value::Float(1.0), Value::str("x")])),
            (Str::from("m"), Value::Map(Map::new(MapType::Any))),
        ],
    );
    let top = Map::from_entries(MapType::Values, [(Str::from("Values"), Value::Map(values))]);
    let tpl = TplTrees::default();
    let limits = Limits::new(20_000, 1 << 20, 64 << 20);
    let mut exec = Exec::new(&set, funcs, &tpl, limits);
    let _ = exec.execute("fuzz", Value::Map(top));
});
