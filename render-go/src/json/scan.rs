//! The JSON syntax check Go runs before decoding anything (`checkValid`).
//!
//! Go feeds the input one byte at a time to a state machine and stops at the first byte no
//! state accepts; the error names that byte and what the machine was looking for (`invalid
//! character '}' after object key`). At the end of input it feeds one space, so a truncated
//! literal reports the space (`invalid character ' ' in literal true (expecting 'e')`), and
//! otherwise says `unexpected end of JSON input`. This module is such a machine.

use crate::strconv::quote;

/// Go's limit on nested arrays and objects.
pub(super) const MAX_DEPTH: usize = 10000;

/// What the machine expects next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Just after `[`: a value or `]`.
    BeginValueOrEmpty,
    /// A value.
    BeginValue,
    /// Just after `{`: a key or `}`.
    BeginKeyOrEmpty,
    /// An object key (after `,` in an object).
    BeginKey,
    /// After a complete value inside a container.
    EndValue,
    /// After the top-level value: only white space.
    EndTop,
    /// Inside a string.
    InString,
    /// After `\` in a string.
    InStringEsc,
    /// Inside `\uXXXX`, with this many hex digits seen.
    InStringEscU(u8),
    /// After a leading `-`.
    Neg,
    /// In the integer part after a non-zero digit.
    Int,
    /// After an integer part (`0`, or digits ending).
    Zero,
    /// After `.`.
    Dot,
    /// In the fraction digits.
    Frac,
    /// After `e`/`E`.
    Exp,
    /// After the exponent sign.
    ExpSign,
    /// In the exponent digits.
    ExpDigits,
    /// Inside `true`/`false`/`null`, expecting the byte at this index of the word.
    Literal(Word, u8),
}

/// The three JSON literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    True,
    False,
    Null,
}

impl Word {
    fn text(self) -> &'static str {
        match self {
            Word::True => "true",
            Word::False => "false",
            Word::Null => "null",
        }
    }
}

/// An enclosing container and what it expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

/// The syntax checker.
struct Scanner {
    state: State,
    stack: Vec<Frame>,
    end_top: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Go's `quoteChar`: a byte (as the rune of the same number) in single quotes.
pub(super) fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        _ => {
            let q = quote(&char::from(c).to_string());
            let inner = q.get(1..q.len().saturating_sub(1)).unwrap_or("");
            format!("'{inner}'")
        }
    }
}

pub(super) fn invalid(c: u8, context: &str) -> String {
    format!("invalid character {} {context}", quote_char(c))
}

impl Scanner {
    fn new() -> Scanner {
        Scanner {
            state: State::BeginValue,
            stack: Vec::new(),
            end_top: false,
        }
    }

    fn push(&mut self, c: u8, frame: Frame, next: State) -> Result<(), String> {
        self.stack.push(frame);
        if self.stack.len() > MAX_DEPTH {
            return Err(invalid(c, "exceeded max depth"));
        }
        self.state = next;
        Ok(())
    }

    fn pop(&mut self) {
        self.stack.pop();
        if self.stack.is_empty() {
            self.state = State::EndTop;
            self.end_top = true;
        } else {
            self.state = State::EndValue;
        }
    }

    /// The state after a scalar value ends.
    fn value_done(&mut self) {
        self.state = State::EndValue;
    }

    /// Feeds one byte.
    fn step(&mut self, c: u8) -> Result<(), String> {
        // Some states hand the byte on to the state that follows them; loop until one consumes it.
        loop {
            match self.state {
                State::BeginValueOrEmpty => {
                    if is_space(c) {
                        return Ok(());
                    }
                    if c == b']' {
                        self.state = State::EndValue;
                        continue;
                    }
                    self.state = State::BeginValue;
                }
                State::BeginValue => return self.begin_value(c),
                State::BeginKeyOrEmpty => {
                    if is_space(c) {
                        return Ok(());
                    }
                    if c == b'}' {
                        if let Some(top) = self.stack.last_mut() {
                            *top = Frame::ObjectValue;
                        }
                        self.state = State::EndValue;
                        continue;
                    }
                    self.state = State::BeginKey;
                }
                State::BeginKey => {
                    if is_space(c) {
                        return Ok(());
                    }
                    if c == b'"' {
                        self.state = State::InString;
                        return Ok(());
                    }
                    return Err(invalid(c, "looking for beginning of object key string"));
                }
                State::EndValue => return self.end_value(c),
                State::EndTop => {
                    if is_space(c) {
                        return Ok(());
                    }
                    return Err(invalid(c, "after top-level value"));
                }
                State::InString => {
                    match c {
                        b'"' => self.value_done(),
                        b'\\' => self.state = State::InStringEsc,
                        0..0x20 => return Err(invalid(c, "in string literal")),
                        _ => {}
                    }
                    return Ok(());
                }
                State::InStringEsc => {
                    match c {
                        b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                            self.state = State::InString
                        }
                        b'u' => self.state = State::InStringEscU(0),
                        _ => return Err(invalid(c, "in string escape code")),
                    }
                    return Ok(());
                }
                State::InStringEscU(n) => {
                    if !c.is_ascii_hexdigit() {
                        return Err(invalid(c, "in \\u hexadecimal character escape"));
                    }
                    self.state = if n == 3 {
                        State::InString
                    } else {
                        State::InStringEscU(n + 1)
                    };
                    return Ok(());
                }
                State::Neg => {
                    self.state = match c {
                        b'0' => State::Zero,
                        b'1'..=b'9' => State::Int,
                        _ => return Err(invalid(c, "in numeric literal")),
                    };
                    return Ok(());
                }
                State::Int => {
                    if c.is_ascii_digit() {
                        return Ok(());
                    }
                    self.state = State::Zero;
                }
                State::Zero => match c {
                    b'.' => {
                        self.state = State::Dot;
                        return Ok(());
                    }
                    b'e' | b'E' => {
                        self.state = State::Exp;
                        return Ok(());
                    }
                    _ => self.value_done(),
                },
                State::Dot => {
                    if c.is_ascii_digit() {
                        self.state = State::Frac;
                        return Ok(());
                    }
                    return Err(invalid(c, "after decimal point in numeric literal"));
                }
                State::Frac => match c {
                    b'0'..=b'9' => return Ok(()),
                    b'e' | b'E' => {
                        self.state = State::Exp;
                        return Ok(());
                    }
                    _ => self.value_done(),
                },
                State::Exp => {
                    if c == b'+' || c == b'-' {
                        self.state = State::ExpSign;
                        return Ok(());
                    }
                    self.state = State::ExpSign;
                }
                State::ExpSign => {
                    if c.is_ascii_digit() {
                        self.state = State::ExpDigits;
                        return Ok(());
                    }
                    return Err(invalid(c, "in exponent of numeric literal"));
                }
                State::ExpDigits => {
                    if c.is_ascii_digit() {
                        return Ok(());
                    }
                    self.value_done();
                }
                State::Literal(word, i) => {
                    let text = word.text().as_bytes();
                    let want = text.get(usize::from(i)).copied().unwrap_or(b' ');
                    if c != want {
                        return Err(invalid(
                            c,
                            &format!(
                                "in literal {} (expecting {})",
                                word.text(),
                                quote_char(want)
                            ),
                        ));
                    }
                    if usize::from(i) + 1 == text.len() {
                        self.value_done();
                    } else {
                        self.state = State::Literal(word, i + 1);
                    }
                    return Ok(());
                }
            }
        }
    }

    fn begin_value(&mut self, c: u8) -> Result<(), String> {
        if is_space(c) {
            return Ok(());
        }
        match c {
            b'{' => return self.push(c, Frame::ObjectKey, State::BeginKeyOrEmpty),
            b'[' => return self.push(c, Frame::ArrayValue, State::BeginValueOrEmpty),
            b'"' => self.state = State::InString,
            b'-' => self.state = State::Neg,
            b'0' => self.state = State::Zero,
            b'1'..=b'9' => self.state = State::Int,
            b't' => self.state = State::Literal(Word::True, 1),
            b'f' => self.state = State::Literal(Word::False, 1),
            b'n' => self.state = State::Literal(Word::Null, 1),
            _ => return Err(invalid(c, "looking for beginning of value")),
        }
        Ok(())
    }

    fn end_value(&mut self, c: u8) -> Result<(), String> {
        let Some(&frame) = self.stack.last() else {
            self.state = State::EndTop;
            self.end_top = true;
            return self.step(c);
        };
        if is_space(c) {
            return Ok(());
        }
        match (frame, c) {
            (Frame::ObjectKey, b':') => {
                if let Some(top) = self.stack.last_mut() {
                    *top = Frame::ObjectValue;
                }
                self.state = State::BeginValue;
            }
            (Frame::ObjectKey, _) => return Err(invalid(c, "after object key")),
            (Frame::ObjectValue, b',') => {
                if let Some(top) = self.stack.last_mut() {
                    *top = Frame::ObjectKey;
                }
                self.state = State::BeginKey;
            }
            (Frame::ObjectValue, b'}') | (Frame::ArrayValue, b']') => self.pop(),
            (Frame::ObjectValue, _) => return Err(invalid(c, "after object key:value pair")),
            (Frame::ArrayValue, b',') => self.state = State::BeginValue,
            (Frame::ArrayValue, _) => return Err(invalid(c, "after array element")),
        }
        Ok(())
    }

    /// End of input: a space is fed to finish a trailing number.
    fn eof(&mut self) -> Result<(), String> {
        if self.end_top {
            return Ok(());
        }
        self.step(b' ')?;
        if self.end_top {
            return Ok(());
        }
        Err("unexpected end of JSON input".to_string())
    }
}

/// Checks that `data` is one JSON value, with Go's error text for the first problem.
pub(super) fn check_valid(data: &[u8]) -> Result<(), String> {
    let mut s = Scanner::new();
    for &c in data {
        s.step(c)?;
    }
    s.eof()
}

/// Where the first JSON value of `data` ends, as `json.Decoder.Decode` finds it (and
/// `Decoder.InputOffset` then reports): a scalar ends before the byte that cannot continue it
/// (whatever that byte is, so `1x` is the value `1`), a container after its closing bracket.
/// At the end of input a pending number or literal is finished as Go does, by feeding a space;
/// an unfinished value is `unexpected EOF`, input with no value at all is `EOF`.
pub(super) fn first_value_end(data: &[u8]) -> Result<usize, String> {
    let mut s = Scanner::new();
    for (i, &c) in data.iter().enumerate() {
        let top_level = s.stack.is_empty();
        let stepped = s.step(c);
        if s.end_top {
            // With no open container, the value was a scalar that `c` ended; otherwise `c`
            // closed the outermost container.
            return Ok(if top_level { i } else { i + 1 });
        }
        stepped?;
    }
    if s.step(b' ').is_ok() && s.end_top {
        return Ok(data.len());
    }
    if data.iter().all(|&c| is_space(c)) {
        Err("EOF".to_string())
    } else {
        Err("unexpected EOF".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle (`fromJson` puts the error under "Error")
    #[test]
    fn errors_read_like_go() {
        let cases: &[(&str, &str)] = &[
            ("", "unexpected end of JSON input"),
            ("[", "unexpected end of JSON input"),
            (
                "tru",
                "invalid character ' ' in literal true (expecting 'e')",
            ),
            ("-", "invalid character ' ' in numeric literal"),
            (
                "1.",
                "invalid character ' ' after decimal point in numeric literal",
            ),
            ("1e", "invalid character ' ' in exponent of numeric literal"),
            ("01", "invalid character '1' after top-level value"),
            ("1 a", "invalid character 'a' after top-level value"),
            ("\"a\\x\"", "invalid character 'x' in string escape code"),
            (
                "\"\\u12g4\"",
                "invalid character 'g' in \\u hexadecimal character escape",
            ),
            (
                "{\"a\":1,}",
                "invalid character '}' looking for beginning of object key string",
            ),
            (
                "[1,]",
                "invalid character ']' looking for beginning of value",
            ),
            ("[1 2]", "invalid character '2' after array element"),
            (
                "{1:2}",
                "invalid character '1' looking for beginning of object key string",
            ),
            ("{\"a\" 1}", "invalid character '1' after object key"),
            (
                "{\"a\":1 \"b\"}",
                "invalid character '\"' after object key:value pair",
            ),
            ("\"a\nb\"", "invalid character '\\n' in string literal"),
            (
                "'",
                "invalid character '\\'' looking for beginning of value",
            ),
            (
                "\u{80}",
                "invalid character 'Â' looking for beginning of value",
            ),
            ("Ã", "invalid character 'Ã' looking for beginning of value"),
        ];
        for (input, want) in cases {
            assert_eq!(
                check_valid(input.as_bytes()).err().as_deref(),
                Some(*want),
                "{input:?}"
            );
        }
    }

    #[test]
    fn first_value_ends_like_go_decoder() {
        let cases: &[(&str, Result<usize, &str>)] = &[
            ("1 2", Ok(1)),
            ("12", Ok(2)),
            ("1x", Ok(1)),
            ("\"s\"x", Ok(3)),
            ("{\"b\":1} , c=2", Ok(7)),
            (" [1,2]x", Ok(6)),
            ("true,", Ok(4)),
            ("tru", Err("unexpected EOF")),
            ("{", Err("unexpected EOF")),
            ("  ", Err("EOF")),
            (
                "{bad",
                Err("invalid character 'b' looking for beginning of object key string"),
            ),
        ];
        for (input, want) in cases {
            let got = first_value_end(input.as_bytes());
            assert_eq!(got, want.map_err(str::to_string), "{input:?}");
        }
    }

    #[test]
    fn depth_limit() {
        let deep = "[".repeat(10001);
        assert_eq!(
            check_valid(deep.as_bytes()).err().as_deref(),
            Some("invalid character '[' exceeded max depth")
        );
        let ok = "[".repeat(10000);
        assert_eq!(
            check_valid(ok.as_bytes()).err().as_deref(),
            Some("unexpected end of JSON input")
        );
    }

    #[test]
    fn accepts_valid_documents() {
        for input in [
            " {\"a\" : [ true , false , null, -0.5e+3, 1E2, \"\\u00e9\\n\" ] , \"b\":{}} ",
            "[]",
            "0",
            "\"\"",
        ] {
            assert_eq!(check_valid(input.as_bytes()), Ok(()), "{input:?}");
        }
    }
}
