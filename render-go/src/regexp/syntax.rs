//! Go's `regexp/syntax` parser (Perl flags, as `regexp.Compile` uses it), rewritten to check
//! a pattern with Go's rules and error texts and to translate it into an equivalent pattern for
//! the `regex` crate.
//!
//! The two dialects differ in what they accept (Go rejects `(?x)`, `\pN` binary properties,
//! `a**`; it accepts `(?)`, `^*`, names starting with digits, duplicate names, and scripts
//! only when their name has no underscore), in the Perl classes (`\d`, `\s`, `\w`, `\b` are
//! ASCII in Go) and in error texts, so the translation spells every construct out explicitly:
//! literals as `\x{..}`, Perl and POSIX classes as ASCII ranges, flags per node, and capture
//! groups without names (Go's names are kept beside the pattern).

use std::fmt::Write as _;

/// A Go `regexp/syntax` error: its code text and the offending part of the expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Go's `ErrorCode` text, e.g. `missing closing )`.
    pub code: &'static str,
    /// The offending expression text.
    pub expr: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error parsing regexp: {}: `{}`", self.code, self.expr)
    }
}

const ERR_INVALID_CHAR_RANGE: &str = "invalid character class range";
const ERR_INVALID_UTF8: &str = "invalid UTF-8";
const ERR_INVALID_ESCAPE: &str = "invalid escape sequence";
const ERR_INVALID_NAMED_CAPTURE: &str = "invalid named capture";
const ERR_INVALID_PERL_OP: &str = "invalid or unsupported Perl syntax";
const ERR_INVALID_REPEAT_OP: &str = "invalid nested repetition operator";
const ERR_INVALID_REPEAT_SIZE: &str = "invalid repeat count";
const ERR_MISSING_BRACKET: &str = "missing closing ]";
const ERR_MISSING_PAREN: &str = "missing closing )";
const ERR_MISSING_REPEAT_ARGUMENT: &str = "missing argument to repetition operator";
const ERR_TRAILING_BACKSLASH: &str = "trailing backslash at end of expression";
const ERR_UNEXPECTED_PAREN: &str = "unexpected )";
/// Go's `ErrNestingDepth` text.
pub(crate) const ERR_NESTING_DEPTH: &str = "expression nests too deeply";
/// Go's `ErrLarge` text.
pub(crate) const ERR_LARGE: &str = "expression too large";

fn err(code: &'static str, expr: &str) -> SyntaxError {
    SyntaxError {
        code,
        expr: expr.to_string(),
    }
}

/// Go's limit on counted repetitions (`x{1001}` is an error).
const MAX_REPEAT: i64 = 1000;
/// Go's limit on the height of the parse tree.
const MAX_HEIGHT: u32 = 1000;
const MAX_RUNE: u32 = 0x10FFFF;

const FOLD_CASE: u8 = 1;
const ONE_LINE: u8 = 2;
const DOT_NL: u8 = 4;
const NON_GREEDY: u8 = 8;

/// A node of the parse tree, with what the translation needs.
#[derive(Debug)]
enum Node {
    Empty,
    Literal(u32, bool),
    /// A complete pattern fragment (a class, `.`, an assertion).
    Fragment(String),
    Capture(Box<Node>, u32),
    Repeat {
        sub: Box<Node>,
        min: i64,
        max: i64,
        greedy: bool,
        counted: bool,
        height: u32,
    },
    Concat(Vec<Node>, u32),
    Alternate(Vec<Node>, u32),
}

impl Node {
    fn height(&self) -> u32 {
        match self {
            Node::Empty | Node::Literal(..) | Node::Fragment(_) => 1,
            Node::Capture(_, h) | Node::Concat(_, h) | Node::Alternate(_, h) => *h,
            Node::Repeat { height, .. } => *height,
        }
    }

    /// Go's `repeatIsValid`: nested counted repetitions multiply, and the product may not
    /// exceed `n`.
    fn repeat_is_valid(&self, mut n: i64) -> bool {
        match self {
            Node::Repeat {
                sub,
                min,
                max,
                counted,
                ..
            } => {
                if *counted {
                    let mut m = *max;
                    if m == 0 {
                        return true;
                    }
                    if m < 0 {
                        m = *min;
                    }
                    if m > n {
                        return false;
                    }
                    if m > 0 {
                        n /= m;
                    }
                }
                sub.repeat_is_valid(n)
            }
            Node::Capture(sub, _) => sub.repeat_is_valid(n),
            Node::Concat(subs, _) | Node::Alternate(subs, _) => {
                subs.iter().all(|s| s.repeat_is_valid(n))
            }
            _ => true,
        }
    }
}

fn max_height(nodes: &[Node]) -> u32 {
    nodes.iter().map(Node::height).max().unwrap_or(0)
}

/// An open group: the alternatives parsed so far and the current concatenation.
struct Frame {
    alts: Vec<Node>,
    cur: Vec<Node>,
    /// Capture index, for capturing groups.
    cap: Option<u32>,
    /// Flags in force when the group opened, restored at `)`.
    flags: u8,
}

impl Frame {
    fn new(cap: Option<u32>, flags: u8) -> Frame {
        Frame {
            alts: Vec::new(),
            cur: Vec::new(),
            cap,
            flags,
        }
    }

    fn concat(cur: Vec<Node>) -> Node {
        match cur.len() {
            0 => Node::Empty,
            1 => cur.into_iter().next().unwrap_or(Node::Empty),
            _ => {
                let h = 1 + max_height(&cur);
                Node::Concat(cur, h)
            }
        }
    }

    fn finish(mut self) -> Node {
        let last = Frame::concat(std::mem::take(&mut self.cur));
        if self.alts.is_empty() {
            return last;
        }
        self.alts.push(last);
        let h = 1 + max_height(&self.alts);
        Node::Alternate(self.alts, h)
    }
}

/// A parsed Go regular expression, translated.
#[derive(Debug)]
pub struct Translated {
    /// The equivalent pattern for the `regex` crate.
    pub pattern: String,
    /// Go's `SubexpNames`: index 0 is the whole match, unnamed groups are empty.
    pub names: Vec<String>,
}

/// Parses `expr` with Go's Perl-flag rules and translates it.
pub fn translate(expr: &str) -> Result<Translated, SyntaxError> {
    // Go checks the expression is UTF-8 before parsing; raw bytes are escapes here.
    if crate::value::rawbytes::has_escapes(expr) {
        return Err(err(ERR_INVALID_UTF8, expr));
    }
    let mut p = Parser {
        whole: expr,
        flags: ONE_LINE,
        frame: Frame::new(None, ONE_LINE),
        outer: Vec::new(),
        names: vec![String::new()],
    };
    let node = p.parse()?;
    if node.height() > MAX_HEIGHT {
        return Err(err(ERR_NESTING_DEPTH, expr));
    }
    let mut pattern = String::with_capacity(expr.len() * 2);
    emit(&node, &mut pattern);
    Ok(Translated {
        pattern,
        names: p.names,
    })
}

struct Parser<'s> {
    whole: &'s str,
    flags: u8,
    /// The innermost open group (the whole expression at the outermost level).
    frame: Frame,
    /// The groups enclosing `frame`, outermost first.
    outer: Vec<Frame>,
    names: Vec<String>,
}

/// The first character of `s` and the rest (Go's `nextRune` on valid UTF-8).
fn next_char(s: &str) -> Option<(char, &str)> {
    let c = s.chars().next()?;
    Some((c, &s[c.len_utf8()..]))
}

/// `whole` up to where `rest` starts.
fn consumed<'a>(whole: &'a str, rest: &str) -> &'a str {
    &whole[..whole.len() - rest.len()]
}

fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn unhex(c: char) -> Option<u32> {
    c.to_digit(16)
}

impl<'s> Parser<'s> {
    fn top(&mut self) -> &mut Frame {
        &mut self.frame
    }

    /// Opens a group: `frame` becomes the new one.
    fn open(&mut self, frame: Frame) {
        let enclosing = std::mem::replace(&mut self.frame, frame);
        self.outer.push(enclosing);
    }

    fn push(&mut self, node: Node) -> Result<(), SyntaxError> {
        if node.height() > MAX_HEIGHT {
            return Err(err(ERR_NESTING_DEPTH, self.whole));
        }
        self.top().cur.push(node);
        Ok(())
    }

    fn literal(&mut self, c: u32) -> Result<(), SyntaxError> {
        let fold = self.flags & FOLD_CASE != 0;
        self.push(Node::Literal(c, fold))
    }

    fn fragment(&mut self, f: &str) -> Result<(), SyntaxError> {
        self.push(Node::Fragment(f.to_string()))
    }

    fn parse(&mut self) -> Result<Node, SyntaxError> {
        let whole = self.whole;
        let mut t = whole;
        let mut last_repeat: &str = "";
        while let Some(&b) = t.as_bytes().first() {
            let mut repeat: &str = "";
            match b {
                b'(' => {
                    if t.as_bytes().get(1) == Some(&b'?') {
                        t = self.parse_perl_flags(t)?;
                    } else {
                        let cap = self.names.len() as u32;
                        self.names.push(String::new());
                        let flags = self.flags;
                        self.open(Frame::new(Some(cap), flags));
                        t = &t[1..];
                    }
                }
                b'|' => {
                    let f = self.top();
                    let cur = std::mem::take(&mut f.cur);
                    f.alts.push(Frame::concat(cur));
                    t = &t[1..];
                }
                b')' => {
                    let Some(enclosing) = self.outer.pop() else {
                        return Err(err(ERR_UNEXPECTED_PAREN, whole));
                    };
                    let frame = std::mem::replace(&mut self.frame, enclosing);
                    self.flags = frame.flags;
                    let cap = frame.cap;
                    let node = frame.finish();
                    match cap {
                        Some(_) => {
                            let h = 1 + node.height();
                            self.push(Node::Capture(Box::new(node), h))?;
                        }
                        None => self.push(node)?,
                    }
                    t = &t[1..];
                }
                b'^' => {
                    let f = if self.flags & ONE_LINE != 0 {
                        r"\A"
                    } else {
                        r"(?m:^)"
                    };
                    self.fragment(f)?;
                    t = &t[1..];
                }
                b'$' => {
                    let f = if self.flags & ONE_LINE != 0 {
                        r"\z"
                    } else {
                        r"(?m:$)"
                    };
                    self.fragment(f)?;
                    t = &t[1..];
                }
                b'.' => {
                    let f = if self.flags & DOT_NL != 0 {
                        r"(?s:.)"
                    } else {
                        r"[^\n]"
                    };
                    self.fragment(f)?;
                    t = &t[1..];
                }
                b'[' => t = self.parse_class(t)?,
                b'*' | b'+' | b'?' => {
                    let (min, max) = match b {
                        b'*' => (0, -1),
                        b'+' => (1, -1),
                        _ => (0, 1),
                    };
                    let before = t;
                    t = self.repeat(min, max, false, before, &t[1..], last_repeat)?;
                    repeat = before;
                }
                b'{' => {
                    let before = t;
                    match parse_repeat(t) {
                        None => {
                            self.literal('{' as u32)?;
                            t = &t[1..];
                        }
                        Some((min, max, after)) => {
                            if !(0..=MAX_REPEAT).contains(&min)
                                || max > MAX_REPEAT
                                || max >= 0 && min > max
                            {
                                return Err(err(ERR_INVALID_REPEAT_SIZE, consumed(before, after)));
                            }
                            t = self.repeat(min, max, true, before, after, last_repeat)?;
                            repeat = before;
                        }
                    }
                }
                b'\\' => t = self.parse_backslash(t)?,
                _ => {
                    let Some((c, rest)) = next_char(t) else { break };
                    self.literal(c as u32)?;
                    t = rest;
                }
            }
            last_repeat = repeat;
        }
        if !self.outer.is_empty() {
            return Err(err(ERR_MISSING_PAREN, whole));
        }
        let root = std::mem::replace(&mut self.frame, Frame::new(None, ONE_LINE));
        Ok(root.finish())
    }

    /// Go's `repeat`: applies a repetition operator to the last node.
    fn repeat<'t>(
        &mut self,
        min: i64,
        max: i64,
        counted: bool,
        before: &'t str,
        mut after: &'t str,
        last_repeat: &str,
    ) -> Result<&'t str, SyntaxError> {
        let mut flags = self.flags;
        if after.as_bytes().first() == Some(&b'?') {
            after = &after[1..];
            flags ^= NON_GREEDY;
        }
        if !last_repeat.is_empty() {
            let n = last_repeat.len() - after.len();
            return Err(err(ERR_INVALID_REPEAT_OP, &last_repeat[..n]));
        }
        let Some(sub) = self.top().cur.pop() else {
            return Err(err(ERR_MISSING_REPEAT_ARGUMENT, consumed(before, after)));
        };
        let height = 1 + sub.height();
        let node = Node::Repeat {
            sub: Box::new(sub),
            min,
            max,
            greedy: flags & NON_GREEDY == 0,
            counted,
            height,
        };
        if counted && (min >= 2 || max >= 2) && !node.repeat_is_valid(MAX_REPEAT) {
            return Err(err(ERR_INVALID_REPEAT_SIZE, consumed(before, after)));
        }
        self.push(node)?;
        Ok(after)
    }

    /// `(?` groups: named captures, flag changes, non-capturing groups.
    fn parse_perl_flags<'t>(&mut self, s: &'t str) -> Result<&'t str, SyntaxError> {
        let b = s.as_bytes();
        let starts_with_p = b.len() > 4 && b.get(2..4) == Some(b"P<");
        let starts_with_name = b.len() > 3 && b.get(2) == Some(&b'<');
        if starts_with_p || starts_with_name {
            let start = if starts_with_name { 3 } else { 4 };
            let Some(end) = s.find('>') else {
                return Err(err(ERR_INVALID_NAMED_CAPTURE, s));
            };
            let name = &s[start..end];
            if name.is_empty() || !name.chars().all(|c| c == '_' || is_alnum(c)) {
                return Err(err(ERR_INVALID_NAMED_CAPTURE, &s[..=end]));
            }
            let cap = self.names.len() as u32;
            self.names.push(name.to_string());
            let flags = self.flags;
            self.open(Frame::new(Some(cap), flags));
            return Ok(&s[end + 1..]);
        }
        let mut t = &s[2..];
        let mut flags = self.flags;
        let mut negated = false;
        let mut saw_flag = false;
        while let Some((c, rest)) = next_char(t) {
            t = rest;
            match c {
                'i' => {
                    flags |= FOLD_CASE;
                    saw_flag = true;
                }
                'm' => {
                    flags &= !ONE_LINE;
                    saw_flag = true;
                }
                's' => {
                    flags |= DOT_NL;
                    saw_flag = true;
                }
                'U' => {
                    flags |= NON_GREEDY;
                    saw_flag = true;
                }
                '-' => {
                    if negated {
                        break;
                    }
                    negated = true;
                    // Inverted, so that setting a bit above clears it.
                    flags = !flags;
                    saw_flag = false;
                }
                ':' | ')' => {
                    if negated {
                        if !saw_flag {
                            break;
                        }
                        flags = !flags;
                    }
                    if c == ':' {
                        let outer = self.flags;
                        self.open(Frame::new(None, outer));
                    }
                    self.flags = flags;
                    return Ok(t);
                }
                _ => break,
            }
        }
        Err(err(ERR_INVALID_PERL_OP, consumed(s, t)))
    }

    /// A backslash outside a class.
    fn parse_backslash<'t>(&mut self, t: &'t str) -> Result<&'t str, SyntaxError> {
        if let &[_, c, ..] = t.as_bytes() {
            let simple = match c {
                b'A' => Some(r"\A"),
                b'b' => Some(r"(?-u:\b)"),
                b'B' => Some(r"(?-u:\B)"),
                b'z' => Some(r"\z"),
                _ => None,
            };
            if let Some(f) = simple {
                self.fragment(f)?;
                return Ok(&t[2..]);
            }
            if c == b'C' {
                return Err(err(ERR_INVALID_ESCAPE, &t[..2]));
            }
            if c == b'Q' {
                let body = &t[2..];
                let (lit, rest) = match body.find(r"\E") {
                    Some(i) => (&body[..i], &body[i + 2..]),
                    None => (body, ""),
                };
                for c in lit.chars() {
                    self.literal(c as u32)?;
                }
                return Ok(rest);
            }
        }
        let fold = self.flags & FOLD_CASE != 0;
        if let Some((class, rest)) = parse_unicode_class(t)? {
            let mut out = String::new();
            write_class(&mut out, false, &[class], fold);
            self.fragment(&out)?;
            return Ok(rest);
        }
        if let Some((class, rest)) = parse_perl_class(t) {
            let mut out = String::new();
            write_class(&mut out, false, &[class], fold);
            self.fragment(&out)?;
            return Ok(rest);
        }
        let (c, rest) = parse_escape(t)?;
        self.literal(c)?;
        Ok(rest)
    }

    /// A bracketed class; `s` starts at `[`.
    fn parse_class<'t>(&mut self, s: &'t str) -> Result<&'t str, SyntaxError> {
        let mut t = &s[1..];
        let mut negated = false;
        if t.starts_with('^') {
            negated = true;
            t = &t[1..];
        }
        let mut items: Vec<ClassItem> = Vec::new();
        let mut first = true;
        while t.is_empty() || !t.starts_with(']') || first {
            first = false;
            if t.len() > 2 && t.starts_with("[:") {
                if let Some((item, rest)) = parse_named_class(t)? {
                    items.push(item);
                    t = rest;
                    continue;
                }
            }
            if let Some((class, rest)) = parse_unicode_class(t)? {
                items.push(class);
                t = rest;
                continue;
            }
            if let Some((item, rest)) = parse_perl_class(t) {
                items.push(item);
                t = rest;
                continue;
            }
            let rng = t;
            let (lo, rest) = parse_class_char(t, s)?;
            t = rest;
            let mut hi = lo;
            if let [b'-', c, ..] = t.as_bytes()
                && *c != b']'
            {
                let (h, rest) = parse_class_char(&t[1..], s)?;
                t = rest;
                hi = h;
                if hi < lo {
                    return Err(err(ERR_INVALID_CHAR_RANGE, consumed(rng, t)));
                }
            }
            items.push(ClassItem::Range(lo, hi));
        }
        let mut out = String::new();
        write_class(&mut out, negated, &items, self.flags & FOLD_CASE != 0);
        self.fragment(&out)?;
        Ok(&t[1..])
    }
}

/// Go's `parseRepeat`: `{n}`, `{n,}`, `{n,m}`; `None` if `s` is not of that form (then `{`
/// is a literal); a too-large number gives min -1.
fn parse_repeat(s: &str) -> Option<(i64, i64, &str)> {
    let s = s.strip_prefix('{')?;
    let (mut min, s) = parse_int(s)?;
    let max;
    let s = if let Some(s) = s.strip_prefix(',') {
        if s.is_empty() {
            return None;
        }
        if let Some(rest) = s.strip_prefix('}') {
            return Some((min, -1, rest));
        }
        let (m, s) = parse_int(s)?;
        if m < 0 {
            min = -1;
        }
        max = m;
        s
    } else {
        max = min;
        s
    };
    let rest = s.strip_prefix('}')?;
    Some((min, max, rest))
}

/// Go's `parseInt` for repeat counts: no leading zeros; -1 once the value reaches 1e8.
fn parse_int(s: &str) -> Option<(i64, &str)> {
    let b = s.as_bytes();
    match b {
        [first, ..] if !first.is_ascii_digit() => return None,
        [] | [b'0', b'0'..=b'9', ..] => return None,
        _ => {}
    }
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut v: i64 = 0;
    for &d in b.iter().take(n) {
        if v >= 100_000_000 {
            v = -1;
            break;
        }
        v = v * 10 + i64::from(d - b'0');
    }
    Some((v, &s[n..]))
}

/// Go's `parseEscape`: a single-character escape at the start of `s` (which starts with a
/// backslash).
fn parse_escape(s: &str) -> Result<(u32, &str), SyntaxError> {
    let t = &s[1..];
    let Some((c, mut t)) = next_char(t) else {
        return Err(err(ERR_TRAILING_BACKSLASH, ""));
    };
    let invalid = |t: &str| Err(err(ERR_INVALID_ESCAPE, consumed(s, t)));
    match c {
        '1'..='7' | '0' => {
            let octal = |t: &str| {
                t.as_bytes()
                    .first()
                    .is_some_and(|b| (b'0'..=b'7').contains(b))
            };
            if c != '0' && !octal(t) {
                return invalid(t);
            }
            let mut r = c as u32 - '0' as u32;
            for _ in 1..3 {
                let Some(&d @ b'0'..=b'7') = t.as_bytes().first() else {
                    break;
                };
                r = r * 8 + u32::from(d - b'0');
                t = &t[1..];
            }
            Ok((r, t))
        }
        'x' => {
            let Some((c, rest)) = next_char(t) else {
                return invalid(t);
            };
            t = rest;
            if c == '{' {
                let mut nhex = 0;
                let mut r: u32 = 0;
                loop {
                    let Some((c, rest)) = next_char(t) else {
                        return invalid(t);
                    };
                    t = rest;
                    if c == '}' {
                        break;
                    }
                    let Some(v) = unhex(c) else {
                        return invalid(t);
                    };
                    r = r * 16 + v;
                    if r > MAX_RUNE {
                        return invalid(t);
                    }
                    nhex += 1;
                }
                if nhex == 0 {
                    return invalid(t);
                }
                return Ok((r, t));
            }
            let x = unhex(c);
            let y = match next_char(t) {
                Some((c, rest)) => {
                    t = rest;
                    unhex(c)
                }
                None => None,
            };
            match (x, y) {
                (Some(x), Some(y)) => Ok((x * 16 + y, t)),
                _ => invalid(t),
            }
        }
        'a' => Ok((7, t)),
        'f' => Ok((12, t)),
        'n' => Ok((10, t)),
        'r' => Ok((13, t)),
        't' => Ok((9, t)),
        'v' => Ok((11, t)),
        c if c.is_ascii() && !is_alnum(c) => Ok((c as u32, t)),
        _ => invalid(t),
    }
}

/// A class character (`s` non-empty) or the missing-bracket error naming the whole class.
fn parse_class_char<'t>(s: &'t str, whole_class: &str) -> Result<(u32, &'t str), SyntaxError> {
    if s.is_empty() {
        return Err(err(ERR_MISSING_BRACKET, whole_class));
    }
    if s.starts_with('\\') {
        return parse_escape(s);
    }
    match next_char(s) {
        Some((c, rest)) => Ok((c as u32, rest)),
        None => Err(err(ERR_MISSING_BRACKET, whole_class)),
    }
}

/// One part of a character class.
#[derive(Clone, Debug)]
enum ClassItem {
    Range(u32, u32),
    /// A Unicode class by the `regex` crate's name.
    Unicode(&'static str),
    /// A nested class, possibly negated (Perl and POSIX classes, `\P{..}`).
    Nested(Vec<ClassItem>, bool),
}

const DIGIT: &[(u8, u8)] = &[(b'0', b'9')];
const SPACE_PERL: &[(u8, u8)] = &[(b'\t', b'\n'), (0x0c, b'\r'), (b' ', b' ')];
const WORD: &[(u8, u8)] = &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')];

fn ascii(ranges: &[(u8, u8)], negated: bool) -> ClassItem {
    let items = ranges
        .iter()
        .map(|(lo, hi)| ClassItem::Range(u32::from(*lo), u32::from(*hi)))
        .collect();
    ClassItem::Nested(items, negated)
}

/// `\d \D \s \S \w \W` at the start of `s`.
fn parse_perl_class(s: &str) -> Option<(ClassItem, &str)> {
    let &[b'\\', c, ..] = s.as_bytes() else {
        return None;
    };
    let (ranges, neg) = match c {
        b'd' => (DIGIT, false),
        b'D' => (DIGIT, true),
        b's' => (SPACE_PERL, false),
        b'S' => (SPACE_PERL, true),
        b'w' => (WORD, false),
        b'W' => (WORD, true),
        _ => return None,
    };
    Some((ascii(ranges, neg), &s[2..]))
}

/// The POSIX classes Go knows, by name.
fn posix_class(name: &str) -> Option<&'static [(u8, u8)]> {
    Some(match name {
        "alnum" => &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
        "alpha" => &[(b'A', b'Z'), (b'a', b'z')],
        "ascii" => &[(0, 0x7f)],
        "blank" => &[(b'\t', b'\t'), (b' ', b' ')],
        "cntrl" => &[(0, 0x1f), (0x7f, 0x7f)],
        "digit" => DIGIT,
        "graph" => &[(b'!', b'~')],
        "lower" => &[(b'a', b'z')],
        "print" => &[(b' ', b'~')],
        "punct" => &[(b'!', b'/'), (b':', b'@'), (b'[', b'`'), (b'{', b'~')],
        "space" => &[(b'\t', b'\r'), (b' ', b' ')],
        "upper" => &[(b'A', b'Z')],
        "word" => WORD,
        "xdigit" => &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
        _ => return None,
    })
}

/// `[:alpha:]` or `[:^alpha:]` at the start of `s`; `None` when there is no `:]`.
fn parse_named_class(s: &str) -> Result<Option<(ClassItem, &str)>, SyntaxError> {
    let Some(i) = s[2..].find(":]") else {
        return Ok(None);
    };
    let end = i + 4;
    let name = &s[..end];
    let inner = &s[2..i + 2];
    let (inner, neg) = match inner.strip_prefix('^') {
        Some(n) => (n, true),
        None => (inner, false),
    };
    match posix_class(inner) {
        Some(r) => Ok(Some((ascii(r, neg), &s[end..]))),
        None => Err(err(ERR_INVALID_CHAR_RANGE, name)),
    }
}

/// Go's `canonicalName`: first letter upper case, the rest lower case, without `_`, `-`
/// and spaces.
fn canonical_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '_' | '-' | ' ') {
            continue;
        }
        if out.is_empty() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Go 1.25's general categories, in canonical form (its `unicode.Categories` keys).
const CATEGORIES: &[&str] = &[
    "C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
    "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm",
    "So", "Z", "Zl", "Zp", "Zs",
];

/// Go's `unicode.CategoryAliases`, canonical alias → category.
const CATEGORY_ALIASES: &[(&str, &str)] = &[
    ("Casedletter", "LC"),
    ("Closepunctuation", "Pe"),
    ("Cntrl", "Cc"),
    ("Combiningmark", "M"),
    ("Connectorpunctuation", "Pc"),
    ("Control", "Cc"),
    ("Currencysymbol", "Sc"),
    ("Dashpunctuation", "Pd"),
    ("Decimalnumber", "Nd"),
    ("Digit", "Nd"),
    ("Enclosingmark", "Me"),
    ("Finalpunctuation", "Pf"),
    ("Format", "Cf"),
    ("Initialpunctuation", "Pi"),
    ("Letter", "L"),
    ("Letternumber", "Nl"),
    ("Lineseparator", "Zl"),
    ("Lowercaseletter", "Ll"),
    ("Mark", "M"),
    ("Mathsymbol", "Sm"),
    ("Modifierletter", "Lm"),
    ("Modifiersymbol", "Sk"),
    ("Nonspacingmark", "Mn"),
    ("Number", "N"),
    ("Openpunctuation", "Ps"),
    ("Other", "C"),
    ("Otherletter", "Lo"),
    ("Othernumber", "No"),
    ("Otherpunctuation", "Po"),
    ("Othersymbol", "So"),
    ("Paragraphseparator", "Zp"),
    ("Privateuse", "Co"),
    ("Punct", "P"),
    ("Punctuation", "P"),
    ("Separator", "Z"),
    ("Spaceseparator", "Zs"),
    ("Spacingmark", "Mc"),
    ("Surrogate", "Cs"),
    ("Symbol", "S"),
    ("Titlecaseletter", "Lt"),
    ("Unassigned", "Cn"),
    ("Uppercaseletter", "Lu"),
];

/// Go's Unicode 15 scripts whose table name survives `canonicalName` (names with an
/// underscore or inner capital, like `Old_Italic`, cannot be reached from a pattern).
const SCRIPTS: &[&str] = &[
    "Adlam",
    "Ahom",
    "Arabic",
    "Armenian",
    "Avestan",
    "Balinese",
    "Bamum",
    "Batak",
    "Bengali",
    "Bhaiksuki",
    "Bopomofo",
    "Brahmi",
    "Braille",
    "Buginese",
    "Buhid",
    "Carian",
    "Chakma",
    "Cham",
    "Cherokee",
    "Chorasmian",
    "Common",
    "Coptic",
    "Cuneiform",
    "Cypriot",
    "Cyrillic",
    "Deseret",
    "Devanagari",
    "Dogra",
    "Duployan",
    "Elbasan",
    "Elymaic",
    "Ethiopic",
    "Georgian",
    "Glagolitic",
    "Gothic",
    "Grantha",
    "Greek",
    "Gujarati",
    "Gurmukhi",
    "Han",
    "Hangul",
    "Hanunoo",
    "Hatran",
    "Hebrew",
    "Hiragana",
    "Inherited",
    "Javanese",
    "Kaithi",
    "Kannada",
    "Katakana",
    "Kawi",
    "Kharoshthi",
    "Khmer",
    "Khojki",
    "Khudawadi",
    "Lao",
    "Latin",
    "Lepcha",
    "Limbu",
    "Lisu",
    "Lycian",
    "Lydian",
    "Mahajani",
    "Makasar",
    "Malayalam",
    "Mandaic",
    "Manichaean",
    "Marchen",
    "Medefaidrin",
    "Miao",
    "Modi",
    "Mongolian",
    "Mro",
    "Multani",
    "Myanmar",
    "Nabataean",
    "Nandinagari",
    "Newa",
    "Nko",
    "Nushu",
    "Ogham",
    "Oriya",
    "Osage",
    "Osmanya",
    "Palmyrene",
    "Phoenician",
    "Rejang",
    "Runic",
    "Samaritan",
    "Saurashtra",
    "Sharada",
    "Shavian",
    "Siddham",
    "Sinhala",
    "Sogdian",
    "Soyombo",
    "Sundanese",
    "Syriac",
    "Tagalog",
    "Tagbanwa",
    "Takri",
    "Tamil",
    "Tangsa",
    "Tangut",
    "Telugu",
    "Thaana",
    "Thai",
    "Tibetan",
    "Tifinagh",
    "Tirhuta",
    "Toto",
    "Ugaritic",
    "Vai",
    "Vithkuqi",
    "Wancho",
    "Yezidi",
    "Yi",
];

/// Go's `unicodeTable`: the class a `\p{name}` stands for; `None` if Go does not know the
/// name.
fn unicode_table(name: &str) -> Option<ClassItem> {
    let name = canonical_name(name);
    let one = |n: &'static str| Some(ClassItem::Unicode(n));
    match name.as_str() {
        "Any" => return Some(ClassItem::Range(0, MAX_RUNE)),
        // Go inverts its table of unassigned code points.
        "Assigned" => return Some(ClassItem::Nested(vec![ClassItem::Unicode("Cn")], true)),
        "Ascii" => return Some(ClassItem::Range(0, 0x7f)),
        "Lc" => return one("LC"),
        _ => {}
    }
    if let Some(c) = CATEGORIES.iter().find(|c| **c == name) {
        return one(c);
    }
    if let Some(s) = SCRIPTS.iter().find(|s| **s == name) {
        return one(s);
    }
    CATEGORY_ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .and_then(|(_, c)| one(c))
}

/// Go's `parseUnicodeClass`: `\pL`, `\p{Greek}`, `\P{^Lu}` at the start of `s`.
fn parse_unicode_class(s: &str) -> Result<Option<(ClassItem, &str)>, SyntaxError> {
    let &[b'\\', p @ (b'p' | b'P'), ..] = s.as_bytes() else {
        return Ok(None);
    };
    let mut negate = p == b'P';
    let t = &s[2..];
    let (seq, mut name, rest) = match next_char(t) {
        Some(('{', _)) => {
            let Some(end) = s.find('}') else {
                return Err(err(ERR_INVALID_CHAR_RANGE, s));
            };
            (&s[..=end], &s[3..end], &s[end + 1..])
        }
        Some((_, rest)) => {
            let seq = consumed(s, rest);
            (seq, &seq[2..], rest)
        }
        None => (&s[..2], "", t),
    };
    if let Some(n) = name.strip_prefix('^') {
        negate = !negate;
        name = n;
    }
    let Some(item) = unicode_table(name) else {
        return Err(err(ERR_INVALID_CHAR_RANGE, seq));
    };
    if negate {
        return Ok(Some((ClassItem::Nested(vec![item], true), rest)));
    }
    Ok(Some((item, rest)))
}

/// Writes a code point as a pattern literal; surrogates (which no string contains) become
/// a class that matches nothing.
fn write_char(out: &mut String, c: u32) {
    match char::from_u32(c) {
        Some(ch) if ch.is_ascii_alphanumeric() => out.push(ch),
        Some(_) => {
            let _ = write!(out, "\\x{{{c:X}}}");
        }
        None => out.push_str(NOTHING),
    }
}

/// A class that matches nothing.
const NOTHING: &str = r"[^\x{0}-\x{10FFFF}]";

/// Writes one class item inside brackets.
fn write_item(out: &mut String, item: &ClassItem) {
    match item {
        ClassItem::Range(lo, hi) => {
            // Clip the surrogate gap: the `regex` crate's ranges are over scalar values.
            let mut push = |lo: u32, hi: u32| {
                if lo <= hi {
                    let _ = write!(out, "\\x{{{lo:X}}}-\\x{{{hi:X}}}");
                }
            };
            push(*lo, (*hi).min(0xD7FF));
            push((*lo).max(0xE000), *hi);
        }
        ClassItem::Unicode(name) => {
            let _ = write!(out, "\\p{{{name}}}");
        }
        ClassItem::Nested(items, negated) => write_bracket(out, *negated, items),
    }
}

/// Writes `[...]`. A class with nothing in it (or only surrogates) is written as the
/// negation of everything, and its negation as everything.
fn write_bracket(out: &mut String, negated: bool, items: &[ClassItem]) {
    let start = out.len();
    out.push('[');
    if negated {
        out.push('^');
    }
    let inner = out.len();
    for item in items {
        write_item(out, item);
    }
    if out.len() == inner {
        out.truncate(start);
        out.push_str(if negated { EVERYTHING } else { NOTHING });
        return;
    }
    out.push(']');
}

/// A class that matches every character.
const EVERYTHING: &str = r"[\x{0}-\x{10FFFF}]";

/// Writes a class; folding wraps it in `(?i:…)`, which the `regex` crate applies before
/// negation, as Go does.
fn write_class(out: &mut String, negated: bool, items: &[ClassItem], fold: bool) {
    if fold {
        out.push_str("(?i:");
    }
    write_bracket(out, negated, items);
    if fold {
        out.push(')');
    }
}

/// Writes the translation of a node.
fn emit(node: &Node, out: &mut String) {
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Literal(c, fold) => {
            if *fold {
                out.push_str("(?i:");
                write_char(out, *c);
                out.push(')');
            } else {
                write_char(out, *c);
            }
        }
        Node::Fragment(f) => out.push_str(f),
        Node::Capture(sub, _) => {
            out.push('(');
            emit(sub, out);
            out.push(')');
        }
        Node::Repeat {
            sub,
            min,
            max,
            greedy,
            ..
        } => {
            out.push_str("(?:");
            emit(sub, out);
            out.push(')');
            match (*min, *max) {
                (0, -1) => out.push('*'),
                (1, -1) => out.push('+'),
                (0, 1) => out.push('?'),
                (n, -1) => {
                    let _ = write!(out, "{{{n},}}");
                }
                (n, m) if n == m => {
                    let _ = write!(out, "{{{n}}}");
                }
                (n, m) => {
                    let _ = write!(out, "{{{n},{m}}}");
                }
            }
            if !*greedy {
                out.push('?');
            }
        }
        Node::Concat(subs, _) => {
            for s in subs {
                emit(s, out);
            }
        }
        Node::Alternate(subs, _) => {
            out.push_str("(?:");
            for (i, s) in subs.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                emit(s, out);
            }
            out.push(')');
        }
    }
}
