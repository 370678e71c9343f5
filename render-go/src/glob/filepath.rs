//! Go's `path/filepath.Match` with `/` as the separator: `*` (any run of non-`/` bytes), `?`
//! (one non-`/` character), `[...]` classes (`^` negates, ranges, `\` escapes; a class may
//! match `/`), `\` escapes. Works on bytes, as Go does: literals compare bytes, `?` and
//! classes read one UTF-8 character.
//!
//! The algorithm is Go's: the pattern is cut into chunks at stars, and each chunk after a
//! star is matched at the leftmost position where it fits (the last chunk at a position that
//! ends the name), with no backtracking, so the cost is at most the name's length times the
//! pattern's. A malformed pattern is an error (`syntax error in pattern`) whatever the name.

/// Go's `filepath.ErrBadPattern` text.
pub const BAD_PATTERN: &str = "syntax error in pattern";

/// Whether `name` matches the shell pattern `pattern`; `Err` for a malformed pattern.
pub fn path_match(pattern: &str, name: &str) -> Result<bool, String> {
    matches(pattern.as_bytes(), name.as_bytes()).map_err(|()| BAD_PATTERN.to_string())
}

type Bad = ();

fn matches(mut pattern: &[u8], mut name: &[u8]) -> Result<bool, Bad> {
    'pattern: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            // A trailing star matches the rest of the name unless it has a separator.
            return Ok(!name.contains(&b'/'));
        }
        // The chunk at the current position.
        let here = match_chunk(chunk, name);
        if let Ok(Some(t)) = here
            && (t.is_empty() || !pattern.is_empty())
        {
            name = t;
            continue;
        }
        here?;
        if star {
            // Skip up to the next separator, looking for the leftmost fit.
            let mut rest = name;
            while let [c, after @ ..] = rest
                && *c != b'/'
            {
                match match_chunk(chunk, after)? {
                    // The last chunk must end the name.
                    Some(t) if pattern.is_empty() && !t.is_empty() => {}
                    Some(t) => {
                        name = t;
                        continue 'pattern;
                    }
                    None => {}
                }
                rest = after;
            }
        }
        // No match: the rest of the pattern must still be well formed.
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern);
            pattern = rest;
            match_chunk(chunk, b"")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// Splits off the leading stars and the chunk up to the next star outside a class.
fn scan_chunk(mut pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut star = false;
    while let [b'*', rest @ ..] = pattern {
        pattern = rest;
        star = true;
    }
    let mut in_range = false;
    let mut i = 0;
    while let Some(&c) = pattern.get(i) {
        match c {
            // A trailing backslash is reported by match_chunk.
            b'\\' if i + 1 < pattern.len() => i += 1,
            b'[' => in_range = true,
            b']' => in_range = false,
            b'*' if !in_range => break,
            _ => {}
        }
        i += 1;
    }
    // `i` stops at the next star or at the end.
    let (chunk, rest) = pattern.split_at_checked(i).unwrap_or((pattern, &[]));
    (star, chunk, rest)
}

/// Matches `chunk` (no stars) at the start of `s`: the rest of `s`, `None` when it does not
/// match. The whole chunk is read even after a mismatch, so a malformed chunk is an error.
fn match_chunk<'s>(mut chunk: &[u8], mut s: &'s [u8]) -> Result<Option<&'s [u8]>, Bad> {
    let mut failed = false;
    while let [c, after @ ..] = chunk {
        if !failed && s.is_empty() {
            failed = true;
        }
        match c {
            b'[' => {
                let mut r = 0;
                if !failed {
                    (r, s) = decode_rune(s);
                }
                chunk = after;
                let negated = if let [b'^', rest @ ..] = chunk {
                    chunk = rest;
                    true
                } else {
                    false
                };
                let mut matched = false;
                let mut ranges = 0;
                loop {
                    if let [b']', rest @ ..] = chunk
                        && ranges > 0
                    {
                        chunk = rest;
                        break;
                    }
                    let (lo, rest) = get_esc(chunk)?;
                    chunk = rest;
                    let mut hi = lo;
                    if let [b'-', rest @ ..] = chunk {
                        let (h, rest) = get_esc(rest)?;
                        hi = h;
                        chunk = rest;
                    }
                    if lo <= r && r <= hi {
                        matched = true;
                    }
                    ranges += 1;
                }
                if matched == negated {
                    failed = true;
                }
            }
            b'?' => {
                if !failed {
                    if s.first() == Some(&b'/') {
                        failed = true;
                    }
                    s = decode_rune(s).1;
                }
                chunk = after;
            }
            _ => {
                let lit = if *c == b'\\' {
                    let [lit, rest @ ..] = after else {
                        return Err(());
                    };
                    chunk = rest;
                    *lit
                } else {
                    chunk = after;
                    *c
                };
                if !failed {
                    match s {
                        [first, rest @ ..] => {
                            failed |= *first != lit;
                            s = rest;
                        }
                        [] => failed = true,
                    }
                }
            }
        }
    }
    Ok(if failed { None } else { Some(s) })
}

/// A possibly escaped character of a class, and the rest of the chunk (which must go on).
fn get_esc(chunk: &[u8]) -> Result<(u32, &[u8]), Bad> {
    let chunk = match chunk {
        [] | [b'-' | b']', ..] | [b'\\'] => return Err(()),
        [b'\\', escaped @ ..] => escaped,
        _ => chunk,
    };
    let (r, rest) = decode_rune(chunk);
    // An invalid byte (U+FFFD from a single byte, not an encoded U+FFFD).
    if r == 0xFFFD && chunk.len() - rest.len() == 1 {
        return Err(());
    }
    if rest.is_empty() {
        return Err(());
    }
    Ok((r, rest))
}

/// Go's `utf8.DecodeRune`: the first character and what follows it; U+FFFD and one byte
/// consumed for a byte that does not start valid UTF-8 (nothing consumed for empty input).
fn decode_rune(s: &[u8]) -> (u32, &[u8]) {
    let [b, after @ ..] = s else {
        return (0xFFFD, s);
    };
    let len = match b {
        0x00..=0x7F => return (u32::from(*b), after),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, after),
    };
    if let Some((p, rest)) = s.split_at_checked(len)
        && let Ok(t) = std::str::from_utf8(p)
    {
        return (t.chars().next().map_or(0xFFFD, u32::from), rest);
    }
    (0xFFFD, after)
}

#[cfg(test)]
mod tests {
    use super::path_match;

    // Expected answers from Go's path/filepath.Match (the examples of its tests).
    #[test]
    fn go_semantics() {
        let m = |p: &str, n: &str| path_match(p, n);
        assert_eq!(m("*.txt", "a.txt"), Ok(true));
        assert_eq!(m("*.txt", "d/a.txt"), Ok(false));
        assert_eq!(m("a?c", "abc"), Ok(true));
        assert_eq!(m("a?c", "a/c"), Ok(false));
        assert_eq!(m("[a-c]x", "bx"), Ok(true));
        assert_eq!(m("[^a-c]x", "bx"), Ok(false));
        assert_eq!(m("a*b*c*d*e*/f", "axbxcxdxe/f"), Ok(true));
        assert_eq!(m("a*b*c*d*e*/f", "axbxcxdxexxx/f"), Ok(true));
        assert_eq!(m("a*b*c*d*e*/f", "axbxcxdxe/xxx/f"), Ok(false));
        assert_eq!(m("a*b?c*x", "abxbbxdbxebxczzx"), Ok(true));
        assert_eq!(m("a*b?c*x", "abxbbxdbxebxczzy"), Ok(false));
        assert_eq!(m("a\\*b", "a*b"), Ok(true));
        assert_eq!(m("[\\-]", "-"), Ok(true));
        assert_eq!(m("*x", "xxx"), Ok(true));
        // A class may match the separator; a star never crosses it, even where a later
        // placement of the class would have let the rest match.
        assert_eq!(m("a[/]b", "a/b"), Ok(true));
        assert_eq!(m("*[a/]*b", "a/b"), Ok(false));
        for bad in ["[", "[^", "[^bc", "a[", "a\\", "[-]", "[x-]", "[]a]", "*x["] {
            assert!(m(bad, "a").is_err(), "{bad}");
        }
        assert!(m("a[", "x").is_err());
    }

    #[test]
    fn no_exponential_backtracking() {
        let name = "a".repeat(200);
        assert_eq!(
            path_match(&format!("{}b", "*a".repeat(30)), &name),
            Ok(false)
        );
    }
}
