//! The `github.com/huandu/xstrings` v1.5.0 case conversions Sprig exposes: `ToSnakeCase`
//! (`snakecase`), `ToKebabCase` (`kebabcase`) and `ToPascalCase` (`camelcase`).
//!
//! xstrings splits the input into typed "words" (upper-case runs, lower-case runs, numbers,
//! connectors `-`/`_`/whitespace, punctuation, other) and joins them with rules of its own
//! (`HTTPServer` → `http_server`, `Bld4Floor` → `bld4_floor`, `a__b` keeps both
//! underscores). Go decodes U+FFFD as `utf8.RuneError`, which xstrings skips as an invalid
//! byte; our strings are valid UTF-8, so only a literal U+FFFD takes that path.

use crate::unicode::{is_letter, is_number, is_punct, is_space, is_upper, to_lower, to_upper};

/// What Go's `utf8.DecodeRuneInString` reports as an error.
const RUNE_ERROR: char = '\u{FFFD}';

/// xstrings' `isConnector`.
fn is_connector(c: char) -> bool {
    c == '-' || c == '_' || is_space(c)
}

/// xstrings' `isAlphabet`: a letter that is not a CJK ideograph.
fn is_alphabet(c: char) -> bool {
    if !is_letter(c) {
        return false;
    }
    let u = c as u32;
    !(u >= 0x3400
        && ((0x4E00..=0x9FCC).contains(&u)
            || (0x3400..=0x4D85).contains(&u)
            || (0x20000..=0x2B81D).contains(&u)))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Word {
    Invalid,
    Number,
    Upper,
    Alphabet,
    Connector,
    Punct,
    Other,
}

/// xstrings' `nextValidRune`: the first rune of `s` that is not an error, and the bytes up to
/// and including it; `prev` and all of `s` if there is none.
fn next_valid(s: &str, prev: char) -> (char, usize) {
    let mut size = 0;
    for c in s.chars() {
        size += c.len_utf8();
        if c != RUNE_ERROR {
            return (c, size);
        }
    }
    (prev, size)
}

/// Extends `offset` while the next valid rune satisfies `keep`; returns the rune that stopped
/// the scan (or the last one taken at the end of the input).
fn scan(s: &str, offset: &mut usize, mut r: char, keep: impl Fn(char) -> bool) -> char {
    while *offset < s.len() {
        let (next, size) = next_valid(&s[*offset..], r);
        r = next;
        if !keep(r) {
            break;
        }
        *offset += size;
    }
    r
}

/// xstrings' `nextWord`: the type and text of the first word of `s`, and the rest.
fn next_word(s: &str) -> (Word, &str, &str) {
    if s.is_empty() {
        return (Word::Invalid, "", "");
    }
    let (r, size) = next_valid(s, RUNE_ERROR);
    let mut offset = size;
    if r == RUNE_ERROR {
        return (Word::Invalid, &s[..offset], &s[offset..]);
    }
    let wt = if is_connector(r) {
        scan(s, &mut offset, r, is_connector);
        Word::Connector
    } else if is_punct(r) {
        scan(s, &mut offset, r, is_punct);
        Word::Punct
    } else if is_upper(r) {
        if offset < s.len() {
            let (r2, size2) = next_valid(&s[offset..], r);
            if is_upper(r2) {
                // A run of capitals; if a lower-case letter follows, its last capital starts
                // the next word ("HTTPServer" → "HTTP", "Server").
                let mut last_size = size2;
                offset += size2;
                let mut r3 = r2;
                while offset < s.len() {
                    let (n, sz) = next_valid(&s[offset..], r3);
                    r3 = n;
                    if !is_upper(r3) {
                        break;
                    }
                    last_size = sz;
                    offset += sz;
                }
                if offset < s.len() && is_alphabet(r3) {
                    offset -= last_size;
                }
            } else if is_alphabet(r2) {
                offset += size2;
                scan(s, &mut offset, r2, |c| is_alphabet(c) && !is_upper(c));
            }
        }
        Word::Upper
    } else if is_alphabet(r) {
        scan(s, &mut offset, r, |c| is_alphabet(c) && !is_upper(c));
        Word::Alphabet
    } else if is_number(r) {
        scan(s, &mut offset, r, is_number);
        Word::Number
    } else {
        scan(s, &mut offset, r, |c| {
            !(is_connector(c) || is_alphabet(c) || is_number(c) || is_punct(c))
        });
        Word::Other
    };
    (wt, &s[..offset], &s[offset..])
}

/// xstrings' `toLower`: upper-case and connector words are lowered, connectors becoming
/// `connector`; other words are copied.
fn push_lower(out: &mut String, wt: Word, word: &str, connector: char) {
    if wt != Word::Upper && wt != Word::Connector {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        out.push(if is_connector(c) {
            connector
        } else if is_upper(c) {
            to_lower(c)
        } else {
            c
        });
    }
}

/// Whether a connector goes between a word and the following one of type `next`.
fn needs_connector(next: Word) -> bool {
    !matches!(next, Word::Invalid | Word::Connector | Word::Punct)
}

/// xstrings' `camelCaseToLowerCase`: the common part of snake and kebab case.
fn camel_to_lower(s: &str, connector: char) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    let (mut wt, mut word, mut rest) = next_word(s);
    while !rest.is_empty() {
        if wt != Word::Connector {
            push_lower(&mut out, wt, word, connector);
        }
        let (prev, last) = (wt, word);
        (wt, word, rest) = next_word(rest);
        match prev {
            Word::Number => {
                while matches!(wt, Word::Alphabet | Word::Number) {
                    push_lower(&mut out, wt, word, connector);
                    (wt, word, rest) = next_word(rest);
                }
                if needs_connector(wt) {
                    out.push(connector);
                }
            }
            Word::Connector => push_lower(&mut out, prev, last, connector),
            Word::Punct => {}
            _ => {
                if wt != Word::Number {
                    if needs_connector(wt) {
                        out.push(connector);
                    }
                    continue;
                }
                if rest.is_empty() {
                    continue;
                }
                let number = word;
                (wt, word, rest) = next_word(rest);
                if wt != Word::Alphabet {
                    // A number ends the previous word ("Bld4Floor" → "bld4_floor").
                    push_lower(&mut out, Word::Number, number, connector);
                    if needs_connector(wt) {
                        out.push(connector);
                    }
                    continue;
                }
                // Lower-case letters after a number start a word with it ("HTTP2xx").
                out.push(connector);
                push_lower(&mut out, Word::Number, number, connector);
                while matches!(wt, Word::Alphabet | Word::Number) {
                    push_lower(&mut out, wt, word, connector);
                    (wt, word, rest) = next_word(rest);
                }
                if needs_connector(wt) {
                    out.push(connector);
                }
            }
        }
    }
    push_lower(&mut out, wt, word, connector);
    out
}

/// `xstrings.ToSnakeCase`.
pub fn snake_case(s: &str) -> String {
    camel_to_lower(s, '_')
}

/// `xstrings.ToKebabCase`.
pub fn kebab_case(s: &str) -> String {
    camel_to_lower(s, '-')
}

/// `xstrings.ToPascalCase`: connectors are dropped and the letter after them upper-cased;
/// runs of capitals after a capital are lowered (`GOLANG_IS` → `GolangIs`); leading, trailing
/// and repeated connectors are kept (all but one of a repeated run).
pub fn pascal_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    let mut first_upper = false;
    let mut r0 = None;
    for c in chars.by_ref() {
        if !is_connector(c) {
            first_upper = is_upper(c);
            r0 = Some(to_upper(c));
            break;
        }
        out.push(c);
        r0 = Some(c);
    }
    let Some(mut r0) = r0 else {
        return out;
    };
    let rest = chars.as_str();
    if rest.is_empty() {
        // Go writes the last rune again here, even a connector already written.
        out.push(r0);
        return out;
    }
    for c in rest.chars() {
        let r1 = r0;
        r0 = c;
        if is_connector(r0) && is_connector(r1) {
            out.push(r1);
            continue;
        }
        if is_connector(r1) {
            first_upper = is_upper(r0);
            r0 = to_upper(r0);
        } else {
            if first_upper {
                if is_upper(r0) {
                    r0 = to_lower(r0);
                } else {
                    first_upper = false;
                }
            }
            out.push(r1);
        }
    }
    out.push(r0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle and xstrings' documentation
    #[test]
    fn cases_match_xstrings() {
        assert_eq!(
            snake_case("HTTPServer2xx fooBar-baz__q"),
            "http_server_2xx_foo_bar_baz__q"
        );
        assert_eq!(kebab_case("Bld4Floor3rd"), "bld4-floor-3rd");
        assert_eq!(snake_case("HTTP20xOK"), "http_20x_ok");
        assert_eq!(snake_case("Duration2m3s"), "duration_2m3s");
        assert_eq!(snake_case("NoHTTPS"), "no_https");
        assert_eq!(pascal_case("GOLANG_IS_GREAT foo"), "GolangIsGreatFoo");
        assert_eq!(pascal_case("_complex__case_"), "_Complex_Case_");
        assert_eq!(pascal_case("_"), "__");
        assert_eq!(pascal_case("a"), "A");
        assert_eq!(pascal_case(""), "");
    }
}
