//! Heads of large documents, remembered across the renders of one loaded chart. Environments
//! of a chart print many large documents unchanged (CRDs above all), and reading a
//! document's head is a full YAML parse that depends on nothing but its text: a later render
//! that prints the same text takes the head read before. Texts are compared whole, so a hit
//! is always the same document; the memo holds a bounded number of bytes.

use super::head::parse_head;
use super::sort::Head;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// Documents below this size are read again: their parse costs about what finding them
/// would.
const MIN_BYTES: usize = 16 * 1024;
/// At most this many bytes of documents are kept.
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Bytes from each end of a document that pick its bucket (the whole text decides a hit).
const SAMPLE_BYTES: usize = 2048;

/// A head as read, or sigs.k8s.io/yaml's error for the document.
type Read = Result<Head, String>;

#[derive(Default)]
struct Remembered {
    /// Documents by their length and a hash of their ends.
    buckets: HashMap<u64, Vec<(Arc<str>, Read)>>,
    bytes: usize,
}

/// The heads of large documents rendered so far; shared by renders running at once.
#[derive(Default)]
pub(crate) struct HeadsMemo {
    remembered: Mutex<Remembered>,
}

fn bucket(doc: &str) -> u64 {
    let bytes = doc.as_bytes();
    let mut h = DefaultHasher::new();
    bytes.len().hash(&mut h);
    bytes.get(..SAMPLE_BYTES).unwrap_or(bytes).hash(&mut h);
    bytes
        .get(bytes.len().saturating_sub(SAMPLE_BYTES)..)
        .unwrap_or(bytes)
        .hash(&mut h);
    h.finish()
}

impl HeadsMemo {
    /// [`parse_head`] of `doc`, read once per distinct large text.
    pub(crate) fn head(&self, doc: &str) -> Read {
        if doc.len() < MIN_BYTES {
            return parse_head(doc);
        }
        let key = bucket(doc);
        let found = self.remembered.lock().buckets.get(&key).and_then(|docs| {
            docs.iter()
                .find(|(text, _)| **text == *doc)
                .map(|(_, read)| read.clone())
        });
        if let Some(read) = found {
            return read;
        }
        // Read without the lock: renders on other threads go on meanwhile (two of them may
        // read the same text; both get the same head).
        let read = parse_head(doc);
        let mut remembered = self.remembered.lock();
        if remembered.bytes + doc.len() <= MAX_BYTES {
            remembered.bytes += doc.len();
            remembered
                .buckets
                .entry(key)
                .or_default()
                .push((Arc::from(doc), read.clone()));
        }
        read
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crd(name: &str, filler: usize) -> String {
        let mut doc = format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n");
        for i in 0..filler {
            doc.push_str(&format!("  key{i}: value {i}\n"));
        }
        doc
    }

    #[test]
    fn heads_are_those_of_the_text() {
        let memo = HeadsMemo::default();
        let big = crd("a", 2000);
        assert!(big.len() >= MIN_BYTES);
        let other = big.replacen("name: a", "name: b", 1);
        // The same length and ends, another middle: the same bucket, another result.
        let bad = big.replacen("key1000: value 1000", "key1000: [alue 1000", 1);
        assert_eq!(bucket(&bad), bucket(&big));
        for _ in 0..2 {
            for doc in [&big, &other, &bad, &crd("small", 3)] {
                let (memo_read, direct) = (memo.head(doc), parse_head(doc));
                assert_eq!(format!("{memo_read:?}"), format!("{direct:?}"));
            }
        }
        assert_eq!(memo.head(&other).map(|h| h.name), Ok("b".to_string()));
        assert!(memo.head(&bad).is_err());
        let remembered = memo.remembered.lock();
        assert_eq!(remembered.bytes, big.len() + other.len() + bad.len());
    }
}
