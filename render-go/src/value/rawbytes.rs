//! Go strings that are not valid UTF-8.
//!
//! A Go `string` is any sequence of bytes: `.Files.Get` of a binary file, `b64dec` of binary
//! data or `trunc` cutting a character in two all give strings that are not UTF-8, and Go
//! keeps every byte (`.Files.Get "x.bz2" | b64enc` reproduces the file). Our [`Str`] is Rust
//! UTF-8, so each byte that is not part of a valid UTF-8 sequence is carried as one character
//! of Supplementary Private Use Area-B, `U+10FF00 + byte` (bytes 0x80..=0xFF; an invalid
//! byte is never ASCII). Functions that see a Go string's bytes (`b64enc`, `sha256sum`,
//! `len`, `trunc`, `%x`, ...) decode them with [`decode`]; those that see its runes treat
//! each as Go's `utf8.RuneError`, as Go does for an invalid byte ([`lossy`], `\ufffd` in JSON,
//! `\x80` in `%q`). Text that really contains U+10FF80..U+10FFFF would be misread as raw
//! bytes; no chart has private-use characters of that plane.
//!
//! [`Str`]: super::Str

use std::borrow::Cow;

/// The first character standing for a raw byte (`U+10FF00 + byte`).
const BASE: u32 = 0x10_FF00;

/// The raw byte a character stands for, if it is an escape.
pub fn escaped_byte(c: char) -> Option<u8> {
    (c as u32)
        .checked_sub(BASE)
        .and_then(|b| u8::try_from(b).ok())
        .filter(|b| *b >= 0x80)
}

/// The rune Go's UTF-8 decoder reads for `c`: `utf8.RuneError` (U+FFFD) for a raw byte.
pub fn rune(c: char) -> char {
    match escaped_byte(c) {
        Some(_) => char::REPLACEMENT_CHARACTER,
        None => c,
    }
}

/// The character that stands for the raw byte `b` (0x80..=0xFF).
fn escape(b: u8) -> char {
    char::from_u32(BASE + u32::from(b)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Whether `s` may hold escapes: every escape's UTF-8 form starts with the byte 0xF4, which
/// plain text only uses for characters of plane 16.
pub fn has_escapes(s: &str) -> bool {
    s.as_bytes().contains(&0xF4) && s.chars().any(|c| escaped_byte(c).is_some())
}

/// A Go string's bytes as our string: valid UTF-8 as is, every other byte escaped.
pub fn encode(bytes: &[u8]) -> Cow<'_, str> {
    let mut rest = bytes;
    let mut out = String::new();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) if out.is_empty() => return Cow::Borrowed(s),
            Ok(s) => {
                out.push_str(s);
                return Cow::Owned(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // Go's decoder rejects one byte at a time (utf8.RuneError of width 1).
                let (valid, tail) = rest.split_at(good);
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let Some((&bad, after)) = tail.split_first() else {
                    return Cow::Owned(out);
                };
                out.push(escape(bad));
                rest = after;
            }
        }
    }
}

/// [`encode`] of an owned buffer, without a copy when it is valid UTF-8.
pub fn encode_vec(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => encode(e.as_bytes()).into_owned(),
    }
}

/// The Go bytes of our string: escapes become their raw bytes again.
pub fn decode(s: &str) -> Cow<'_, [u8]> {
    if !has_escapes(s) {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        match escaped_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
        }
    }
    Cow::Owned(out)
}

/// The string as Go's rune-wise readers see it: every raw byte is U+FFFD (`utf8.RuneError`),
/// which is also what `json.Marshal` writes for it.
pub fn lossy(s: &str) -> Cow<'_, str> {
    if !has_escapes(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(rune).collect())
}

/// Go's `s[lo:hi]` on the string's bytes (the caller checks the bounds against
/// [`decode`]'s length).
pub fn slice(s: &str, lo: usize, hi: usize) -> String {
    let bytes = decode(s);
    encode(bytes.get(lo..hi).unwrap_or_default()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_invalid_bytes() {
        let raw = b"a\x80\xffb\xc3\xa9\xc3";
        let s = encode(raw);
        assert_eq!(s.chars().count(), 6);
        assert_eq!(&*decode(&s), raw);
        assert_eq!(lossy(&s), "a\u{FFFD}\u{FFFD}b\u{e9}\u{FFFD}");
        assert!(matches!(encode(b"plain"), Cow::Borrowed("plain")));
        assert!(matches!(decode("h\u{e9}"), Cow::Borrowed(_)));
    }

    #[test]
    fn slices_inside_a_character() {
        let cut = slice("h\u{e9}llo", 0, 2);
        assert_eq!(&*decode(&cut), b"h\xc3");
        assert_eq!(slice(&cut, 0, 2), cut);
        // Joining the two halves of a character again gives the character back.
        let tail = slice("h\u{e9}llo", 2, 6);
        let joined = format!("{cut}{tail}");
        assert_eq!(encode(&decode(&joined)), "h\u{e9}llo");
    }
}
