//! `toml.Unmarshal` (BurntSushi/toml v1.6.0) into `map[string]interface{}`.
//!
//! A recursive-descent parser for TOML 1.1 that gives BurntSushi's results: integers as
//! `int64`, floats as `float64`, datetimes as `time.Time` ([`Datetime`]), arrays as
//! `[]interface {}` and arrays of tables as `[]map[string]interface {}` (modelled as a list of
//! maps). Its table rules follow BurntSushi's bookkeeping, leniencies included: a table made
//! implicitly (by a header's parent or the first dotted key through it) can be defined once by
//! a header, and assigning a plain value to such a table is silently ignored.
//!
//! Errors read `toml: line N (last key "k"): message` with BurntSushi's messages, line numbers
//! and "last key" for the common mistakes; a few of its lexer quirks on exotic input are not
//! reproduced.

use super::datetime::Datetime;
use super::encode::{is_bare, key_path as key_string};
use crate::strconv::{NumError, parse_float, parse_int, quote, quote_rune};
use crate::value::{ListType, Map, MapType, Str, Value};
use std::collections::BTreeMap;

/// `toml.Unmarshal(text, &map[string]interface{}{})`: the map, or BurntSushi's error text.
pub fn decode(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.bytes().take(6).any(|b| b == 0) {
        return Err(
            "toml: line 1: files cannot contain NULL bytes; probably using UTF-16; \
                    TOML files must be UTF-8"
                .into(),
        );
    }
    let mut p = Parser::new(text);
    p.document()?;
    Ok(table_value(p.root))
}

/// A table under construction.
#[derive(Default)]
struct Table {
    entries: BTreeMap<String, Node>,
    /// Created implicitly and not (yet) defined by a header.
    implicit: bool,
}

/// An entry of a table.
enum Node {
    Val(Value),
    Table(Table),
    Tables(Vec<Table>),
}

fn table_value(t: Table) -> Value {
    Value::Map(Map::from_entries(
        MapType::Any,
        t.entries
            .into_iter()
            .map(|(k, n)| (Str::from(k), node_value(n))),
    ))
}

fn node_value(n: Node) -> Value {
    match n {
        Node::Val(v) => v,
        Node::Table(t) => table_value(t),
        Node::Tables(ts) => Value::List(
            ts.into_iter().map(table_value).collect::<Vec<_>>().into(),
            ListType::Maps,
        ),
    }
}

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn is_nl(c: char) -> bool {
    c == '\n' || c == '\r'
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
}

/// Go's `%q` of a rune (end of input is rune 0, `'\x00'`).
fn q(c: Option<char>) -> String {
    quote_rune(c.map_or(0, |c| c as i64), false)
}

/// BurntSushi's `runeOrEOF`.
fn rune_or_eof(c: Option<char>) -> String {
    match c {
        Some(c) => format!("'{c}'"),
        None => "end of file".into(),
    }
}

type PResult<T> = Result<T, String>;

/// A key with the byte offset of its first piece (duplicate-key errors report that line).
struct ParsedKey {
    parts: Vec<String>,
    at: usize,
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    /// Where input ends for the parser: the first control character, or the real end.
    end: usize,
    root: Table,
    /// BurntSushi's `p.context`: the table path keys are added under.
    context: Vec<String>,
    /// BurntSushi's `p.currentKey`.
    current: String,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Parser<'a> {
        let bytes = src.as_bytes();
        let end = src
            .char_indices()
            .find(|&(i, c)| {
                is_control(c) || (c == '\r' && bytes.get(i + 1).copied() != Some(b'\n'))
            })
            .map_or(src.len(), |(i, _)| i);
        Parser {
            src,
            pos: 0,
            end,
            root: Table::default(),
            context: Vec::new(),
            current: String::new(),
        }
    }

    // ---- errors ----

    fn last_key(&self) -> String {
        if self.current.is_empty() {
            key_string(&self.context)
        } else if self.context.is_empty() {
            self.current.clone()
        } else {
            format!("{}.{}", key_string(&self.context), self.current)
        }
    }

    fn line_before(&self, at: usize) -> usize {
        1 + self
            .src
            .get(..at.min(self.src.len()))
            .unwrap_or("")
            .matches('\n')
            .count()
    }

    /// An error on `line`, or the control-character error if parsing has reached one.
    fn fail(&self, line: usize, msg: String) -> String {
        let (line, msg) = match self.src.get(self.end..).and_then(|s| s.chars().next()) {
            Some(c) if self.pos >= self.end => (
                self.line_before(self.end),
                format!(
                    "TOML files cannot contain control characters: '0x{:02x}'",
                    c as u32
                ),
            ),
            _ => (line, msg),
        };
        let last = self.last_key();
        if last.is_empty() {
            format!("toml: line {line}: {msg}")
        } else {
            format!("toml: line {line} (last key {}): {msg}", quote(&last))
        }
    }

    /// An error about the character just consumed at `at` (a newline counts as read).
    fn err_read(&self, at: usize, msg: String) -> String {
        let c_len = self
            .src
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        self.fail(self.line_before(at + c_len), msg)
    }

    /// An error reported on the line of offset `at` (BurntSushi's `errorPrevLine`, items).
    fn err_at(&self, at: usize, msg: String) -> String {
        self.fail(self.line_before(at), msg)
    }

    /// An error about the character `c` just read at `at`, or about the end of input.
    fn err_got(&self, at: usize, c: Option<char>, msg: String) -> String {
        if c.is_none() {
            self.err_here(msg)
        } else {
            self.err_read(at, msg)
        }
    }

    /// An error about the character at the cursor, or about the end of input.
    fn err_here(&self, msg: String) -> String {
        if self.peek().is_none() {
            let at = if self.src.get(..self.pos).is_some_and(|s| s.ends_with('\n')) {
                self.pos - 1
            } else {
                self.pos
            };
            return self.fail(self.line_before(at), msg);
        }
        self.err_at(self.pos, msg)
    }

    // ---- cursor ----

    fn peek(&self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        let rest = self.src.get(self.pos..self.end)?;
        rest.chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(is_ws) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| !is_nl(c)) {
            self.bump();
        }
    }

    /// White space, newlines and comments (inside arrays and inline tables).
    fn skip_blank(&mut self) {
        loop {
            match self.peek() {
                Some(c) if is_ws(c) || is_nl(c) => self.pos += 1,
                Some('#') => self.skip_comment(),
                _ => return,
            }
        }
    }

    fn slice(&self, from: usize) -> &'a str {
        self.src.get(from..self.pos).unwrap_or("")
    }

    // ---- document ----

    fn document(&mut self) -> PResult<()> {
        loop {
            match self.peek() {
                Some(c) if is_ws(c) || is_nl(c) => {
                    self.pos += 1;
                    continue;
                }
                Some('#') => {
                    self.skip_comment();
                    continue;
                }
                Some('[') => {
                    self.pos += 1;
                    self.header()?;
                }
                None => break,
                Some(_) => self.key_value()?,
            }
            self.line_end()?;
        }
        if self.end < self.src.len() {
            return Err(self.fail(0, String::new()));
        }
        Ok(())
    }

    /// After a top-level item: only white space, a comment, a newline or the end.
    fn line_end(&mut self) -> PResult<()> {
        loop {
            match self.peek() {
                Some('#') => {
                    self.skip_comment();
                    return Ok(());
                }
                Some(c) if is_ws(c) => self.pos += 1,
                Some(c) if is_nl(c) => return Ok(()),
                None => return Ok(()),
                c => {
                    let at = self.pos;
                    self.bump();
                    return Err(self.err_read(
                        at,
                        format!(
                            "expected a top-level item to end with a newline, comment, or EOF, \
                             but got {} instead",
                            q(c)
                        ),
                    ));
                }
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`, the first `[` consumed.
    fn header(&mut self) -> PResult<()> {
        let array = self.eat('[');
        let mut parts = Vec::new();
        let mut at = self.pos;
        loop {
            self.skip_ws();
            if parts.is_empty() {
                at = self.pos;
            }
            match self.peek() {
                Some(']') | None => {
                    return Err(self.err_here(
                        "unexpected end of table name (table names cannot be empty)".into(),
                    ));
                }
                Some('.') => {
                    return Err(self.err_here(
                        "unexpected table separator (table names cannot be empty)".into(),
                    ));
                }
                _ => parts.push(self.key_part()?),
            }
            self.skip_ws();
            let c_at = self.pos;
            match self.bump() {
                Some('.') => {}
                Some(']') => break,
                c => {
                    let msg = format!(
                        "expected '.' or ']' to end table name, but got {} instead",
                        q(c)
                    );
                    return Err(self.err_got(c_at, c, msg));
                }
            }
        }
        if array {
            let c_at = self.pos;
            match self.bump() {
                Some(']') => {}
                c => {
                    let msg = format!(
                        "expected end of table array name delimiter ']', but got {} instead",
                        q(c)
                    );
                    return Err(self.err_got(c_at, c, msg));
                }
            }
        }
        let key = ParsedKey { parts, at };
        self.define_table(&key, array)?;
        self.context = key.parts;
        self.current.clear();
        Ok(())
    }

    /// One piece of a key: bare (possibly empty, as in BurntSushi) or quoted.
    fn key_part(&mut self) -> PResult<String> {
        match self.peek() {
            Some('"') => {
                self.pos += 1;
                self.basic_string()
            }
            Some('\'') => {
                self.pos += 1;
                self.literal_string()
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(is_bare) {
                    self.pos += 1;
                }
                Ok(self.slice(start).to_string())
            }
        }
    }

    /// A dotted key and its `=`.
    fn key(&mut self) -> PResult<ParsedKey> {
        self.skip_ws();
        let at = self.pos;
        match self.peek() {
            Some('=') | None => {
                return Err(self.err_here("unexpected '=': key name appears blank".into()));
            }
            Some('.') => {
                return Err(self.err_here("unexpected '.': keys cannot start with a '.'".into()));
            }
            _ => {}
        }
        let mut parts = Vec::new();
        loop {
            self.skip_ws();
            if !parts.is_empty() {
                match self.peek() {
                    Some('=') | None => return Err(self.err_here("unexpected '='".into())),
                    Some('.') => return Err(self.err_here("unexpected '.'".into())),
                    _ => {}
                }
            }
            parts.push(self.key_part()?);
            self.skip_ws();
            let c_at = self.pos;
            match self.bump() {
                Some('.') => {}
                Some('=') => return Ok(ParsedKey { parts, at }),
                None => {
                    return Err(self.err_here("unexpected EOF; expected key separator '='".into()));
                }
                Some(c) => {
                    let msg = format!("expected '.' or '=', but got {} instead", q(Some(c)));
                    return Err(if c == '\n' {
                        self.err_at(c_at, msg)
                    } else {
                        self.err_read(c_at, msg)
                    });
                }
            }
        }
    }

    /// `key = value` at the top level or in a table.
    fn key_value(&mut self) -> PResult<()> {
        let key = self.key()?;
        let Some((last, parents)) = key.parts.split_last() else {
            return Ok(());
        };
        let outer = self.context.clone();
        self.context.extend(parents.iter().cloned());
        self.current = last.clone();
        let value = self.value()?;
        let mut root = std::mem::take(&mut self.root);
        let stored = match table_at(&mut root, &outer) {
            Some(t) => set_value(t, &outer, parents, last, value),
            None => Err(format!(
                "Key '{}' has already been defined.",
                key_string(&outer)
            )),
        };
        self.root = root;
        if let Err(msg) = stored {
            return Err(self.err_at(key.at, msg));
        }
        self.context = outer;
        self.current.clear();
        Ok(())
    }

    // ---- tables ----

    /// A `[header]` or `[[header]]`: implicit parents, then the table itself.
    fn define_table(&mut self, key: &ParsedKey, array: bool) -> PResult<()> {
        let Some((last, parents)) = key.parts.split_last() else {
            return Ok(());
        };
        let mut root = std::mem::take(&mut self.root);
        let r = define_in(&mut root, parents, last, array);
        self.root = root;
        match r {
            Ok(()) => Ok(()),
            Err((msg, final_step)) => {
                if final_step {
                    // BurntSushi has already entered the parent table when this fails.
                    self.context = parents.to_vec();
                    self.current.clear();
                }
                Err(self.err_at(key.at, msg))
            }
        }
    }

    // ---- values ----

    fn value(&mut self) -> PResult<Node> {
        self.skip_ws();
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.err_here("unexpected EOF; expected value".into()));
        };
        match c {
            '0'..='9' => return self.number_or_date(),
            '[' => {
                self.pos += 1;
                return self.array().map(Node::Val);
            }
            '{' => {
                self.pos += 1;
                return self.inline_table().map(Node::Table);
            }
            '"' => {
                self.pos += 1;
                let s = if self.peek_at(0) == Some('"') && self.peek_at(1) == Some('"') {
                    self.pos += 2;
                    self.multiline_basic()?
                } else {
                    self.basic_string()?
                };
                return Ok(Node::Val(Value::string(s)));
            }
            '\'' => {
                self.pos += 1;
                let s = if self.peek_at(0) == Some('\'') && self.peek_at(1) == Some('\'') {
                    self.pos += 2;
                    self.multiline_literal()?
                } else {
                    self.literal_string()?
                };
                return Ok(Node::Val(Value::string(s)));
            }
            '.' => {
                self.pos += 1;
                return Err(self.err_read(start, "floats must start with a digit, not '.'".into()));
            }
            '-' | '+' => {
                self.pos += 1;
                return self.signed_number(start);
            }
            '\n' => {
                self.pos += 1;
                return Err(self.err_at(start, "expected value but found '\\n' instead".into()));
            }
            _ => {}
        }
        let rest = self.src.get(self.pos..self.end).unwrap_or("");
        if rest.starts_with("inf") || rest.starts_with("nan") {
            self.pos += 3;
            return self.float_token(start);
        }
        if c.is_alphabetic() {
            while self.peek().is_some_and(char::is_alphabetic) {
                self.bump();
            }
            let word = self.slice(start);
            return match word {
                "true" => Ok(Node::Val(Value::Bool(true))),
                "false" => Ok(Node::Val(Value::Bool(false))),
                _ => Err(self.err_at(
                    start,
                    format!("expected value but found {} instead", quote(word)),
                )),
            };
        }
        self.bump();
        Err(self.err_read(
            start,
            format!("expected value but found {} instead", q(Some(c))),
        ))
    }

    /// Before an element of an array or inline table: blanks are skipped, a comma is an
    /// error, and `true` means the closing `close` was read.
    fn item_start(&mut self, close: char) -> PResult<bool> {
        self.skip_blank();
        match self.peek() {
            Some(',') => {
                let at = self.pos;
                self.pos += 1;
                Err(self.err_read(at, "unexpected comma".into()))
            }
            Some(c) if c == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn array(&mut self) -> PResult<Value> {
        let mut items = Vec::new();
        loop {
            if self.item_start(']')? {
                break;
            }
            let node = crate::recursion::grow(|| self.value())?;
            items.push(node_value(node));
            self.skip_blank();
            let at = self.pos;
            match self.bump() {
                Some(',') => {}
                Some(']') => break,
                c => {
                    let msg = format!(
                        "expected a comma (',') or array terminator (']'), but got {}",
                        rune_or_eof(c)
                    );
                    return Err(self.err_got(at, c, msg));
                }
            }
        }
        Ok(Value::list(items))
    }

    fn inline_table(&mut self) -> PResult<Table> {
        let outer_context = self.context.clone();
        let outer_key = std::mem::take(&mut self.current);
        self.context.push(outer_key.clone());
        let inline_path = self.context.clone();
        let mut table = Table::default();
        loop {
            if self.item_start('}')? {
                break;
            }
            let key = self.key()?;
            let Some((last, parents)) = key.parts.split_last() else {
                continue;
            };
            self.context.extend(parents.iter().cloned());
            self.current = last.clone();
            let node = crate::recursion::grow(|| self.value())?;
            if let Err(msg) = set_value(&mut table, &inline_path, parents, last, node) {
                return Err(self.err_at(key.at, msg));
            }
            self.context.clone_from(&inline_path);
            self.skip_blank();
            let at = self.pos;
            match self.bump() {
                Some(',') => {
                    self.skip_ws();
                    if self.eat('}') {
                        break;
                    }
                }
                Some('}') => break,
                c => {
                    let msg = format!(
                        "expected a comma or an inline table terminator '}}', but got {} instead",
                        rune_or_eof(c)
                    );
                    return Err(self.err_got(at, c, msg));
                }
            }
        }
        self.context = outer_context;
        self.current = outer_key;
        Ok(table)
    }

    // ---- strings ----

    /// A `"..."` string, the opening quote consumed.
    fn basic_string(&mut self) -> PResult<String> {
        let start = self.pos;
        loop {
            let at = self.pos;
            match self.bump() {
                None => return Err(self.err_here("unexpected EOF; expected '\"'".into())),
                Some(c) if is_nl(c) => {
                    return Err(self.err_at(at, "strings cannot contain newlines".into()));
                }
                Some('\\') => self.check_escape(start)?,
                Some('"') => break,
                Some(_) => {}
            }
        }
        let raw = self.src.get(start..self.pos - 1).unwrap_or("");
        self.unescape(raw, self.pos)
    }

    /// A `'...'` string, the opening quote consumed.
    fn literal_string(&mut self) -> PResult<String> {
        let start = self.pos;
        loop {
            let at = self.pos;
            match self.bump() {
                None => return Err(self.err_here("unexpected EOF; expected \"'\"".into())),
                Some(c) if is_nl(c) => {
                    return Err(self.err_at(at, "strings cannot contain newlines".into()));
                }
                Some('\'') => break,
                Some(_) => {}
            }
        }
        Ok(self.src.get(start..self.pos - 1).unwrap_or("").to_string())
    }

    /// The closing run of `q` quotes: true when it ends the string (up to two more quotes
    /// before the closing three belong to the string).
    fn closing_run(&mut self, quote_char: char) -> PResult<Option<usize>> {
        let run_start = self.pos - 1;
        let mut n = 1;
        while self.peek() == Some(quote_char) {
            self.pos += 1;
            n += 1;
        }
        if n < 3 {
            return Ok(None);
        }
        if n > 5 {
            let msg = if quote_char == '"' {
                "unexpected '\"\"\"\"\"\"'"
            } else {
                "unexpected \"''''''\""
            };
            return Err(self.err_at(self.pos, msg.into()));
        }
        Ok(Some(run_start + n - 3))
    }

    fn multiline_basic(&mut self) -> PResult<String> {
        let start = self.pos;
        let end = loop {
            match self.bump() {
                None => return Err(self.err_here("unexpected EOF; expected '\"\"\"'".into())),
                Some('\\') => {
                    if self.peek().is_some_and(is_nl) {
                        self.bump();
                    } else {
                        self.check_escape(start)?;
                    }
                }
                Some('"') => {
                    if let Some(end) = self.closing_run('"')? {
                        break end;
                    }
                }
                Some(_) => {}
            }
        };
        let raw = self.src.get(start..end).unwrap_or("");
        let raw = strip_first_newline(raw);
        self.unescape(&strip_escaped_newlines(raw), self.pos)
    }

    fn multiline_literal(&mut self) -> PResult<String> {
        let start = self.pos;
        let end = loop {
            match self.bump() {
                None => return Err(self.err_here("unexpected EOF; expected \"'''\"".into())),
                Some('\'') => {
                    if let Some(end) = self.closing_run('\'')? {
                        break end;
                    }
                }
                Some(_) => {}
            }
        };
        Ok(strip_first_newline(self.src.get(start..end).unwrap_or("")).to_string())
    }

    /// Checks the escape after a `\` (consumed) as the lexer does.
    fn check_escape(&mut self, start: usize) -> PResult<()> {
        let at = self.pos;
        let c = self.bump();
        let (n, name) = match c {
            Some('e' | 'b' | 't' | 'n' | 'f' | 'r' | '"' | ' ' | '\t' | '\\') => return Ok(()),
            Some('x') => (2, ("two", "\\x")),
            Some('u') => (4, ("four", "\\u")),
            Some('U') => (8, ("eight", "\\U")),
            Some(other) => {
                return Err(self.err_read(at, format!("invalid escape in string '\\{other}'")));
            }
            None => {
                // Reported a line above the last one (BurntSushi's `errorPrevLine` at EOF).
                let line = self.line_before(self.src.len()).saturating_sub(1);
                return Err(self.fail(line, "invalid escape in string '\\\0'".into()));
            }
        };
        for _ in 0..n {
            let hex_at = self.pos;
            let h = self.bump();
            if !h.is_some_and(|h| h.is_ascii_hexdigit()) {
                let msg = format!(
                    "expected {} hexadecimal digits after '{}', but got {} instead",
                    name.0,
                    name.1,
                    quote(self.slice(start))
                );
                return Err(self.err_got(hex_at, h, msg));
            }
        }
        Ok(())
    }

    /// Decodes the escapes of a lexed string whose item ends at `item_end`.
    fn unescape(&self, raw: &str, item_end: usize) -> PResult<String> {
        if !raw.contains('\\') {
            return Ok(raw.to_string());
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some((_, e)) = chars.next() else {
                break;
            };
            let simple = match e {
                'b' => Some('\u{8}'),
                't' => Some('\t'),
                'n' => Some('\n'),
                'f' => Some('\u{c}'),
                'r' => Some('\r'),
                'e' => Some('\u{1b}'),
                '"' => Some('"'),
                '\\' => Some('\\'),
                _ => None,
            };
            if let Some(s) = simple {
                out.push(s);
                continue;
            }
            let n = match e {
                'x' => 2,
                'u' => 4,
                'U' => 8,
                _ => {
                    return Err(self.err_at(item_end, format!("invalid escape: '\\{e}'")));
                }
            };
            let hex = raw.get(i + 2..i + 2 + n).unwrap_or("");
            for _ in 0..n {
                chars.next();
            }
            match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(self.err_at(
                        item_end,
                        format!("Escaped character '\\u{hex}' is not valid UTF-8."),
                    ));
                }
            }
        }
        Ok(out)
    }

    // ---- numbers and datetimes ----

    fn take_while(&mut self, f: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&f) {
            self.bump();
        }
    }

    /// A value starting with a digit: integer, float or datetime, classified as the lexer does.
    fn number_or_date(&mut self) -> PResult<Node> {
        let start = self.pos;
        let first = self.bump();
        if first == Some('0') {
            match self.peek() {
                Some('0'..='9') => {}
                Some('_') => return self.decimal(start),
                Some('.' | 'e' | 'E') => {
                    self.bump();
                    return self.float_rest(start);
                }
                Some(base @ ('b' | 'o' | 'x')) => {
                    self.bump();
                    let ok = |c: char| match base {
                        'b' => c == '0' || c == '1',
                        'o' => ('0'..='7').contains(&c),
                        _ => c.is_ascii_hexdigit(),
                    };
                    let next = self.peek();
                    if !next.is_some_and(ok) {
                        let what = match base {
                            'b' => "a binary",
                            'o' => "an octal",
                            _ => "a hexadecimal",
                        };
                        let shown = next.map_or('\0', |c| c);
                        let msg = format!("not {what} number: '{}{shown}'", self.slice(start));
                        return Err(self.err_here(msg));
                    }
                    self.take_while(|c| ok(c) || c == '_');
                    return self.integer_token(start);
                }
                _ => return self.integer_token(start),
            }
        }
        loop {
            match self.peek() {
                Some('0'..='9') => {
                    self.bump();
                }
                Some('-' | ':') => {
                    self.take_while(|c| {
                        c.is_ascii_digit()
                            || matches!(c, '-' | ':' | 'T' | 't' | ' ' | '.' | 'Z' | 'z' | '+')
                    });
                    return self.datetime_token(start);
                }
                Some('_') => return self.decimal(start),
                Some('.' | 'e' | 'E') => {
                    self.bump();
                    return self.float_rest(start);
                }
                _ => return self.integer_token(start),
            }
        }
    }

    /// After a sign.
    fn signed_number(&mut self, start: usize) -> PResult<Node> {
        let at = self.pos;
        match self.bump() {
            Some(w @ ('i' | 'n')) => {
                let tail = if w == 'i' { ['n', 'f'] } else { ['a', 'n'] };
                if !(self.eat(tail[0]) && self.eat(tail[1])) {
                    let msg = format!("invalid float: '{}'", self.slice(start));
                    return Err(self.err_here(msg));
                }
                self.float_token(start)
            }
            Some('0') if matches!(self.peek(), Some('b' | 'o' | 'x')) => {
                let p = self.peek().unwrap_or('x');
                let msg = format!(
                    "cannot use sign with non-decimal numbers: '{}{p}'",
                    self.slice(start)
                );
                Err(self.err_here(msg))
            }
            Some('.') => Err(self.err_read(at, "floats must start with a digit, not '.'".into())),
            Some('0'..='9') => self.decimal(start),
            c => {
                let msg = format!("expected a digit but got {}", q(c));
                Err(self.err_got(at, c, msg))
            }
        }
    }

    fn decimal(&mut self, start: usize) -> PResult<Node> {
        self.take_while(|c| c.is_ascii_digit() || c == '_');
        if matches!(self.peek(), Some('.' | 'e' | 'E')) {
            self.bump();
            return self.float_rest(start);
        }
        self.integer_token(start)
    }

    fn float_rest(&mut self, start: usize) -> PResult<Node> {
        self.take_while(|c| c.is_ascii_digit() || matches!(c, '_' | '.' | '-' | '+' | 'e' | 'E'));
        self.float_token(start)
    }

    fn integer_token(&mut self, start: usize) -> PResult<Node> {
        let text = self.slice(start);
        let fail = |p: &Self, msg: String| Err(p.err_at(p.pos, msg));
        if !underscores_ok(text) {
            return fail(
                self,
                format!(
                    "Invalid integer {}: underscores must be surrounded by digits",
                    quote(text)
                ),
            );
        }
        if has_leading_zero(text) {
            return fail(
                self,
                format!(
                    "Invalid integer {}: cannot have leading zeroes",
                    quote(text)
                ),
            );
        }
        match parse_int(text, 0, 64) {
            Ok(i) => {
                if self.pos >= self.end && self.end < self.src.len() {
                    return Err(self.fail(0, String::new()));
                }
                Ok(Node::Val(Value::int64(i)))
            }
            Err(NumError::Range) => fail(self, format!("{text} is out of range for int64")),
            Err(NumError::Syntax) => fail(
                self,
                format!("expected value but found {} instead", quote(text)),
            ),
        }
    }

    fn float_token(&mut self, start: usize) -> PResult<Node> {
        let text = self.slice(start);
        let fail = |p: &Self, msg: String| Err(p.err_at(p.pos, msg));
        let parts: Vec<&str> = text
            .split(['.', 'e', 'E'])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.iter().any(|p| !underscores_ok(p)) {
            return fail(
                self,
                format!(
                    "Invalid float {}: underscores must be surrounded by digits",
                    quote(text)
                ),
            );
        }
        if parts.first().is_some_and(|p| has_leading_zero(p)) {
            return fail(
                self,
                format!("Invalid float {}: cannot have leading zeroes", quote(text)),
            );
        }
        if !periods_ok(text) {
            return fail(
                self,
                format!(
                    "Invalid float {}: '.' must be followed by one or more digits",
                    quote(text)
                ),
            );
        }
        let clean = text.replace('_', "");
        let (clean, negative_nan) = match clean.as_str() {
            "+nan" => ("nan".to_string(), false),
            "-nan" => ("nan".to_string(), true),
            _ => (clean, false),
        };
        match parse_float(&clean) {
            Ok(f) => {
                if self.pos >= self.end && self.end < self.src.len() {
                    return Err(self.fail(0, String::new()));
                }
                let f = if negative_nan { -f.abs() } else { f };
                Ok(Node::Val(Value::Float(f)))
            }
            Err(NumError::Range) => fail(self, format!("{text} is out of range for float64")),
            Err(NumError::Syntax) => fail(self, format!("Invalid float value: {}", quote(text))),
        }
    }

    fn datetime_token(&mut self, start: usize) -> PResult<Node> {
        let text: String = self
            .slice(start)
            .trim_matches(' ')
            .chars()
            .map(|c| match c {
                'z' => 'Z',
                't' | ' ' => 'T',
                other => other,
            })
            .collect();
        match Datetime::parse_toml(&text) {
            Some(dt) => {
                if self.pos >= self.end && self.end < self.src.len() {
                    return Err(self.fail(0, String::new()));
                }
                Ok(Node::Val(Value::Object(std::sync::Arc::new(dt))))
            }
            None => Err(self.err_at(self.pos, format!("invalid datetime: {}", quote(&text)))),
        }
    }
}

/// The table at `path` (through the last table of arrays of tables).
fn table_at<'t>(root: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    let mut t = root;
    for k in path {
        t = match t.entries.get_mut(k)? {
            Node::Table(tt) => tt,
            Node::Tables(ts) => ts.last_mut()?,
            Node::Val(_) => return None,
        };
    }
    Some(t)
}

fn implicit_table() -> Node {
    Node::Table(Table {
        implicit: true,
        ..Table::default()
    })
}

/// Defines `parents.last` as a table (or appends to an array of tables). An error says
/// whether it happened at the last piece.
fn define_in(
    root: &mut Table,
    parents: &[String],
    last: &str,
    array: bool,
) -> Result<(), (String, bool)> {
    let mut t = root;
    for (i, k) in parents.iter().enumerate() {
        t = match t.entries.entry(k.clone()).or_insert_with(implicit_table) {
            Node::Table(tt) => tt,
            Node::Tables(ts) => match ts.last_mut() {
                Some(tt) => tt,
                None => return Ok(()),
            },
            Node::Val(_) => {
                let path = parents.get(..=i).unwrap_or(parents);
                let msg = format!("Key '{}' was already created as a hash.", key_string(path));
                return Err((msg, false));
            }
        };
    }
    let mut full = parents.to_vec();
    full.push(last.to_string());
    let full = key_string(&full);
    match (t.entries.get_mut(last), array) {
        (None, false) => {
            t.entries
                .insert(last.to_string(), Node::Table(Table::default()));
            Ok(())
        }
        (None, true) => {
            t.entries
                .insert(last.to_string(), Node::Tables(vec![Table::default()]));
            Ok(())
        }
        (Some(Node::Table(tt)), false) if tt.implicit => {
            tt.implicit = false;
            Ok(())
        }
        (Some(Node::Tables(ts)), true) => {
            ts.push(Table::default());
            Ok(())
        }
        (Some(_), false) => Err((format!("Key '{full}' has already been defined."), true)),
        (Some(_), true) => Err((
            format!("Key '{full}' was already created and cannot be used as an array."),
            true,
        )),
    }
}

/// Stores `parents.last = value` in `t` (whose path is `base`), making the dotted parents
/// tables as BurntSushi does: a new one is implicit (a header may still define it), an
/// existing one is entered, and an array in the way is replaced by a table. Assigning to a
/// still-implicit table keeps the table and drops the value.
fn set_value(
    t: &mut Table,
    base: &[String],
    parents: &[String],
    last: &str,
    value: Node,
) -> Result<(), String> {
    let mut path = base.to_vec();
    let mut t = t;
    for k in parents {
        path.push(k.clone());
        let existed = t.entries.contains_key(k);
        let node = t.entries.entry(k.clone()).or_insert_with(implicit_table);
        match node {
            Node::Val(Value::List(..)) => *node = Node::Table(Table::default()),
            Node::Table(tt) if existed => tt.implicit = false,
            _ => {}
        }
        t = match node {
            Node::Table(tt) => tt,
            Node::Tables(ts) => match ts.last_mut() {
                Some(tt) => tt,
                None => return Ok(()),
            },
            Node::Val(_) => {
                return Err(format!(
                    "Key '{}' has already been defined.",
                    key_string(&path)
                ));
            }
        };
    }
    match t.entries.get_mut(last) {
        None => {
            t.entries.insert(last.to_string(), value);
            Ok(())
        }
        Some(Node::Table(tt)) if tt.implicit => {
            tt.implicit = false;
            Ok(())
        }
        Some(_) => {
            path.push(last.to_string());
            Err(format!(
                "Key '{}' has already been defined.",
                key_string(&path)
            ))
        }
    }
}

fn strip_first_newline(s: &str) -> &str {
    s.strip_prefix('\n')
        .or_else(|| s.strip_prefix("\r\n"))
        .unwrap_or(s)
}

/// Removes line-ending backslashes and the white space after them.
fn strip_escaped_newlines(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) == Some(&b'\\') {
            i += 2;
            continue;
        }
        // The white space after the backslash: its length, and whether it ends the line.
        let (mut spaces, mut newline) = (0, false);
        for &w in b.iter().skip(i + 1) {
            if !matches!(w, b' ' | b'\t' | b'\r' | b'\n') {
                break;
            }
            spaces += 1;
            newline |= w == b'\n';
        }
        let j = i + 1 + spaces;
        if !newline {
            i += 1;
            continue;
        }
        out.push_str(s.get(copied..i).unwrap_or(""));
        copied = j;
        i = j;
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    out
}

/// BurntSushi's `numUnderscoresOK`.
fn underscores_ok(s: &str) -> bool {
    if matches!(s, "nan" | "+nan" | "-nan" | "inf" | "-inf" | "+inf") {
        return true;
    }
    let mut accept = false;
    for c in s.chars() {
        if c == '_' && !accept {
            return false;
        }
        accept = c.is_ascii_hexdigit();
    }
    accept
}

/// BurntSushi's `numHasLeadingZero`.
fn has_leading_zero(s: &str) -> bool {
    match s.as_bytes() {
        [b'0', c, ..] => !matches!(c, b'b' | b'o' | b'x'),
        [b'-' | b'+', b'0', _, ..] => true,
        _ => false,
    }
}

/// BurntSushi's `numPeriodsOK`: every `.` is followed by a digit.
fn periods_ok(s: &str) -> bool {
    let mut period = false;
    for c in s.chars() {
        if period && !c.is_ascii_digit() {
            return false;
        }
        period = c == '.';
    }
    !period
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fmt::sprint;

    fn show(text: &str) -> String {
        match decode(text) {
            Ok(v) => sprint(&[v]).unwrap_or_default(),
            Err(e) => format!("ERR {e}"),
        }
    }

    // expected values from helm-oracle (`fromToml` then `%v`)
    #[test]
    fn values_like_burntsushi() {
        assert_eq!(
            show(
                "a = \"x\"\t# c\t\nb = 'lit\\n'\nc = \"\"\"\nmulti \\\n   line\"\"\"\n\
                 d = '''\nraw'''\ne = {x.y = 1, z = [1, {w = 2}],}\nf = -inf\ng = +nan\n\
                 h = 0o17\nk = 0b101\n\"quoted key\" = 1\n'lit key'.x = 2"
            ),
            "map[a:x b:lit\\n c:multi line d:raw e:map[x:map[y:1] z:[1 map[w:2]]] f:-Inf g:NaN \
             h:15 k:5 lit key:map[x:2] quoted key:1]"
        );
        assert_eq!(
            show(
                "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999999-07:00\n\
                 c = 1979-05-27T07:32:00\nd = 1979-05-27\ne = 07:32:00\nf = 07:32:00.5\n\
                 g = 1979-05-27 07:32\ni = 0x1F\nj = 1_000\nm = -0.0\nn = 3.0\no = 1e3\n\
                 p = \"\\e\\x41\"\n[[t]]\nx = 1\n[[t]]\ny = {z = 1, w = [1, 2.5]}\n"
            ),
            "map[a:1979-05-27 07:32:00 +0000 UTC b:1979-05-27 00:32:00.999999 -0700 -0700 \
             c:1979-05-27 07:32:00 +0000 datetime-local d:1979-05-27 00:00:00 +0000 date-local \
             e:0000-01-01 07:32:00 +0000 time-local f:0000-01-01 07:32:00.5 +0000 time-local \
             g:1979-05-27 07:32:00 +0000 datetime-local i:31 j:1000 m:-0 n:3 o:1000 p:\u{1b}A \
             t:[map[x:1] map[y:map[w:[1 2.5] z:1]]]]"
        );
        assert_eq!(show("a.b = 1\n[a]"), "map[a:map[b:1]]");
        assert_eq!(show("a.b = 1\na = 2"), "map[a:map[b:1]]");
    }

    #[test]
    fn errors_like_burntsushi() {
        let cases = [
            (
                "a = \"unterminated",
                "toml: line 1 (last key \"a\"): unexpected EOF; expected '\"'",
            ),
            (
                "x = 1 2",
                "toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got '2' instead",
            ),
            (
                "[a.b",
                "toml: line 1: expected '.' or ']' to end table name, but got '\\x00' instead",
            ),
            (
                "[[a]",
                "toml: line 1: expected end of table array name delimiter ']', but got '\\x00' instead",
            ),
            (
                "$ = 1",
                "toml: line 1: expected '.' or '=', but got '$' instead",
            ),
            (
                "a = ",
                "toml: line 1 (last key \"a\"): unexpected EOF; expected value",
            ),
            (
                "a = @",
                "toml: line 1 (last key \"a\"): expected value but found '@' instead",
            ),
            (
                "a = [1,,2]",
                "toml: line 1 (last key \"a\"): unexpected comma",
            ),
            (
                "a = [1 2]",
                "toml: line 1 (last key \"a\"): expected a comma (',') or array terminator (']'), but got '2'",
            ),
            (
                "a = {x = 1 y = 2}",
                "toml: line 1 (last key \"a.x\"): expected a comma or an inline table terminator '}', but got 'y' instead",
            ),
            (
                "a = 01",
                "toml: line 1 (last key \"a\"): Invalid integer \"01\": cannot have leading zeroes",
            ),
            (
                "a = 1__0",
                "toml: line 1 (last key \"a\"): Invalid integer \"1__0\": underscores must be surrounded by digits",
            ),
            (
                "a = 99999999999999999999",
                "toml: line 1 (last key \"a\"): 99999999999999999999 is out of range for int64",
            ),
            (
                "a = 1e",
                "toml: line 1 (last key \"a\"): Invalid float value: \"1e\"",
            ),
            (
                "a = 1.",
                "toml: line 1 (last key \"a\"): Invalid float \"1.\": '.' must be followed by one or more digits",
            ),
            (
                "a = 1979-02-30",
                "toml: line 1 (last key \"a\"): invalid datetime: \"1979-02-30\"",
            ),
            (
                "a = foo",
                "toml: line 1 (last key \"a\"): expected value but found \"foo\" instead",
            ),
            (
                "a = 1\na = 2",
                "toml: line 2 (last key \"a\"): Key 'a' has already been defined.",
            ),
            (
                "[a]\n[a]",
                "toml: line 2: Key 'a' has already been defined.",
            ),
            (
                "a = 1\n[[a]]",
                "toml: line 2: Key 'a' was already created and cannot be used as an array.",
            ),
            (
                "a = \"\\q\"",
                "toml: line 1 (last key \"a\"): invalid escape in string '\\q'",
            ),
            (
                "a = \"\\x4g\"",
                "toml: line 1 (last key \"a\"): expected two hexadecimal digits after '\\x', but got \"\\\\x4g\" instead",
            ),
            (
                "a = \"\\ud800\"",
                "toml: line 1 (last key \"a\"): Escaped character '\\ud800' is not valid UTF-8.",
            ),
            (
                "a.b = 1\na.c = 2\n[a]",
                "toml: line 3: Key 'a' has already been defined.",
            ),
            (
                "[x]\na = \"a\nb\"",
                "toml: line 2 (last key \"x.a\"): strings cannot contain newlines",
            ),
            (
                "a = 1 # ok\nb = {x = 1, $}",
                "toml: line 2 (last key \"b.x\"): expected '.' or '=', but got '$' instead",
            ),
            (
                "[a]\nb.c.d = @\n",
                "toml: line 2 (last key \"a.b.c.d\"): expected value but found '@' instead",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input).err().as_deref(), Some(want), "{input:?}");
        }
    }
}
