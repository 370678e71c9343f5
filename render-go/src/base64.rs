//! Go's `encoding/base64` and `encoding/base32` standard encodings (padded, RFC 4648
//! alphabets), as Sprig's `b64enc`/`b64dec`/`b32enc`/`b32dec` and `encoding/json`'s `[]byte`
//! use them.
//!
//! Written here rather than taken from a crate because templates print the decoder's error
//! text, `illegal base64 data at input byte N`, and Go's decoders have their own rules for
//! which byte that is (newlines skipped, padding checks, base32 ignoring what follows a padded
//! block); matching them means following Go's decoding order exactly.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// The 6-bit value of a base64 character.
fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

/// The 5-bit value of a base32 character.
fn b32_value(c: u8) -> Option<u64> {
    B32.iter().position(|&x| x == c).map(|p| p as u64)
}

/// The base64 character for the low six bits of `v` (`B64` by arithmetic).
fn b64_char(v: u32) -> char {
    let v = (v & 63) as u8;
    char::from(match v {
        0..=25 => b'A' + v,
        26..=51 => b'a' + (v - 26),
        52..=61 => b'0' + (v - 52),
        62 => b'+',
        _ => b'/',
    })
}

/// The base32 character for the low five bits of `v` (`B32` by arithmetic).
fn b32_char(v: u64) -> char {
    let v = (v & 31) as u8;
    char::from(match v {
        0..=25 => b'A' + v,
        _ => b'2' + (v - 26),
    })
}

/// `base64.StdEncoding.EncodeToString`.
pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let mut buf = [0u8; 3];
        for (dst, &src) in buf.iter_mut().zip(chunk) {
            *dst = src;
        }
        let n = (u32::from(buf[0]) << 16) | (u32::from(buf[1]) << 8) | u32::from(buf[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(b64_char(n >> (18 - 6 * i)));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `base64.StdEncoding.DecodeString`: the bytes, or Go's error text.
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let src = s.as_bytes();
    let corrupt = |at: usize| format!("illegal base64 data at input byte {at}");
    let is_nl = |c: u8| c == b'\n' || c == b'\r';
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0;
    while si < src.len() {
        // One quantum of up to four characters, newlines skipped.
        let mut quad = [0u32; 4];
        let mut len = 4;
        let mut trailing = None;
        let mut j = 0;
        while let Some(slot) = quad.get_mut(j) {
            let Some(&c) = src.get(si) else {
                if j == 0 {
                    return Ok(out);
                }
                return Err(corrupt(si - j));
            };
            si += 1;
            if let Some(v) = b64_value(c) {
                *slot = v;
                j += 1;
                continue;
            }
            if is_nl(c) {
                continue;
            }
            if c != b'=' || j < 2 {
                return Err(corrupt(si - 1));
            }
            if j == 2 {
                // A second `=` must follow.
                while src.get(si).copied().is_some_and(is_nl) {
                    si += 1;
                }
                match src.get(si) {
                    None => return Err(corrupt(src.len())),
                    Some(b'=') => si += 1,
                    Some(_) => return Err(corrupt(si - 1)),
                }
            }
            while src.get(si).copied().is_some_and(is_nl) {
                si += 1;
            }
            if si < src.len() {
                trailing = Some(corrupt(si));
            }
            len = j;
            break;
        }
        let n = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3];
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // `len` is 2 to 4 characters, for 1 to 3 bytes.
        out.extend(bytes.iter().take(len - 1));
        if let Some(e) = trailing {
            return Err(e);
        }
        if len < 4 {
            break;
        }
    }
    Ok(out)
}

/// `base32.StdEncoding.EncodeToString`.
pub fn base32_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
    for chunk in data.chunks(5) {
        let mut buf = [0u8; 5];
        for (dst, &src) in buf.iter_mut().zip(chunk) {
            *dst = src;
        }
        let n = buf.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        // Characters that carry data for 1..5 input bytes.
        let chars = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for i in 0..8 {
            if i < chars {
                out.push(b32_char(n >> (35 - 5 * i)));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `base32.StdEncoding.DecodeString`: the bytes, or Go's error text. Go drops newlines before
/// decoding (error offsets count the remaining bytes) and stops after the first padded block.
pub fn base32_decode(s: &str) -> Result<Vec<u8>, String> {
    let src: Vec<u8> = s.bytes().filter(|&c| c != b'\n' && c != b'\r').collect();
    let corrupt = |at: usize| format!("illegal base32 data at input byte {at}");
    let total = src.len();
    let mut out = Vec::with_capacity(total / 8 * 5);
    let mut pos = 0;
    while pos < total {
        let mut block = [0u64; 8];
        let mut len = 8;
        let mut end = false;
        let mut j = 0;
        while let Some(slot) = block.get_mut(j) {
            let Some(&c) = src.get(pos) else {
                return Err(corrupt(pos - j));
            };
            pos += 1;
            let remaining = total - pos;
            if c == b'=' && j >= 2 && remaining < 8 {
                if remaining + j < 7 {
                    return Err(corrupt(total));
                }
                for k in 0..7 - j {
                    if src.get(pos + k).is_some_and(|&x| x != b'=') {
                        return Err(corrupt(pos + k - 1));
                    }
                }
                len = j;
                end = true;
                if matches!(len, 1 | 3 | 6) {
                    return Err(corrupt(pos - 1));
                }
                break;
            }
            match b32_value(c) {
                Some(v) => *slot = v,
                None => return Err(corrupt(pos - 1)),
            }
            j += 1;
        }
        let n = block.iter().fold(0u64, |acc, &v| (acc << 5) | v);
        let bytes = [
            (n >> 32) as u8,
            (n >> 24) as u8,
            (n >> 16) as u8,
            (n >> 8) as u8,
            n as u8,
        ];
        let keep = match len {
            8 => 5,
            7 => 4,
            5 => 3,
            4 => 2,
            2 => 1,
            _ => 0,
        };
        out.extend(bytes.iter().take(keep));
        if end {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_match_the_alphabets() {
        for v in 0..64u8 {
            assert_eq!(
                b64_char(u32::from(v) | 0x40),
                char::from(B64[usize::from(v)])
            );
        }
        for v in 0..32u8 {
            assert_eq!(
                b32_char(u64::from(v) | 0x20),
                char::from(B32[usize::from(v)])
            );
        }
    }

    fn b64(s: &str) -> String {
        match base64_decode(s) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => e,
        }
    }

    fn b32(s: &str) -> String {
        match base32_decode(s) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => e,
        }
    }

    // expected values from helm-oracle (`b64dec`/`b32dec` print Go's error text)
    #[test]
    fn base64_like_go() {
        assert_eq!(base64_encode(b"foob"), "Zm9vYg==");
        assert_eq!(base64_encode(b""), "");
        let cases = [
            ("abc", "illegal base64 data at input byte 0"),
            ("ab=c", "illegal base64 data at input byte 2"),
            ("ab==", "i"),
            ("ab=", "illegal base64 data at input byte 3"),
            ("abc=x", "illegal base64 data at input byte 4"),
            ("a", "illegal base64 data at input byte 0"),
            ("aGVsbG8=\naGk=", "illegal base64 data at input byte 9"),
            ("aG\r\nVsbG8=", "hello"),
            ("aGVsbG8gd29ybGQ*", "illegal base64 data at input byte 15"),
            ("ab==\n", "i"),
            ("ab=\n=", "i"),
            ("", ""),
            ("=", "illegal base64 data at input byte 0"),
        ];
        for (input, want) in cases {
            assert_eq!(b64(input), want, "{input:?}");
        }
    }

    #[test]
    fn base32_like_go() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI======");
        let cases = [
            ("MY======", "f"),
            ("MY======MZXW6===", "illegal base32 data at input byte 2"),
            ("MY", "illegal base32 data at input byte 0"),
            ("MY=====", "illegal base32 data at input byte 7"),
            ("M=======", "illegal base32 data at input byte 1"),
            ("MZXW6YQ=", "foob"),
            ("MZXW6YQ", "illegal base32 data at input byte 0"),
            ("mzxw6yq=", "illegal base32 data at input byte 0"),
            ("MZX\nW6YQ=", "foob"),
            ("MY==a===", "illegal base32 data at input byte 3"),
            ("MZXW6YTB", "fooba"),
            ("MZXW6YTBOI======", "foobar"),
            ("1", "illegal base32 data at input byte 0"),
        ];
        for (input, want) in cases {
            assert_eq!(b32(input), want, "{input:?}");
        }
    }
}
