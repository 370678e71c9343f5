//! Go's `encoding/base64` standard encoding (`base64.StdEncoding`): encoding, and decoding
//! with Go's leniency (line breaks are skipped) and its error text
//! (`illegal base64 data at input byte N`), which Sprig functions pass on to templates.
//!
//! Written here because the error offsets are Go's own and templates see them.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `base64.StdEncoding.EncodeToString`.
pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(v >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn decode_char(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Go's `CorruptInputError` text.
pub fn corrupt(offset: usize) -> String {
    format!("illegal base64 data at input byte {offset}")
}

fn is_newline(c: u8) -> bool {
    c == b'\n' || c == b'\r'
}

/// `base64.StdEncoding.DecodeString`: the decoded bytes, or the offset Go reports.
pub fn decode(src: &[u8]) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0;
    while si < src.len() {
        let mut dbuf = [0u8; 4];
        let mut dlen = 4;
        let mut j = 0;
        let mut trailing: Option<usize> = None;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return Ok(out);
                }
                // Standard encoding requires padding.
                return Err(si - j);
            }
            let c = src[si];
            si += 1;
            if let Some(v) = decode_char(c) {
                dbuf[j] = v;
                j += 1;
                continue;
            }
            if is_newline(c) {
                continue;
            }
            if c != b'=' {
                return Err(si - 1);
            }
            match j {
                0 | 1 => return Err(si - 1),
                2 => {
                    while si < src.len() && is_newline(src[si]) {
                        si += 1;
                    }
                    if si == src.len() {
                        return Err(src.len());
                    }
                    if src[si] != b'=' {
                        return Err(si - 1);
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && is_newline(src[si]) {
                si += 1;
            }
            if si < src.len() {
                trailing = Some(si);
            }
            dlen = j;
            break;
        }
        let v = u32::from(dbuf[0]) << 18
            | u32::from(dbuf[1]) << 12
            | u32::from(dbuf[2]) << 6
            | u32::from(dbuf[3]);
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        out.extend_from_slice(&bytes[..dlen - 1]);
        if let Some(at) = trailing {
            return Err(at);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            assert_eq!(
                decode(encode(s.as_bytes()).as_bytes()),
                Ok(s.as_bytes().to_vec())
            );
        }
        assert_eq!(encode(b"foob"), "Zm9vYg==");
        assert_eq!(decode(b"Zm9v\r\nYg=="), Ok(b"foob".to_vec()));
    }

    // expected offsets from helm-oracle (`b64dec`, `decryptAES`)
    #[test]
    fn errors_report_go_offsets() {
        assert_eq!(decode(b"!!"), Err(0));
        assert_eq!(decode(b"Zm9vY"), Err(4));
        assert_eq!(decode(b"Zm9vYg="), Err(7));
        assert_eq!(decode(b"Zm9vYg==x"), Err(8));
        assert_eq!(decode(b"Zm9v=g=="), Err(4));
    }
}
