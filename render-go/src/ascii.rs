//! Digits as Go's encoders write them, computed rather than looked up in a table so that no
//! index can be out of range.

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
    use super::hex_digit;

    #[test]
    fn matches_the_tables() {
        for d in 0..16u8 {
            assert_eq!(hex_digit(d, true), b"0123456789ABCDEF"[usize::from(d)]);
            assert_eq!(hex_digit(d, false), b"0123456789abcdef"[usize::from(d)]);
            assert_eq!(hex_digit(d | 0xF0, false), hex_digit(d, false));
        }
    }
}
