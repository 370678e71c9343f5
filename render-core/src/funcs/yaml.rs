//! Helm's YAML template functions (`pkg/engine/funcs.go`): `toYaml`, `mustToYaml`,
//! `toYamlPretty`, `fromYaml`, `fromYamlArray`. They override Sprig's functions of the same
//! names, so they are registered after Sprig.

use super::encoding::{lenient, strict};
use crate::template::{CallError, FuncTable};
use render_go::value::Value;
use render_go::yaml;

/// Helm trims exactly one trailing newline from the marshalled text.
fn trim_newline(mut s: String) -> String {
    if s.ends_with('\n') {
        s.pop();
    }
    s
}

/// Registers Helm's YAML functions.
pub(crate) fn register(t: &mut FuncTable) {
    t.func("toYaml", |v: &Value| lenient(yaml::to_yaml(v).map(trim_newline)));
    t.func("mustToYaml", |v: &Value| strict(yaml::to_yaml(v).map(trim_newline)));
    t.func("toYamlPretty", |v: &Value| {
        yaml::to_yaml_pretty(v)
            .map(trim_newline)
            .map_err(|c| CallError::msg(c.endless("toYamlPretty")))
    });
    t.func("fromYaml", |s: &str| match yaml::from_str_map(s) {
        Ok(m) => Value::Map(m),
        Err(e) => {
            let m = Value::empty_map();
            if let Value::Map(map) = &m {
                map.insert("Error".into(), Value::str(e.message()));
            }
            m
        }
    });
    t.func("fromYamlArray", |s: &str| match yaml::from_str_list(s) {
        Ok(items) => Value::list(items),
        Err(e) => Value::list(vec![Value::str(e.message())]),
    });
}
