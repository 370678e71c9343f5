//! Byte-string helpers shared by the modules: digits as Go's encoders write them (computed
//! rather than looked up in a table, so that no index can be out of range) and Go's
//! `bytes.Cut`.

/// Go's `bytes.Cut`: `s` split at the first `b`, without it; `None` when `b` is absent.
pub(crate) fn cut(s: &[u8], b: u8) -> Option<(&[u8], &[u8])> {
    let mut parts = s.splitn(2, |&c| c == b);
    Some((parts.next()?, parts.next()?))
}

/// `s` split at the last `b`, without it; `None` when `b` is absent.
pub(crate) fn rcut(s: &[u8], b: u8) -> Option<(&[u8], &[u8])> {
    let mut parts = s.rsplitn(2, |&c| c == b);
    let after = parts.next()?;
    Some((parts.next()?, after))
}

/// The hexadecimal digit for the low four bits of `d`, upper-case (`A`-`F`) or lower-case.
pub(crate) const fn hex_digit(d: u8, upper: bool) -> u8 {
    let d = d & 15;
    match d {
        0..=9 => b'0' + d,
        _ if upper => b'A' + (d - 10),
        _ => b'a' + (d - 10),
    }
}

#[cfg(test)]
mod tests {
    use super::{cut, hex_digit, rcut};

    #[test]
    fn cuts() {
        assert_eq!(cut(b"a=b=c", b'='), Some((&b"a"[..], &b"b=c"[..])));
        assert_eq!(rcut(b"a=b=c", b'='), Some((&b"a=b"[..], &b"c"[..])));
        assert_eq!(cut(b"=", b'='), Some((&b""[..], &b""[..])));
        assert_eq!(cut(b"abc", b'='), None);
        assert_eq!(rcut(b"", b'='), None);
    }

    #[test]
    fn matches_the_tables() {
        for d in 0..16u8 {
            assert_eq!(hex_digit(d, true), b"0123456789ABCDEF"[usize::from(d)]);
            assert_eq!(hex_digit(d, false), b"0123456789abcdef"[usize::from(d)]);
            assert_eq!(hex_digit(d | 0xF0, false), hex_digit(d, false));
        }
    }
}
