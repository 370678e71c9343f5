//! Encoding functions: Helm's `toJson mustToJson fromJson fromJsonArray toToml mustToToml
//! fromToml` (registered after Sprig's, so Helm's versions win) and Sprig's `toPrettyJson
//! mustToPrettyJson toRawJson mustToRawJson mustFromJson b64enc b64dec b32enc b32dec`.
//!
//! The non-`must` forms swallow errors the way their Go source does: `toJson` and
//! `toPrettyJson` give `""`, `toToml` gives the error text, `fromJson`/`fromToml` put it under
//! an `Error` key of the result map, `fromJsonArray` returns it as the only element, and
//! `b64dec`/`b32dec` return it as the decoded string. `toRawJson` has no such form: it panics.

use crate::template::CallError;
use crate::template::{FuncTable, arg_str};
use render_go::value::walk::Failure;
use render_go::value::{Method, Param, Str, Value, rawbytes};
use render_go::{base64, json, toml};

const ANY: &[Param] = &[Param::Any];
const STRING: &[Param] = &[Param::String];

/// A Go string from decoded bytes (invalid UTF-8 kept as [`rawbytes`] escapes).
fn bytes_string(b: Vec<u8>) -> Value {
    Value::string(rawbytes::encode_vec(b))
}

/// Puts a decoder's error under `Error` in its result map, as Helm's `fromJson`/`fromToml` do.
fn with_error_key(value: Value, error: Option<String>) -> Value {
    if let (Some(e), Value::Map(m)) = (error, &value) {
        m.insert(Str::from("Error"), Value::string(e));
    }
    value
}

fn pretty_json(v: &Value) -> Result<String, Failure> {
    json::encode_indent(v, "", "  ", true)
}

/// A non-`must` encoder's result: Go's error swallowed into `""`, an endless walk an error.
pub(super) fn lenient(r: Result<String, Failure>) -> Result<Value, CallError> {
    match r {
        Ok(s) => Ok(Value::string(s)),
        Err(Failure::Go(_)) => Ok(Value::str("")),
        Err(Failure::Endless(e)) => Err(CallError::Msg(e)),
    }
}

/// A `must` encoder's result: any error fails the call.
pub(super) fn strict(r: Result<String, Failure>) -> Result<Value, CallError> {
    r.map(Value::string).map_err(|e| CallError::msg(e.text()))
}

/// Registers the encoding functions.
pub(crate) fn register(t: &mut FuncTable) {
    // Helm's JSON functions.
    t.add_pure("toJson", Method::fixed(ANY), |a| {
        lenient(json::encode(&a[0], true))
    });
    t.add_pure("mustToJson", Method::fixed(ANY), |a| {
        strict(json::encode(&a[0], true))
    });
    t.add_pure("fromJson", Method::fixed(STRING), |a| {
        let d = json::decode_as(arg_str(&a[0]), json::Target::Map);
        Ok(with_error_key(d.value, d.error))
    });
    t.add_pure("fromJsonArray", Method::fixed(STRING), |a| {
        let d = json::decode_as(arg_str(&a[0]), json::Target::Slice);
        Ok(match d.error {
            Some(e) => Value::list(vec![Value::string(e)]),
            None => d.value,
        })
    });

    // Sprig's JSON functions.
    t.add_pure("toPrettyJson", Method::fixed(ANY), |a| {
        lenient(pretty_json(&a[0]))
    });
    t.add_pure("mustToPrettyJson", Method::fixed(ANY), |a| {
        strict(pretty_json(&a[0]))
    });
    // `toRawJson` panics on error, which the template reports like `mustToRawJson`'s error.
    for name in ["toRawJson", "mustToRawJson"] {
        t.add_pure(name, Method::fixed(ANY), |a| {
            strict(json::encode(&a[0], false))
        });
    }
    t.add_pure("mustFromJson", Method::fixed(STRING), |a| {
        json::decode(arg_str(&a[0])).map_err(CallError::msg)
    });

    // Helm's TOML functions.
    t.add_pure("toToml", Method::fixed(ANY), |a| {
        match toml::encode(&a[0]) {
            Ok(s) => Ok(Value::string(s)),
            Err(toml::EncodeError::Toml(e)) => Ok(Value::string(e)),
            Err(e) => Err(CallError::msg(e.text())),
        }
    });
    t.add_pure("mustToToml", Method::fixed(ANY), |a| {
        toml::encode(&a[0])
            .map(Value::string)
            .map_err(|e| CallError::msg(e.text()))
    });
    t.add_pure("fromToml", Method::fixed(STRING), |a| {
        Ok(match toml::decode(arg_str(&a[0])) {
            Ok(v) => v,
            Err(e) => with_error_key(Value::empty_map(), Some(e)),
        })
    });

    // Sprig's base64 and base32.
    t.add_pure("b64enc", Method::fixed(STRING), |a| {
        Ok(Value::string(base64::base64_encode(&rawbytes::decode(
            arg_str(&a[0]),
        ))))
    });
    t.add_pure("b64dec", Method::fixed(STRING), |a| {
        Ok(match base64::base64_decode(arg_str(&a[0])) {
            Ok(b) => bytes_string(b),
            Err(e) => Value::string(e),
        })
    });
    t.add_pure("b32enc", Method::fixed(STRING), |a| {
        Ok(Value::string(base64::base32_encode(&rawbytes::decode(
            arg_str(&a[0]),
        ))))
    });
    t.add_pure("b32dec", Method::fixed(STRING), |a| {
        Ok(match base64::base32_decode(arg_str(&a[0])) {
            Ok(b) => bytes_string(b),
            Err(e) => Value::string(e),
        })
    });
}
