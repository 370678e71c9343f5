//! Encoding functions: Helm's `toJson mustToJson fromJson fromJsonArray toToml mustToToml
//! fromToml` (registered after Sprig's, so Helm's versions win) and Sprig's `toPrettyJson
//! mustToPrettyJson toRawJson mustToRawJson mustFromJson b64enc b64dec b32enc b32dec`.
//!
//! The non-`must` forms swallow errors the way their Go source does: `toJson` and
//! `toPrettyJson` give `""`, `toToml` gives the error text, `fromJson`/`fromToml` put it under
//! an `Error` key of the result map, `fromJsonArray` returns it as the only element, and
//! `b64dec`/`b32dec` return it as the decoded string. `toRawJson` has no such form: it panics.

use crate::template::{CallError, FuncTable};
use render_go::value::walk::Failure;
use render_go::value::{Str, Value, rawbytes};
use render_go::{base64, json, toml};

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
    t.func("toJson", |v: &Value| lenient(json::encode(v, true)));
    t.func("mustToJson", |v: &Value| strict(json::encode(v, true)));
    t.func("fromJson", |s: &str| {
        let d = json::decode_as(s, json::Target::Map);
        with_error_key(d.value, d.error)
    });
    t.func("fromJsonArray", |s: &str| {
        let d = json::decode_as(s, json::Target::Slice);
        match d.error {
            Some(e) => Value::list(vec![Value::string(e)]),
            None => d.value,
        }
    });

    // Sprig's JSON functions.
    t.func("toPrettyJson", |v: &Value| lenient(pretty_json(v)));
    t.func("mustToPrettyJson", |v: &Value| strict(pretty_json(v)));
    // `toRawJson` panics on error, which the template reports like `mustToRawJson`'s error.
    for name in ["toRawJson", "mustToRawJson"] {
        t.func(name, |v: &Value| strict(json::encode(v, false)));
    }
    t.func("mustFromJson", |s: &str| json::decode(s).map_err(CallError::msg));

    // Helm's TOML functions.
    t.func("toToml", |v: &Value| match toml::encode(v) {
        Ok(s) => Ok(s),
        Err(toml::EncodeError::Toml(e)) => Ok(e),
        Err(e) => Err(CallError::msg(e.text())),
    });
    t.func("mustToToml", |v: &Value| {
        toml::encode(v).map_err(|e| CallError::msg(e.text()))
    });
    t.func("fromToml", |s: &str| match toml::decode(s) {
        Ok(v) => v,
        Err(e) => with_error_key(Value::empty_map(), Some(e)),
    });

    // Sprig's base64 and base32.
    t.func("b64enc", |s: &str| base64::base64_encode(&rawbytes::decode(s)));
    t.func("b64dec", |s: &str| match base64::base64_decode(s) {
        Ok(b) => bytes_string(b),
        Err(e) => Value::string(e),
    });
    t.func("b32enc", |s: &str| base64::base32_encode(&rawbytes::decode(s)));
    t.func("b32dec", |s: &str| match base64::base32_decode(s) {
        Ok(b) => bytes_string(b),
        Err(e) => Value::string(e),
    });
}
