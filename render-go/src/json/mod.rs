//! Go's `encoding/json` (v1, as Helm v4.2.3's Go 1.26 build uses it) over [`Value`]s:
//! `Marshal`, `MarshalIndent`, `Encoder.Encode` with `SetEscapeHTML(false)`, and `Unmarshal`
//! into `interface{}`, `map[string]interface{}` and `[]interface{}` (and `Decoder.Decode`, which
//! reads only the first value of its input).
//!
//! Templates print the encoder's bytes verbatim and show the decoder's error texts (`fromJson`
//! puts them under an `Error` key), so both directions must match Go exactly: number layout
//! (`1e+21`, `1e-7`, `0.000001`), string escapes (`\u003c`, `\u2028`, Go 1.22's `\b`/`\f`),
//! sorted map keys, and every syntax error message with Go's context words. A general JSON
//! crate gets none of these right, so the codec is written here: a byte-level syntax checker
//! that reports errors exactly where and how Go's scanner does (`scan`), a builder that runs
//! only on valid input ([`decode`]), and an encoder ([`encode`]).

mod decode;
mod encode;
mod scan;

pub use decode::{Decoded, Target, decode, decode_as, decode_first};
pub use encode::{encode, encode_indent, indent};

use crate::value::Value;

/// encoding/json's name for the JSON kind of a decoded value, as its type errors print it
/// (`cannot unmarshal array into Go struct field ...`).
pub fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Str(_) => "string",
        Value::Bool(_) => "bool",
        Value::Int(..) | Value::Float(_) => "number",
        Value::List(..) => "array",
        Value::Map(_) => "object",
        _ => "null",
    }
}
