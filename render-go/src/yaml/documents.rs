//! Multi-document YAML as Helm loads values: apimachinery's `YAMLReader` splits the text on
//! `---` lines, each piece is unmarshalled on its own (so error lines count from the piece's
//! start), and the pieces are merged with Helm's `MergeMaps`.

use super::{YamlError, from_str, from_str_map};
use crate::value::{Map, MapType, Str, Value};
use std::collections::BTreeMap;

/// Splits `text` into documents like apimachinery's `YAMLReader.Read`: lines are read with
/// their `\n`/`\r\n` ending normalised to `\n`; a line starting with `---` followed only by
/// spaces or a comment separates documents (the separator is dropped, except before the first
/// content, where it stays); anything else after `---` is an error.
pub fn split_documents(text: &str) -> Result<Vec<String>, YamlError> {
    let mut docs = Vec::new();
    let mut buffer = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (line, next) = match rest.find('\n') {
            // bufio.ReadLine drops a "\r\n" or "\n" ending; a lone final '\r' stays.
            Some(i) => (
                rest[..i].strip_suffix('\r').unwrap_or(&rest[..i]),
                &rest[i + 1..],
            ),
            None => (rest, ""),
        };
        rest = next;
        if let Some(after) = line.strip_prefix("---") {
            let trimmed = after.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return Err(YamlError::new(
                    format!(
                        "error reading yaml document: invalid Yaml document separator: {trimmed}"
                    ),
                    None,
                ));
            }
            if !buffer.is_empty() {
                docs.push(std::mem::take(&mut buffer));
                continue;
            }
        }
        buffer.push_str(line);
        buffer.push('\n');
    }
    if !buffer.is_empty() {
        docs.push(buffer);
    }
    Ok(docs)
}

/// Every document of a multi-document text, each read with [`from_str`].
pub fn documents(text: &str) -> Result<Vec<Value>, YamlError> {
    split_documents(text)?.iter().map(|d| from_str(d)).collect()
}

/// Helm's `loader.LoadValues`: each document unmarshalled into a map, the maps merged with
/// [`merge_maps`] (later documents win).
pub fn load_values(text: &str) -> Result<Map, YamlError> {
    let mut values = Map::new(MapType::Any);
    for doc in split_documents(text)? {
        let current = from_str_map(&doc).map_err(|e| e.wrap("cannot unmarshal yaml document: "))?;
        values = merge_maps(&values, &current);
    }
    Ok(values)
}

/// Helm's `MergeMaps(a, b)`: a new map with `a`'s entries, then `b`'s; where both hold maps
/// under a key, they are merged recursively.
pub fn merge_maps(a: &Map, b: &Map) -> Map {
    let mut out: BTreeMap<Str, Value> = a.with_entries(|e| e.clone());
    for (k, v) in b.entries() {
        if let Value::Map(bm) = &v {
            if let Some(Value::Map(am)) = out.get(&k) {
                let merged = merge_maps(am, bm);
                out.insert(k, Value::Map(merged));
                continue;
            }
        }
        out.insert(k, v);
    }
    Map::from_entries(MapType::Any, out)
}
