//! Helm's YAML template functions (`pkg/engine/funcs.go`): `toYaml`, `mustToYaml`,
//! `toYamlPretty`, `fromYaml`, `fromYamlArray`. They override Sprig's functions of the same
//! names, so they are registered after Sprig.

use super::encoding::{lenient, strict};
use crate::template::CallError;
use crate::template::{FuncTable, arg_str};
use render_go::value::{Method, Param, Value};
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
    t.add_pure("toYaml", Method::fixed(&[Param::Any]), |a| {
        lenient(yaml::to_yaml(&a[0]).map(trim_newline))
    });
    t.add_pure("mustToYaml", Method::fixed(&[Param::Any]), |a| {
        strict(yaml::to_yaml(&a[0]).map(trim_newline))
    });
    t.add_pure("toYamlPretty", Method::fixed(&[Param::Any]), |a| {
        yaml::to_yaml_pretty(&a[0])
            .map(|s| Value::string(trim_newline(s)))
            .map_err(|c| CallError::msg(c.endless("toYamlPretty")))
    });
    t.add_pure("fromYaml", Method::fixed(&[Param::String]), |a| {
        Ok(match yaml::from_str_map(arg_str(&a[0])) {
            Ok(m) => Value::Map(m),
            Err(e) => {
                let m = Value::empty_map();
                if let Value::Map(map) = &m {
                    map.insert("Error".into(), Value::str(e.message()));
                }
                m
            }
        })
    });
    t.add_pure("fromYamlArray", Method::fixed(&[Param::String]), |a| {
        Ok(match yaml::from_str_list(arg_str(&a[0])) {
            Ok(items) => Value::list(items),
            Err(e) => Value::list(vec![Value::str(e.message())]),
        })
    });
}
