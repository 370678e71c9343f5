//! Go's `unicode` package: the category predicates
//! (`IsUpper`, `IsLetter`, `IsSpace`, ...) and the *simple* case mappings (`ToUpper`,
//! `ToLower`, `ToTitle`), which map one rune to one rune.
//!
//! Written here rather than taken from Rust's `char` methods because those differ from Go:
//! `char::to_uppercase` applies the full (multi-character) mappings (`ß` → `SS`), Rust has no
//! title case, and `char::is_uppercase` uses the derived `Uppercase` property (which includes
//! `Ⓐ`) where Go uses the general category `Lu`.
//!
//! Go 1.26's tables are Unicode 15.0, so the categories come from the crate version with
//! exactly those tables; Rust's standard library (for the case mappings) is newer, so a
//! mapping is used only between two characters Go knows.

use unicode_general_category::{GeneralCategory as G, get_general_category};

/// Whether Go 1.26 knows the character (it is assigned in Unicode 15.0).
fn known_to_go(c: char) -> bool {
    get_general_category(c) != G::Unassigned
}

/// A case mapping as Go has it: none where either character is newer than Go's tables.
fn go_mapping(c: char, mapped: char) -> char {
    if known_to_go(c) && known_to_go(mapped) {
        mapped
    } else {
        c
    }
}

/// `unicode.IsUpper`: general category Lu.
pub fn is_upper(c: char) -> bool {
    get_general_category(c) == G::UppercaseLetter
}

/// `unicode.IsLower`: general category Ll.
pub fn is_lower(c: char) -> bool {
    get_general_category(c) == G::LowercaseLetter
}

/// `unicode.IsTitle`: general category Lt.
pub fn is_title(c: char) -> bool {
    get_general_category(c) == G::TitlecaseLetter
}

/// `unicode.IsLetter`: general category L.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
    )
}

/// `unicode.IsDigit`: general category Nd.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || get_general_category(c) == G::DecimalNumber
}

/// `unicode.IsNumber`: general category N.
pub fn is_number(c: char) -> bool {
    matches!(
        get_general_category(c),
        G::DecimalNumber | G::LetterNumber | G::OtherNumber
    )
}

/// `unicode.IsPunct`: general category P.
pub fn is_punct(c: char) -> bool {
    matches!(
        get_general_category(c),
        G::ConnectorPunctuation
            | G::DashPunctuation
            | G::OpenPunctuation
            | G::ClosePunctuation
            | G::InitialPunctuation
            | G::FinalPunctuation
            | G::OtherPunctuation
    )
}

/// `unicode.IsSpace`: Go's Latin-1 spaces (`\t\n\v\f\r`, space, U+0085, U+00A0) and the
/// `White_Space` property beyond, which is exactly what Rust's `char::is_whitespace` tests.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// A full mapping of one character, if it is a single character.
fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let first = it.next()?;
    match it.next() {
        None => Some(first),
        Some(_) => None,
    }
}

/// Characters whose full uppercase mapping has several characters but whose simple mapping
/// (UnicodeData.txt) is one character: the Greek letters with ypogegrammeni.
fn upper_special(c: char) -> Option<char> {
    let u = c as u32;
    let mapped = match u {
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => u + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => u + 9,
        _ => return None,
    };
    char::from_u32(mapped)
}

/// `unicode.ToUpper`: the simple uppercase mapping (the character itself if none).
pub fn to_upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    if let Some(m) = upper_special(c) {
        return m;
    }
    go_mapping(c, single(c.to_uppercase()).unwrap_or(c))
}

/// `unicode.ToLower`: the simple lowercase mapping (the character itself if none).
pub fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == '\u{130}' {
        return 'i';
    }
    go_mapping(c, single(c.to_lowercase()).unwrap_or(c))
}

/// `unicode.ToTitle`: the simple titlecase mapping, which is the uppercase one except for the
/// digraphs (`ǆ` → `ǅ`) and Georgian Mkhedruli (unchanged, though it has an uppercase).
pub fn to_title(c: char) -> char {
    match c as u32 {
        0x1C4..=0x1C6 => '\u{1C5}',
        0x1C7..=0x1C9 => '\u{1C8}',
        0x1CA..=0x1CC => '\u{1CB}',
        0x1F1..=0x1F3 => '\u{1F2}',
        0x10D0..=0x10FA | 0x10FD..=0x10FF => c,
        _ => to_upper(c),
    }
}

/// Go's `strings.ToUpper`.
pub fn upper(s: &str) -> String {
    s.chars()
        .map(|c| to_upper(crate::value::rawbytes::rune(c)))
        .collect()
}

/// Go's `strings.ToLower`.
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| to_lower(crate::value::rawbytes::rune(c)))
        .collect()
}

/// `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
pub fn is_print(c: char) -> bool {
    if (c as u32) < 0x80 {
        return (' '..='~').contains(&c);
    }
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::PrivateUse
            | G::Surrogate
            | G::Unassigned
            | G::SpaceSeparator
            | G::LineSeparator
            | G::ParagraphSeparator
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_mappings_follow_go() {
        assert_eq!(to_upper('ß'), 'ß');
        assert_eq!(to_upper('ᾀ'), 'ᾈ');
        assert_eq!(to_upper('ǆ'), 'Ǆ');
        assert_eq!(to_title('ǆ'), 'ǅ');
        assert_eq!(to_lower('İ'), 'i');
        assert_eq!(to_title('ა'), 'ა');
        assert!(is_space('\u{85}') && is_space('\u{a0}') && !is_space('\u{200b}'));
        assert!(!is_upper('Ⓐ'));
    }
}
