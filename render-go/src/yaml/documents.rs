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
    // A document's lines are contiguous in the text: it is copied once, from `start` to
    // where its last line ends. Only lines starting with `---` matter, so they are searched
    // for rather than every line read.
    let mut start = 0;
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"---") {
        if at > 0 && bytes.get(at - 1) != Some(&b'\n') {
            continue;
        }
        let (line_end, next) = match memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default()) {
            Some(i) => (at + i, at + i + 1),
            None => (text.len(), text.len()),
        };
        // bufio.ReadLine drops a "\r\n" or "\n" ending; a lone final '\r' stays.
        let line = text.get(at..line_end).unwrap_or_default();
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.get(3..).unwrap_or_default().trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            return Err(YamlError::new(
                format!("error reading yaml document: invalid Yaml document separator: {trimmed}"),
                None,
            ));
        }
        if at > start {
            docs.push(normalized_lines(text.get(start..at).unwrap_or_default()));
            start = next;
        }
    }
    if text.len() > start {
        docs.push(normalized_lines(text.get(start..).unwrap_or_default()));
    }
    Ok(docs)
}

/// Lines as `bufio.ReadLine` reads them, each ended by one `\n` (a `\r\n` ending is a `\n`,
/// a last line without an ending gets one).
fn normalized_lines(lines: &str) -> String {
    if lines.ends_with('\n') && !lines.contains('\r') {
        return lines.to_string();
    }
    let mut out = String::with_capacity(lines.len() + 1);
    for line in lines.split_inclusive('\n') {
        let line = match line.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l),
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// apimachinery's reader as first written here: line by line into a growing buffer.
    fn line_by_line(text: &str) -> Result<Vec<String>, String> {
        let mut docs = Vec::new();
        let mut buffer = String::new();
        let mut rest = text;
        while !rest.is_empty() {
            let (line, next) = match rest.find('\n') {
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
                    return Err(trimmed.to_string());
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

    #[test]
    fn documents_are_split_as_a_line_reader_splits_them() {
        let pieces = [
            "a: 1\n",
            "b: 2\r\n",
            "---\n",
            "--- # c\n",
            "---\r\n",
            "---x\n",
            "\n",
            "\r\n",
            "c\r",
            "---",
            "d",
            " ---\n",
            "e: \"\r\"\n",
        ];
        // Every text of up to five pieces (13^5 = 371 293 texts).
        let mut count = 0;
        let mut text = String::new();
        let mut stack = vec![0usize];
        while let Some(&len) = stack.last() {
            let _ = len;
            text.clear();
            for &i in stack.iter().skip(1) {
                text.push_str(pieces[i - 1]);
            }
            let ours = split_documents(&text).map_err(|e| e.to_string());
            let want = line_by_line(&text).map_err(|t| {
                format!("error reading yaml document: invalid Yaml document separator: {t}")
            });
            assert_eq!(ours, want, "{text:?}");
            count += 1;
            // Next text: a deeper one, else the next sibling, else back up.
            if stack.len() <= 5 {
                stack.push(1);
                continue;
            }
            while let Some(last) = stack.pop() {
                if stack.is_empty() {
                    break;
                }
                if last < pieces.len() {
                    stack.push(last + 1);
                    break;
                }
            }
        }
        assert!(count > 300_000, "{count}");
    }
}
