//! Go's `encoding/asn1`, as far as Sprig's certificates and keys need it: the few DER
//! encodings they use, written out byte by byte so
//! the structures match what Go's `encoding/asn1` and `crypto/x509` emit (field order,
//! string types, minimal integers), plus a shallow reader for SEQUENCEs.

/// A tag-length-value.
pub fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = body.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes: Vec<u8> = n
            .to_be_bytes()
            .iter()
            .copied()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(body);
    out
}

/// A SEQUENCE of already-encoded elements.
pub fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// A SET of already-encoded elements.
pub fn set(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x31, &parts.concat())
}

/// A non-negative INTEGER from big-endian magnitude bytes.
pub fn integer(be: &[u8]) -> Vec<u8> {
    let mut b: Vec<u8> = be.iter().copied().skip_while(|&x| x == 0).collect();
    if b.first().is_none_or(|&x| x & 0x80 != 0) {
        b.insert(0, 0);
    }
    tlv(0x02, &b)
}

/// An OBJECT IDENTIFIER from its encoded contents.
pub fn oid(contents: &[u8]) -> Vec<u8> {
    tlv(0x06, contents)
}

/// NULL.
pub fn null() -> Vec<u8> {
    vec![0x05, 0x00]
}

/// An OCTET STRING.
pub fn octet_string(b: &[u8]) -> Vec<u8> {
    tlv(0x04, b)
}

/// A BIT STRING with no unused bits.
pub fn bit_string(b: &[u8]) -> Vec<u8> {
    let mut body = vec![0u8];
    body.extend_from_slice(b);
    tlv(0x03, &body)
}

/// BOOLEAN true.
pub fn boolean_true() -> Vec<u8> {
    vec![0x01, 0x01, 0xff]
}

/// One element: (tag, contents, total length), if well formed.
fn read_element(b: &[u8]) -> Option<(u8, &[u8], usize)> {
    let tag = *b.first()?;
    let first = *b.get(1)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 8 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = len.checked_mul(256)? + usize::from(*b.get(2 + i)?);
        }
        (len, 2 + n)
    };
    let end = header.checked_add(len)?;
    Some((tag, b.get(header..end)?, end))
}

/// The elements of a SEQUENCE that spans all of `b`: (tag, contents) pairs.
pub fn parse_sequence(b: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let (tag, mut body, total) = read_element(b)?;
    if tag != 0x30 || total != b.len() {
        return None;
    }
    let mut out = Vec::new();
    while !body.is_empty() {
        let (t, c, n) = read_element(body)?;
        out.push((t, c));
        body = body.get(n..)?;
    }
    Some(out)
}

/// The contents of an OCTET STRING that spans all of `b`.
pub fn parse_octet_string(b: &[u8]) -> Option<&[u8]> {
    let (tag, body, total) = read_element(b)?;
    (tag == 0x04 && total == b.len()).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_go() {
        assert_eq!(integer(&[0x00, 0x80]), vec![0x02, 0x02, 0x00, 0x80]);
        assert_eq!(integer(&[]), vec![0x02, 0x01, 0x00]);
        assert_eq!(tlv(0x04, &[0; 200])[..3], [0x04, 0x81, 200]);
        let s = seq(&[integer(&[1]), null()]);
        assert_eq!(parse_sequence(&s).map(|v| v.len()), Some(2));
        assert_eq!(parse_sequence(&s[..3]), None);
    }
}
