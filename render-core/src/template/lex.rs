//! The lexer: template text → items, exactly as Go's `text/template/parse` lexer cuts it.
//!
//! Trimming (`{{-` and `-}}`) happens here, as in Go: the parser never sees the trimmed
//! spaces. Items borrow the source; positions are byte offsets and every item carries the
//! line it starts on, which is what Go's parse errors report.

use render_go::unicode;

/// Item types, in Go's order (keywords after `Keyword`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemType {
    /// An error; the value is the message.
    Error,
    /// `true` or `false`.
    Bool,
    /// A printable ASCII character not otherwise recognised (e.g. `,`).
    Char,
    /// A character constant such as `'a'`.
    CharConstant,
    /// A complex constant (`1+2i`).
    Complex,
    /// `=`.
    Assign,
    /// `:=`.
    Declare,
    /// End of input.
    Eof,
    /// `.Field`.
    Field,
    /// An identifier (a function name).
    Identifier,
    /// The left delimiter.
    LeftDelim,
    /// `(`.
    LeftParen,
    /// A number.
    Number,
    /// `|`.
    Pipe,
    /// A raw string including its backquotes.
    RawString,
    /// The right delimiter.
    RightDelim,
    /// `)`.
    RightParen,
    /// A run of spaces.
    Space,
    /// A quoted string including its quotes.
    String,
    /// Plain text outside actions.
    Text,
    /// `$`, `$x`.
    Variable,
    /// Marks the start of keywords.
    Keyword,
    /// `block`.
    Block,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `.` on its own.
    Dot,
    /// `define`.
    Define,
    /// `else`.
    Else,
    /// `end`.
    End,
    /// `if`.
    If,
    /// `nil`.
    Nil,
    /// `range`.
    Range,
    /// `template`.
    Template,
    /// `with`.
    With,
}

fn keyword(word: &str) -> Option<ItemType> {
    Some(match word {
        "block" => ItemType::Block,
        "break" => ItemType::Break,
        "continue" => ItemType::Continue,
        "define" => ItemType::Define,
        "else" => ItemType::Else,
        "end" => ItemType::End,
        "if" => ItemType::If,
        "range" => ItemType::Range,
        "nil" => ItemType::Nil,
        "template" => ItemType::Template,
        "with" => ItemType::With,
        _ => return None,
    })
}

/// A token. `Copy` and 16 bytes: the parser's three-token lookahead moves tokens back and
/// forth, and a token is written field by field, then read back whole at once. A wider one
/// (with a `&str` of its text) took more moves, several of which stalled the processor's
/// store forwarding; at this size the lexer is 14% faster and the parser 6%
/// (`cargo bench -p render-benches --bench render -- kps/`). Its text is the input's bytes
/// at `pos..pos + len` ([`Item::text`]); an error's message stays in the lexer
/// ([`Lexer::error`]), as an error is the last token a lexer gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// The type.
    pub typ: ItemType,
    /// Line of the start (1-based).
    pub line: u32,
    /// Byte offset of the start in the input.
    pub pos: u32,
    /// Length of the text in bytes (0 for an error).
    pub len: u32,
}

/// The longest input a lexer takes: positions are `u32`.
const MAX_INPUT: usize = u32::MAX as usize;

impl Item {
    /// The token's text in `input`, the text it was lexed from.
    pub fn text<'s>(&self, input: &'s str) -> &'s str {
        let start = self.pos as usize;
        input.get(start..start + self.len as usize).unwrap_or("")
    }

    /// Go's `item.String()`, used in "unexpected X in Y" messages; `input` is the text it was
    /// lexed from and `error` the lexer's message, which an error item prints.
    pub fn describe(&self, input: &str, error: &str) -> String {
        let v = self.text(input);
        match self.typ {
            ItemType::Eof => "EOF".to_string(),
            ItemType::Error => error.to_string(),
            t if t > ItemType::Keyword => format!("<{v}>"),
            _ => {
                if v.chars().count() > 10 {
                    let head: String = v.chars().take(10).collect();
                    format!("{}...", render_go::strconv::quote(&head))
                } else {
                    render_go::strconv::quote(v)
                }
            }
        }
    }
}

const LEFT_DELIM: &str = "{{";
const RIGHT_DELIM: &str = "}}";
const RIGHT_DELIM_START: char = '}';
const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const TRIM_MARKER_LEN: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Text,
    LeftDelim,
    Comment,
    RightDelim,
    InsideAction,
    Space,
    Identifier,
    Field,
    Variable,
    Char,
    Number,
    Quote,
    RawQuote,
}

/// Go's lexer.
pub struct Lexer<'s> {
    input: &'s str,
    pos: usize,
    start: usize,
    width: usize,
    line: u32,
    start_line: u32,
    paren_depth: i32,
    inside_action: bool,
    done: bool,
    /// The message of the error item, once the lexer gave one.
    error: String,
    /// Whether `break` and `continue` are keywords (they are unless a function takes the name).
    pub break_ok: bool,
    /// See `break_ok`.
    pub continue_ok: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Identifier characters as Go's lexer sees them.
fn is_alphanumeric(c: char) -> bool {
    c == '_' || unicode::is_letter(c) || unicode::is_digit(c)
}

/// Offset of the first `{{`: a byte search for `{` is cheaper than building a substring
/// searcher per text run, and template text rarely holds a lone `{`.
fn find_left_delim(s: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'{', s.get(from..)?) {
        let at = from + i;
        if s.get(at + 1) == Some(&b'{') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn count_newlines(s: &[u8]) -> u32 {
    // Most runs between actions are a few bytes of indentation: counted in place, they skip
    // the vector search's setup.
    if s.len() <= 32 {
        return s.iter().filter(|&&b| b == b'\n').count() as u32;
    }
    // A template's lines are counted in `u32`: a text of 4 G lines is far past any limit.
    memchr::memchr_iter(b'\n', s).count() as u32
}

fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b, [b'-', c, ..] if is_space(*c as char))
}

fn has_right_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b, [c, b'-', ..] if is_space(*c as char))
}

const SPACE_CHARS: &[char] = &[' ', '\t', '\r', '\n'];

impl<'s> Lexer<'s> {
    /// A lexer over `input` with the default delimiters.
    pub fn new(input: &'s str) -> Lexer<'s> {
        Lexer {
            input,
            pos: 0,
            start: 0,
            width: 0,
            line: 1,
            start_line: 1,
            paren_depth: 0,
            inside_action: false,
            done: false,
            error: String::new(),
            break_ok: true,
            continue_ok: true,
        }
    }

    fn rest(&self) -> &'s str {
        self.input.get(self.pos..).unwrap_or("")
    }

    fn next(&mut self) -> Option<char> {
        // ASCII fast path: most template text is ASCII.
        if let Some(&b) = self.input.as_bytes().get(self.pos)
            && b < 0x80
        {
            self.width = 1;
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
            }
            return Some(b as char);
        }
        let c = self.rest().chars().next();
        match c {
            Some(c) => {
                self.width = c.len_utf8();
                self.pos += self.width;
                if c == '\n' {
                    self.line += 1;
                }
            }
            None => self.width = 0,
        }
        c
    }

    fn peek(&self) -> Option<char> {
        match self.input.as_bytes().get(self.pos) {
            Some(&b) if b < 0x80 => Some(b as char),
            _ => self.rest().chars().next(),
        }
    }

    fn backup(&mut self) {
        self.pos -= self.width;
        if self.width == 1 && self.input.as_bytes().get(self.pos) == Some(&b'\n') {
            self.line -= 1;
        }
    }

    /// An item of the input from `start` to `pos` (both within the input, whose length
    /// [`Lexer::next_item`] checked to fit in `u32`).
    fn this_item(&mut self, typ: ItemType) -> Item {
        let item = Item {
            typ,
            pos: self.start as u32,
            len: self.pos.saturating_sub(self.start) as u32,
            line: self.start_line,
        };
        self.start = self.pos;
        self.start_line = self.line;
        item
    }

    fn ignore(&mut self) {
        let skipped = self.input.get(self.start..self.pos).unwrap_or("");
        self.line += count_newlines(skipped.as_bytes());
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.next() {
            Some(c) if valid.contains(c) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    fn accept_run(&mut self, valid: &str) {
        while let Some(c) = self.next() {
            if !valid.contains(c) {
                self.backup();
                return;
            }
        }
        self.backup();
    }

    fn errorf(&mut self, msg: String) -> Item {
        let item = Item {
            typ: ItemType::Error,
            pos: self.start.min(MAX_INPUT) as u32,
            len: 0,
            line: self.start_line,
        };
        self.error = msg;
        // Go empties the input: every later call reports EOF.
        self.done = true;
        item
    }

    /// The text being lexed.
    pub fn input(&self) -> &'s str {
        self.input
    }

    /// The message of the error item the lexer gave (empty before one).
    pub fn error(&self) -> &str {
        &self.error
    }

    /// The next item. After `Eof` or `Error`, returns `Eof` forever.
    pub fn next_item(&mut self) -> Item {
        if self.done {
            return Item {
                typ: ItemType::Eof,
                pos: self.pos.min(MAX_INPUT) as u32,
                len: 0,
                line: self.start_line,
            };
        }
        if self.input.len() > MAX_INPUT {
            return self.errorf(format!("template text longer than {MAX_INPUT} bytes"));
        }
        let mut state = if self.inside_action {
            State::InsideAction
        } else {
            State::Text
        };
        loop {
            match self.step(state) {
                Ok(item) => {
                    if matches!(item.typ, ItemType::Eof | ItemType::Error) {
                        self.done = true;
                    }
                    return item;
                }
                Err(next) => state = next,
            }
        }
    }

    /// Runs one state: `Ok(item)` when it emits, `Err(next state)` otherwise.
    fn step(&mut self, state: State) -> Result<Item, State> {
        match state {
            State::Text => self.lex_text(),
            State::LeftDelim => self.lex_left_delim(),
            State::Comment => self.lex_comment(),
            State::RightDelim => Ok(self.lex_right_delim()),
            State::InsideAction => self.lex_inside_action(),
            State::Space => self.lex_space(),
            State::Identifier => Ok(self.lex_identifier()),
            State::Field => Ok(self.lex_field_or_variable(ItemType::Field)),
            State::Variable => {
                if self.at_terminator() {
                    Ok(self.this_item(ItemType::Variable))
                } else {
                    Ok(self.lex_field_or_variable(ItemType::Variable))
                }
            }
            State::Char => Ok(self.lex_char()),
            State::Number => Ok(self.lex_number()),
            State::Quote => Ok(self.lex_quote()),
            State::RawQuote => Ok(self.lex_raw_quote()),
        }
    }

    fn lex_text(&mut self) -> Result<Item, State> {
        if let Some(x) = find_left_delim(self.rest().as_bytes()) {
            if x > 0 {
                self.pos += x;
                let delim_end = self.pos + LEFT_DELIM.len();
                let mut trim = 0;
                if has_left_trim_marker(self.input.get(delim_end..).unwrap_or("")) {
                    let text = self.input.get(self.start..self.pos).unwrap_or("");
                    trim = text.len() - text.trim_end_matches(SPACE_CHARS).len();
                }
                self.pos -= trim;
                let text = self.input.get(self.start..self.pos).unwrap_or("");
                self.line += count_newlines(text.as_bytes());
                let item = self.this_item(ItemType::Text);
                self.pos += trim;
                self.ignore();
                if item.len > 0 {
                    return Ok(item);
                }
            }
            return Err(State::LeftDelim);
        }
        self.pos = self.input.len();
        if self.pos > self.start {
            let text = self.input.get(self.start..self.pos).unwrap_or("");
            self.line += count_newlines(text.as_bytes());
            return Ok(self.this_item(ItemType::Text));
        }
        Ok(self.this_item(ItemType::Eof))
    }

    fn lex_left_delim(&mut self) -> Result<Item, State> {
        self.pos += LEFT_DELIM.len();
        let trim = has_left_trim_marker(self.rest());
        let after = if trim { TRIM_MARKER_LEN } else { 0 };
        if self
            .input
            .get(self.pos + after..)
            .is_some_and(|s| s.starts_with(LEFT_COMMENT))
        {
            self.pos += after;
            self.ignore();
            return Err(State::Comment);
        }
        let item = self.this_item(ItemType::LeftDelim);
        self.inside_action = true;
        self.pos += after;
        self.ignore();
        self.paren_depth = 0;
        Ok(item)
    }

    /// Whether the input is at a right delimiter, and whether it carries a trim marker.
    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim_marker(rest)
            && rest
                .get(TRIM_MARKER_LEN..)
                .is_some_and(|s| s.starts_with(RIGHT_DELIM))
        {
            return (true, true);
        }
        (rest.starts_with(RIGHT_DELIM), false)
    }

    fn lex_comment(&mut self) -> Result<Item, State> {
        self.pos += LEFT_COMMENT.len();
        let Some(x) = self.rest().find(RIGHT_COMMENT) else {
            return Ok(self.errorf("unclosed comment".into()));
        };
        self.pos += x + RIGHT_COMMENT.len();
        let (delim, trim) = self.at_right_delim();
        if !delim {
            return Ok(self.errorf("comment ends before closing delimiter".into()));
        }
        if trim {
            self.pos += TRIM_MARKER_LEN;
        }
        self.pos += RIGHT_DELIM.len();
        if trim {
            let rest = self.rest();
            self.pos += rest.len() - rest.trim_start_matches(SPACE_CHARS).len();
        }
        self.ignore();
        Err(State::Text)
    }

    fn lex_right_delim(&mut self) -> Item {
        let (_, trim) = self.at_right_delim();
        if trim {
            self.pos += TRIM_MARKER_LEN;
            self.ignore();
        }
        self.pos += RIGHT_DELIM.len();
        let item = self.this_item(ItemType::RightDelim);
        if trim {
            let rest = self.rest();
            self.pos += rest.len() - rest.trim_start_matches(SPACE_CHARS).len();
            self.ignore();
        }
        self.inside_action = false;
        item
    }

    fn lex_inside_action(&mut self) -> Result<Item, State> {
        let (delim, _) = self.at_right_delim();
        if delim {
            if self.paren_depth == 0 {
                return Err(State::RightDelim);
            }
            return Ok(self.errorf("unclosed left paren".into()));
        }
        let Some(r) = self.next() else {
            return Ok(self.errorf("unclosed action".into()));
        };
        match r {
            c if is_space(c) => {
                self.backup();
                Err(State::Space)
            }
            '=' => Ok(self.this_item(ItemType::Assign)),
            ':' => {
                if self.next() != Some('=') {
                    return Ok(self.errorf("expected :=".into()));
                }
                Ok(self.this_item(ItemType::Declare))
            }
            '|' => Ok(self.this_item(ItemType::Pipe)),
            '"' => Err(State::Quote),
            '`' => Err(State::RawQuote),
            '$' => Err(State::Variable),
            '\'' => Err(State::Char),
            '.' => {
                // ".field" unless a digit follows ('.' can start a number).
                match self.input.as_bytes().get(self.pos) {
                    Some(b) if b.is_ascii_digit() => {
                        self.backup();
                        Err(State::Number)
                    }
                    Some(_) => Err(State::Field),
                    None => {
                        self.backup();
                        Err(State::Number)
                    }
                }
            }
            '+' | '-' | '0'..='9' => {
                self.backup();
                Err(State::Number)
            }
            c if is_alphanumeric(c) => {
                self.backup();
                Err(State::Identifier)
            }
            '(' => {
                self.paren_depth += 1;
                Ok(self.this_item(ItemType::LeftParen))
            }
            ')' => {
                self.paren_depth -= 1;
                if self.paren_depth < 0 {
                    return Ok(self.errorf("unexpected right paren".into()));
                }
                Ok(self.this_item(ItemType::RightParen))
            }
            c if c.is_ascii() && !c.is_ascii_control() => Ok(self.this_item(ItemType::Char)),
            c => Ok(self.errorf(format!("unrecognized character in action: {}", go_u(c)))),
        }
    }

    fn lex_space(&mut self) -> Result<Item, State> {
        let bytes = self.input.as_bytes();
        let mut num_spaces = 0;
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
                break;
            }
            if b == b'\n' {
                self.line += 1;
            }
            self.pos += 1;
            self.width = 1;
            num_spaces += 1;
        }
        // A trim-marked right delimiter starts with a space: leave that space to it.
        let tail = self.input.get(self.pos - 1..).unwrap_or("");
        if has_right_trim_marker(tail)
            && tail
                .get(TRIM_MARKER_LEN..)
                .is_some_and(|s| s.starts_with(RIGHT_DELIM))
        {
            self.backup();
            if num_spaces == 1 {
                return Err(State::RightDelim);
            }
        }
        Ok(self.this_item(ItemType::Space))
    }

    /// Advances over identifier characters (letters, digits, `_`) and returns the character
    /// that stopped the scan (Go's loop of `next` until not alphanumeric, then `backup`).
    fn scan_alnum(&mut self) -> Option<char> {
        let bytes = self.input.as_bytes();
        loop {
            match bytes.get(self.pos) {
                Some(&b) if b < 0x80 => {
                    if b == b'_' || b.is_ascii_alphanumeric() {
                        self.pos += 1;
                        self.width = 1;
                    } else {
                        return Some(b as char);
                    }
                }
                Some(_) => {
                    let c = self.rest().chars().next()?;
                    if !is_alphanumeric(c) {
                        return Some(c);
                    }
                    self.width = c.len_utf8();
                    self.pos += self.width;
                }
                None => return None,
            }
        }
    }

    fn lex_identifier(&mut self) -> Item {
        let r = self.scan_alnum();
        let word = self.input.get(self.start..self.pos).unwrap_or("");
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", go_u_opt(r)));
        }
        let typ = match keyword(word) {
            Some(ItemType::Break) if !self.break_ok => ItemType::Identifier,
            Some(ItemType::Continue) if !self.continue_ok => ItemType::Identifier,
            Some(k) => k,
            None if word == "true" || word == "false" => ItemType::Bool,
            None => ItemType::Identifier,
        };
        self.this_item(typ)
    }

    fn lex_field_or_variable(&mut self, typ: ItemType) -> Item {
        if self.at_terminator() {
            let t = if typ == ItemType::Variable {
                ItemType::Variable
            } else {
                ItemType::Dot
            };
            return self.this_item(t);
        }
        let r = self.scan_alnum();
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", go_u_opt(r)));
        }
        self.this_item(typ)
    }

    fn at_terminator(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) if is_space(c) => true,
            Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            // Go compares with the delimiter's first rune only.
            Some(c) => c == RIGHT_DELIM_START,
        }
    }

    fn lex_char(&mut self) -> Item {
        loop {
            match self.next() {
                Some('\\') => {
                    if let Some(c) = self.next()
                        && c != '\n'
                    {
                        continue;
                    }
                    return self.errorf("unterminated character constant".into());
                }
                None | Some('\n') => return self.errorf("unterminated character constant".into()),
                Some('\'') => return self.this_item(ItemType::CharConstant),
                Some(_) => {}
            }
        }
    }

    fn bad_number(&mut self) -> Item {
        let text = self.input.get(self.start..self.pos).unwrap_or("");
        let msg = format!("bad number syntax: {}", render_go::strconv::quote(text));
        self.errorf(msg)
    }

    fn lex_number(&mut self) -> Item {
        if !self.scan_number() {
            return self.bad_number();
        }
        if let Some('+' | '-') = self.peek() {
            // Complex: 1+2i. No spaces, must end in 'i'.
            let ok = self.scan_number();
            if !ok || self.input.as_bytes().get(self.pos.wrapping_sub(1)) != Some(&b'i') {
                return self.bad_number();
            }
            return self.this_item(ItemType::Complex);
        }
        self.this_item(ItemType::Number)
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 11 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 23 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if self.peek().is_some_and(is_alphanumeric) {
            self.next();
            return false;
        }
        true
    }

    fn lex_quote(&mut self) -> Item {
        // Jump to the next character that matters.
        let bytes = self.input.as_bytes();
        loop {
            let rest = bytes.get(self.pos..).unwrap_or(&[]);
            let found = memchr::memchr3(b'"', b'\\', b'\n', rest);
            match found.map(|i| (i, rest.get(i))) {
                Some((i, Some(b'"'))) => {
                    self.pos += i + 1;
                    self.width = 1;
                    return self.this_item(ItemType::String);
                }
                Some((i, Some(b'\\'))) => {
                    self.pos += i + 1;
                    self.width = 1;
                    match self.next() {
                        Some(c) if c != '\n' => continue,
                        _ => return self.errorf("unterminated quoted string".into()),
                    }
                }
                Some((i, _)) => {
                    self.pos += i + 1;
                    self.line += 1;
                    return self.errorf("unterminated quoted string".into());
                }
                None => {
                    self.pos = bytes.len();
                    return self.errorf("unterminated quoted string".into());
                }
            }
        }
    }

    fn lex_raw_quote(&mut self) -> Item {
        let rest = self.input.as_bytes().get(self.pos..).unwrap_or(&[]);
        match memchr::memchr(b'`', rest) {
            Some(i) => {
                self.line += count_newlines(rest.get(..i).unwrap_or_default());
                self.pos += i + 1;
                self.width = 1;
                self.this_item(ItemType::RawString)
            }
            None => {
                self.line += count_newlines(rest);
                self.pos = self.input.len();
                self.errorf("unterminated raw quoted string".into())
            }
        }
    }
}

/// Go's `%#U` of a rune: `U+0023 '#'`.
pub fn go_u(c: char) -> String {
    if render_go::strconv::is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

fn go_u_opt(c: Option<char>) -> String {
    match c {
        Some(c) => go_u(c),
        // Go prints eof (-1) with %#U.
        None => "U+FFFFFFFFFFFFFFFF".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex_all(s: &str) -> Vec<(ItemType, String)> {
        let mut l = Lexer::new(s);
        let mut out = Vec::new();
        loop {
            let it = l.next_item();
            let done = matches!(it.typ, ItemType::Eof | ItemType::Error);
            let text = if it.typ == ItemType::Error { l.error() } else { it.text(s) };
            out.push((it.typ, text.to_string()));
            if done {
                return out;
            }
        }
    }

    #[test]
    fn trims_and_tokens() {
        use ItemType::*;
        assert_eq!(
            lex_all("a  {{- .x | f 1 -}}  b"),
            vec![
                (Text, "a".into()),
                (LeftDelim, "{{".into()),
                (Field, ".x".into()),
                (Space, " ".into()),
                (Pipe, "|".into()),
                (Space, " ".into()),
                (Identifier, "f".into()),
                (Space, " ".into()),
                (Number, "1".into()),
                (RightDelim, "}}".into()),
                (Text, "b".into()),
                (Eof, "".into())
            ]
        );
    }

    #[test]
    fn comments_and_errors() {
        use ItemType::*;
        assert_eq!(
            lex_all("x{{/* c */}}y"),
            vec![(Text, "x".into()), (Text, "y".into()), (Eof, "".into())]
        );
        assert_eq!(lex_all("{{-3}}")[1], (Number, "-3".into()));
        assert_eq!(
            lex_all("{{ \"abc")[2],
            (Error, "unterminated quoted string".into())
        );
        assert_eq!(lex_all("{{ $x := 1 }}")[4], (Declare, ":=".into()));
    }
}
