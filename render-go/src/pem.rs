//! Go's `encoding/pem`: `pem.Encode` (64-column base64 lines) and `pem.Decode`, whose
//! leniency (text before the block, headers, `\r\n`, trailing spaces) decides what Sprig's
//! certificate functions accept. Written here to keep Go's acceptance rules exactly.

use crate::ascii::cut;
use crate::base64;

/// A decoded PEM block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The type from the `BEGIN` line, e.g. `RSA PRIVATE KEY`.
    pub kind: String,
    /// The decoded contents.
    pub bytes: Vec<u8>,
}

/// `pem.EncodeToMemory` of a block without headers.
pub fn encode(kind: &str, bytes: &[u8]) -> String {
    let b64 = base64::base64_encode(bytes);
    let mut out = format!("-----BEGIN {kind}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {kind}-----\n"));
    out
}

/// Go's `getLine`: the first line without its line ending and trailing spaces/tabs, and
/// the rest.
fn get_line(data: &[u8]) -> (&[u8], &[u8]) {
    let (mut line, rest) = match cut(data, b'\n') {
        Some((line, rest)) => (line.strip_suffix(b"\r").unwrap_or(line), rest),
        None => (data, &[][..]),
    };
    while let Some((&last, rest)) = line.split_last() {
        if last == b' ' || last == b'\t' {
            line = rest;
        } else {
            break;
        }
    }
    (line, rest)
}

/// Go's `bytes.Cut` with a separator of several bytes.
fn cut_sub<'a>(hay: &'a [u8], sep: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    let i = hay.windows(sep.len()).position(|w| w == sep)?;
    let (before, from) = hay.split_at_checked(i)?;
    Some((before, from.strip_prefix(sep)?))
}

/// `pem.Decode`: the first well-formed block in `data`.
pub fn decode(data: &[u8]) -> Option<Block> {
    const START: &[u8] = b"\n-----BEGIN ";
    const END: &[u8] = b"\n-----END ";
    const EOL: &[u8] = b"-----";
    let mut rest = data;
    loop {
        if let Some(after) = rest.strip_prefix(b"-----BEGIN ") {
            rest = after;
        } else if let Some((_, after)) = cut_sub(rest, START) {
            rest = after;
        } else {
            return None;
        }
        let (type_line, after) = get_line(rest);
        rest = after;
        let Some(kind) = type_line.strip_suffix(EOL) else {
            continue;
        };
        let mut has_headers = false;
        loop {
            if rest.is_empty() {
                return None;
            }
            let (line, next) = get_line(rest);
            if !line.contains(&b':') {
                break;
            }
            has_headers = true;
            rest = next;
        }
        let (body, trailer) = match rest.strip_prefix(b"-----END ") {
            Some(trailer) if !has_headers => (&[][..], trailer),
            _ => match cut_sub(rest, END) {
                Some(cut) => cut,
                None => continue,
            },
        };
        let trailer_len = kind.len() + EOL.len();
        if trailer.len() < trailer_len {
            continue;
        }
        let (end_trailer, rest_of_end) = trailer.split_at(trailer_len);
        if !end_trailer.starts_with(kind) || !end_trailer.ends_with(EOL) {
            continue;
        }
        if !get_line(rest_of_end).0.is_empty() {
            continue;
        }
        let b64: Vec<u8> = body
            .iter()
            .copied()
            .filter(|&c| c != b' ' && c != b'\t')
            .collect();
        let Ok(bytes) = std::str::from_utf8(&b64)
            .map_err(|e| e.to_string())
            .and_then(base64::base64_decode)
        else {
            continue;
        };
        return Some(Block {
            kind: String::from_utf8_lossy(kind).into_owned(),
            bytes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_go_variants() {
        let pem = encode("TEST", &[1u8; 100]);
        assert!(pem.lines().all(|l| l.len() <= 64));
        let block = decode(pem.as_bytes());
        assert_eq!(block.as_ref().map(|b| b.kind.as_str()), Some("TEST"));
        assert_eq!(block.map(|b| b.bytes), Some(vec![1u8; 100]));
        let messy =
            "junk\r\n-----BEGIN X-----  \r\nProc-Type: 4\r\n\r\nAQID\r\n-----END X-----  \r\n";
        assert_eq!(
            decode(messy.as_bytes()).map(|b| b.bytes),
            Some(vec![1, 2, 3])
        );
        assert_eq!(decode(b"garbage"), None);
        assert_eq!(decode(b"-----BEGIN X-----\nAQID\n-----END Y-----\n"), None);
    }
}
