//! The `github.com/Masterminds/goutils` v1.1.1 string helpers Sprig exposes: `Abbreviate`
//! (`abbrev`, `abbrevboth`), `WrapCustom` (`wrap`, `wrapWith`), `Initials`, `SwapCase`,
//! `Uncapitalize` (`untitle`) and `DeleteWhiteSpace` (`nospace`).
//!
//! Several of them work on bytes, not characters: `Abbreviate` and `WrapCustom` cut at byte
//! offsets (so they can split a UTF-8 sequence), and `Initials` and `DeleteWhiteSpace` read
//! each byte as a Latin-1 rune (`nospace "é x"` is `Ã©x`). These functions reproduce that, so
//! they take and return bytes; callers turn the result into a string with
//! `funcs::sprig::conv::go_string` in render-core.

use crate::unicode::{is_lower, is_space, is_title, is_upper, to_lower, to_title, to_upper};
use crate::value::rawbytes::rune;

/// Go's `unicode.IsSpace` of a byte read as a rune.
fn byte_is_space(b: u8) -> bool {
    is_space(char::from(b))
}

/// `goutils.AbbreviateFull(s, offset, maxWidth)`, with its errors as `None`.
pub fn abbreviate_full(s: &[u8], offset: i64, max_width: i64) -> Option<Vec<u8>> {
    const MARKER: &[u8] = b"...";
    if s.is_empty() {
        return Some(Vec::new());
    }
    if max_width < 4 {
        return None;
    }
    let len = s.len() as i64;
    if len <= max_width {
        return Some(s.to_vec());
    }
    // Go's int arithmetic wraps; an extreme offset takes the odd path it takes there.
    let mut offset = offset.min(len);
    if len.wrapping_sub(offset) < max_width - 3 {
        offset = len - (max_width - 3);
    }
    if offset <= 4 {
        let mut out = s.get(..(max_width - 3) as usize)?.to_vec();
        out.extend_from_slice(MARKER);
        return Some(out);
    }
    if max_width < 7 {
        return None;
    }
    let mut out = MARKER.to_vec();
    if offset.wrapping_add(max_width - 3) < len {
        let rest = abbreviate_full(s.get(offset as usize..)?, 0, max_width - 3).unwrap_or_default();
        out.extend_from_slice(&rest);
    } else {
        out.extend_from_slice(s.get((len - (max_width - 3)) as usize..)?);
    }
    Some(out)
}

/// `goutils.WrapCustom(s, wrapLength, newLine, wrapLongWords)`: breaks lines at spaces so they
/// fit `wrap_len` bytes; words longer than that are cut only when `long_words` is set.
pub fn wrap_custom(s: &[u8], wrap_len: i64, new_line: &[u8], long_words: bool) -> Vec<u8> {
    if s.is_empty() {
        return Vec::new();
    }
    let new_line: &[u8] = if new_line.is_empty() { b"\n" } else { new_line };
    let width = usize::try_from(wrap_len.max(1)).unwrap_or(usize::MAX);
    let len = s.len();
    let mut out = Vec::with_capacity(len + len / width.max(1) * new_line.len());
    // What is left to wrap; Go's loop runs while more than `width` bytes are left, that is
    // while the first `width + 1` bytes (the window) are there.
    let mut rest = s;
    while let Some((window, _)) = rest.split_at_checked(width + 1) {
        if let [b' ', tail @ ..] = rest {
            rest = tail;
            continue;
        }
        let last_space = window.iter().rposition(|&b| b == b' ');
        let space_after = move || {
            let i = rest.iter().skip(width).position(|&b| b == b' ')?;
            rest.split_at_checked(width + i)
        };
        if let Some((line, [_, tail @ ..])) = last_space.and_then(|i| rest.split_at_checked(i)) {
            // Break at the last space that fits.
            out.extend_from_slice(line);
            out.extend_from_slice(new_line);
            rest = tail;
        } else if long_words && let Some((line, tail)) = rest.split_at_checked(width) {
            // Cut the word.
            out.extend_from_slice(line);
            out.extend_from_slice(new_line);
            rest = tail;
        } else if let Some((line, [_, tail @ ..])) = space_after() {
            // Break at the first space after the long word.
            out.extend_from_slice(line);
            out.extend_from_slice(new_line);
            rest = tail;
        } else {
            // No space left: the rest is the last line.
            out.extend_from_slice(rest);
            rest = &[];
        }
    }
    out.extend_from_slice(rest);
    out
}

/// Writes byte `b` read as a Latin-1 rune, UTF-8 encoded (Go's `WriteRune(rune(b))`).
fn push_latin1(out: &mut String, b: u8) {
    out.push(char::from(b));
}

/// `goutils.Initials(s)`: the first byte of each whitespace-separated word, as a Latin-1 rune.
pub fn initials(s: &[u8]) -> String {
    let mut out = String::new();
    let mut gap = true;
    for &b in s {
        if byte_is_space(b) {
            gap = true;
        } else if gap {
            push_latin1(&mut out, b);
            gap = false;
        }
    }
    out
}

/// `goutils.DeleteWhiteSpace(s)`: the input unchanged if it has no whitespace byte, otherwise
/// its other bytes as Latin-1 runes.
pub fn delete_white_space(s: &[u8]) -> Vec<u8> {
    if !s.iter().any(|&b| byte_is_space(b)) {
        return s.to_vec();
    }
    let mut out = String::with_capacity(s.len());
    for &b in s.iter().filter(|&&b| !byte_is_space(b)) {
        push_latin1(&mut out, b);
    }
    out.into_bytes()
}

/// `goutils.SwapCase(s)` (a raw byte reads as U+FFFD, as in every rune loop below): upper and title case become lower; lower case becomes title case
/// at the start of a word and upper case elsewhere.
pub fn swap_case(s: &str) -> String {
    let mut word_start = true;
    s.chars()
        .map(rune)
        .map(|c| {
            if is_upper(c) || is_title(c) {
                word_start = false;
                to_lower(c)
            } else if is_lower(c) {
                let out = if word_start { to_title(c) } else { to_upper(c) };
                word_start = false;
                out
            } else {
                word_start = is_space(c);
                c
            }
        })
        .collect()
}

/// `goutils.Uncapitalize(s)`: lower-cases the first character of each whitespace-separated
/// word.
pub fn uncapitalize(s: &str) -> String {
    let mut next = true;
    s.chars()
        .map(rune)
        .map(|c| {
            if is_space(c) {
                next = true;
                c
            } else if next {
                next = false;
                to_lower(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(s: &str, n: i64, nl: &str, long: bool) -> String {
        String::from_utf8(wrap_custom(s.as_bytes(), n, nl.as_bytes(), long)).unwrap_or_default()
    }

    // expected values from helm-oracle
    #[test]
    fn goutils_matches_go() {
        assert_eq!(wrap("hello world foo", 5, "", false), "hello\nworld\nfoo");
        assert_eq!(
            wrap("abcdefgh ij", 3, "<br>", true),
            "abc<br>def<br>gh<br>ij"
        );
        assert_eq!(wrap("abcdefgh ij", 3, "", false), "abcdefgh\nij");
        assert_eq!(initials("émile zola".as_bytes()), "Ãz");
        assert_eq!(delete_white_space("é à x".as_bytes()), "Ã©Ãx".as_bytes());
        assert_eq!(swap_case("hello World ǆ"), "HELLO wORLD ǅ");
        let ab = |s: &str, o, w| abbreviate_full(s.as_bytes(), o, w).map(String::from_utf8);
        assert_eq!(
            ab("Now is the time", 0, 10),
            Some(Ok("Now is ...".to_string()))
        );
        assert_eq!(
            ab("abcdefghijklmno", 5, 10),
            Some(Ok("...fghi...".to_string()))
        );
    }
}
