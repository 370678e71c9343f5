//! YAML exactly as Helm reads and writes it.
//!
//! Helm reads values files, `Chart.yaml` and rendered manifests with `sigs.k8s.io/yaml`, which
//! parses with go-yaml v2 (YAML 1.1 typing: `yes` is a bool, `0777` is 511) and then passes
//! the result through JSON (every number a `float64`, every key a string). Its template
//! functions `toYaml`/`fromYaml` go through the same library, and `toYamlPretty` through
//! go-yaml v3's encoder. Users see the exact bytes and error texts, so this module reproduces
//! them: our own scanner and parser follow libyaml (go-yaml's C heritage) decision for
//! decision, and our emitter follows libyaml's emitter. No YAML crate matches go-yaml's
//! accept/reject decisions, error messages, quoting choices and line folding.
//!
//! * [`from_str`], [`from_str_map`], [`from_str_list`]: `sigs.k8s.io/yaml.Unmarshal` into
//!   `interface{}`, `map[string]interface{}` and `[]interface{}`.
//! * [`documents`], [`load_values`]: Helm's multi-document values loading.
//! * [`to_yaml`], [`to_yaml_pretty`]: `sigs.k8s.io/yaml.Marshal` and go-yaml v3's encoder.

mod decode;
mod documents;
mod emitter;
mod encode;
mod parser;
mod positions;
mod resolve;
mod scanner;
mod sort;

/// How sigs.k8s.io/yaml writes a float as text (a map key, or a value bound for a string
/// field): float32 precision, `.inf`/`.nan` spelled the YAML way.
pub use documents::{documents, load_values, merge_maps, split_documents};
pub use encode::{to_yaml, to_yaml_pretty};
pub use positions::{KeyPosition, Segment, key_positions};

use crate::value::{Map, MapType, Value, rawbytes};
use std::fmt;

/// A YAML error with Go's exact text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    message: String,
    line: Option<usize>,
}

impl YamlError {
    fn new(message: String, line: Option<usize>) -> YamlError {
        YamlError { message, line }
    }

    /// The error text as Go prints it, e.g. `error converting YAML to JSON: yaml: line 3:
    /// mapping values are not allowed in this context`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line Go's message names (relative to the parsed document), if any.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The same error with `prefix` in front of its text (Go's `fmt.Errorf("...: %w")`).
    pub fn wrap(self, prefix: &str) -> YamlError {
        YamlError {
            message: format!("{prefix}{}", self.message),
            line: self.line,
        }
    }
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for YamlError {}

fn converting(e: decode::GoError) -> YamlError {
    YamlError::new(e.text, e.line).wrap("error converting YAML to JSON: ")
}

/// sigs.k8s.io/yaml's error for a NaN or infinity it would have to write as JSON.
pub fn nonfinite_error(bad: f64) -> YamlError {
    converting(decode::nonfinite_error(bad))
}

/// The first document with go-yaml's own types (integers stay `int`, keys become strings),
/// for decoding into typed structs as sigs.k8s.io/yaml does: a number bound for a `string`
/// field becomes its decimal text (`appVersion: 1.10` → `"1.1"`), which needs to know it was
/// an integer or a float.
pub fn from_str_typed(text: &str) -> Result<Value, YamlError> {
    Ok(decode::unmarshal_go(&rawbytes::decode(text), None)
        .map_err(converting)?
        .unwrap_or(Value::Nil))
}

/// [`from_str_typed`] for a caller that reads only some top-level fields (Helm's
/// `SimpleHead` of a rendered manifest): when the document is a mapping, the result may hold
/// only the top-level keys `keep` accepts. The whole document is still parsed and decoded
/// for errors, with the same results as [`from_str_typed`].
pub fn from_str_typed_fields(text: &str, keep: &dyn Fn(&str) -> bool) -> Result<Value, YamlError> {
    Ok(decode::unmarshal_go(&rawbytes::decode(text), Some(keep))
        .map_err(converting)?
        .unwrap_or(Value::Nil))
}

/// `sigs.k8s.io/yaml.Unmarshal(text, &v)` with `v interface{}`: the first document, numbers
/// as `float64`, maps as `map[string]interface {}` (keys converted to strings), sequences as
/// `[]interface {}`, an empty document as nil.
pub fn from_str(text: &str) -> Result<Value, YamlError> {
    Ok(decode::unmarshal_json(&rawbytes::decode(text))
        .map_err(converting)?
        .unwrap_or(Value::Nil))
}

fn type_mismatch(v: &Value, go_type: &str) -> YamlError {
    YamlError::new(
        format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type {go_type}",
            crate::json::kind_name(v)
        ),
        None,
    )
}

/// `sigs.k8s.io/yaml.Unmarshal` into a `map[string]interface{}` (Helm's values, `fromYaml`):
/// an empty or null document is an empty map, another non-map is an error.
pub fn from_str_map(text: &str) -> Result<Map, YamlError> {
    match from_str(text)? {
        Value::Nil => Ok(Map::new(MapType::Any)),
        Value::Map(m) => Ok(m),
        other => Err(type_mismatch(&other, "map[string]interface {}")),
    }
}

/// `sigs.k8s.io/yaml.Unmarshal` into a `[]interface{}` (`fromYamlArray`).
pub fn from_str_list(text: &str) -> Result<Vec<Value>, YamlError> {
    match from_str(text)? {
        Value::Nil => Ok(Vec::new()),
        Value::List(items, _) => Ok(items.to_vec()),
        other => Err(type_mismatch(&other, "[]interface {}")),
    }
}

#[cfg(test)]
mod tests;
