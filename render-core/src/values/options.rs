//! Helm's `values.Options.MergeValues` (pkg/cli/values/options.go): the user's values from the
//! command line, before they meet any chart.
//!
//! In Helm's order: every `-f` file (each may hold several YAML documents, merged in order; `-`
//! is standard input), then `--set-json`, `--set`, `--set-string`, `--set-file` and
//! `--set-literal`, each flag in the order given. Error texts are Helm's (`failed to parse
//! FILE: ...`, `failed parsing --set data: ...`).
//!
//! Reading files goes through a caller-supplied function so that tests and embedders choose
//! where bytes come from; [`read_file`] is Helm's `readFile` for the CLI. Remote values files
//! (`https://...`, `oci://...`), which Helm would download, are refused: nothing is fetched.

use super::ValuesError;
use super::strvals::{self, Mode};
use crate::error::Location;
use render_go::json::{Target, decode_as};
use render_go::os::io_error;
use render_go::strconv::quote;
use render_go::value::{Map, MapType, Value};
use render_go::yaml::{load_values, merge_maps, split_documents};
use std::sync::Arc;

/// The value flags of `helm template`/`install`, each in command-line order.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options {
    /// `-f`/`--values`: paths (`-` for standard input).
    pub value_files: Vec<String>,
    /// `--set-string`.
    pub string_values: Vec<String>,
    /// `--set`.
    pub values: Vec<String>,
    /// `--set-file`.
    pub file_values: Vec<String>,
    /// `--set-json`.
    pub json_values: Vec<String>,
    /// `--set-literal`.
    pub literal_values: Vec<String>,
}

/// Reads the bytes of a values file named on the command line.
pub type ReadFile<'a> = dyn FnMut(&str) -> Result<Vec<u8>, ValuesError> + 'a;

impl Options {
    /// `MergeValues`: the user's values, a `map[string]interface{}`. `read` loads `-f` and
    /// `--set-file` paths (`render` passes `read_file`, which reads them as Helm does).
    pub fn merge_values(&self, read: &mut ReadFile<'_>) -> Result<Map, ValuesError> {
        let mut base = Map::new(MapType::Any);

        for path in &self.value_files {
            let raw = read(path)?;
            // Bytes that are not UTF-8 reach the YAML reader, which refuses them as Go's does.
            let text = render_go::value::rawbytes::encode(&raw);
            let current = load_values(&text).map_err(|e| parse_error(path, &text, &e))?;
            base = merge_maps(&base, &current);
        }

        for value in &self.json_values {
            let trimmed = value.trim();
            if trimmed.starts_with('{') {
                let decoded = decode_as(trimmed, Target::Map);
                match (decoded.error, decoded.value) {
                    (None, Value::Map(m)) => base = merge_maps(&base, &m),
                    _ => {
                        let message = format!("failed parsing --set-json data JSON: {value}");
                        return Err(ValuesError::Flag(message));
                    }
                }
            } else if strvals::parse_into(value, &base, Mode::Json).is_err() {
                return Err(ValuesError::Flag(format!(
                    "failed parsing --set-json data {value}"
                )));
            }
        }

        for value in &self.values {
            strvals::parse_into(value, &base, Mode::Typed)
                .map_err(|e| ValuesError::Flag(format!("failed parsing --set data: {e}")))?;
        }

        for value in &self.string_values {
            strvals::parse_into(value, &base, Mode::String)
                .map_err(|e| {
                    ValuesError::Flag(format!("failed parsing --set-string data: {e}"))
                })?;
        }

        for value in &self.file_values {
            let mut reader = |path: &str| -> Result<Value, String> {
                let bytes = read(path).map_err(|e| e.message().to_string())?;
                Ok(Value::string(render_go::value::rawbytes::encode_vec(bytes)))
            };
            strvals::parse_into(value, &base, Mode::File(&mut reader))
                .map_err(|e| ValuesError::Flag(format!("failed parsing --set-file data: {e}")))?;
        }

        for value in &self.literal_values {
            strvals::parse_into(value, &base, Mode::Literal)
                .map_err(|e| {
                    ValuesError::Flag(format!("failed parsing --set-literal data: {e}"))
                })?;
        }

        Ok(base)
    }
}

/// Helm's `readFile`: `-` (with surrounding blanks) is standard input; a path is first parsed
/// as a URL (Go's `url.Parse` errors are Helm's errors); `http`, `https` and `oci` URLs are
/// refused (Helm would download them); anything else is read from disk with Go's error text
/// (`open x.yaml: no such file or directory`).
pub fn read_file(path: &str) -> Result<Vec<u8>, ValuesError> {
    let io = |message: String, e: std::io::Error| ValuesError::Read {
        message,
        source: Some(Arc::new(e)),
    };
    if path.trim() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| io(format!("read /dev/stdin: {}", io_error(&e)), e))?;
        return Ok(buf);
    }
    let scheme = url_scheme(path).map_err(ValuesError::read)?.to_ascii_lowercase();
    if matches!(scheme.as_str(), "http" | "https" | "oci") {
        return Err(ValuesError::read(format!(
            "{path}: remote values files are not supported"
        )));
    }
    std::fs::read(path).map_err(|e| {
        let op = if std::path::Path::new(path).is_dir() {
            "read"
        } else {
            "open"
        };
        io(render_go::os::path_error(op, std::path::Path::new(path), &e), e)
    })
}

/// `failed to parse FILE: ...`, located at the YAML error's line when the file is one
/// document (the line of a later document counts from that document's start).
fn parse_error(path: &str, text: &str, e: &render_go::yaml::YamlError) -> ValuesError {
    let one_document = split_documents(text).is_ok_and(|docs| docs.len() <= 1);
    let line = e.line().filter(|_| one_document);
    ValuesError::Parse {
        message: format!("failed to parse {path}: {e}"),
        location: Location::new(path, line, None),
    }
}

/// The scheme Go's `url.Parse` finds in `raw` (empty when none), or its error as Helm
/// reports it (`parse "a%zz": invalid URL escape "%zz"`). Covers the checks a local path can
/// trip over: control characters, a leading colon, a colon in the first segment of a
/// scheme-less path, and malformed `%` escapes in the path or fragment.
fn url_scheme(raw: &str) -> Result<&str, String> {
    let fail = |msg: String| format!("parse {}: {msg}", quote(raw));
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err(fail(
            "net/url: invalid control character in URL".to_string(),
        ));
    }
    let (rest, fragment) = match raw.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (raw, None),
    };
    let (scheme, after) = split_scheme(rest).map_err(fail)?;
    let path = match after.split_once('?') {
        Some((p, _)) => p,
        None => after,
    };
    if scheme.is_empty() {
        let first = path.split('/').next().unwrap_or("");
        if first.contains(':') && !path.starts_with('/') {
            return Err(fail(
                "first path segment in URL cannot contain colon".to_string(),
            ));
        }
    }
    // With a scheme and no '/', the rest is opaque and not unescaped.
    if scheme.is_empty() || path.starts_with('/') {
        check_escapes(path).map_err(fail)?;
    }
    if let Some(f) = fragment {
        check_escapes(f).map_err(fail)?;
    }
    Ok(scheme)
}

/// Go's `getScheme`: a letter followed by letters, digits, `+`, `-` or `.`, then `:`.
fn split_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if i > 0 => {}
            ':' if i == 0 => return Err("missing protocol scheme".to_string()),
            ':' => {
                let (scheme, rest) = raw.split_at(i);
                return Ok((scheme, rest.get(1..).unwrap_or("")));
            }
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

/// Go's `unescape` check: every `%` starts two hex digits.
fn check_escapes(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c != b'%' {
            i += 1;
            continue;
        }
        let escape = b.get(i..(i + 3).min(b.len())).unwrap_or_default();
        if escape.len() < 3 || !escape.iter().skip(1).all(u8::is_ascii_hexdigit) {
            let bad = String::from_utf8_lossy(escape);
            return Err(format!("invalid URL escape {}", quote(&bad)));
        }
        i += 3;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
