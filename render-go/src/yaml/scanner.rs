//! The YAML tokenizer: characters in, tokens out, with libyaml's exact accept/reject decisions.
//!
//! Helm parses YAML with go-yaml v2, a Go port of libyaml. Users see its error texts
//! (`yaml: line 3: mapping values are not allowed in this context`) and its quirks (simple keys
//! limited to one line and 1024 characters, tabs refused in indentation, errors found only when
//! the lazy reader reaches them), so we follow libyaml's scanning algorithm step by step instead
//! of using a YAML crate: no crate reproduces these decisions and messages. The structure (token
//! queue, simple-key stack, indentation stack, on-demand reading in 512-byte chunks) mirrors
//! libyaml's so that errors surface at the same point of the input.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

/// A position in the input: characters from the start, 0-based line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Mark {
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

/// Which stage failed; Go adds one to the line of scanner errors only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    Reader,
    Scanner,
    Parser,
}

/// A libyaml error: the problem text and the marks Go's `fail` turns into a line number.
#[derive(Clone, Debug)]
pub(crate) struct SyntaxError {
    pub kind: ErrorKind,
    pub problem: String,
    pub problem_mark: Mark,
    pub context_mark: Mark,
}

impl SyntaxError {
    /// The 1-based line Go reports (`yaml: line N: ...`), or 0 when it prints none.
    pub fn go_line(&self) -> usize {
        if self.problem_mark.line != 0 {
            self.problem_mark.line + usize::from(self.kind == ErrorKind::Scanner)
        } else {
            self.context_mark.line
        }
    }
}

/// Scalar presentation styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// Token kinds with their payloads. Scalar texts, anchors and aliases borrow the input where
/// they are a verbatim run of it (most are), so scanning allocates only for folded or escaped
/// text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TokenKind<'a> {
    StreamStart,
    StreamEnd,
    VersionDirective(u8, u8),
    TagDirective {
        handle: Vec<u8>,
        prefix: Vec<u8>,
    },
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias(Cow<'a, [u8]>),
    Anchor(Cow<'a, [u8]>),
    Tag {
        handle: Vec<u8>,
        suffix: Vec<u8>,
    },
    Scalar {
        value: Cow<'a, [u8]>,
        style: ScalarStyle,
    },
}

/// A token's kind without its payload: what the parser decides on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tt {
    StreamStart,
    StreamEnd,
    VersionDirective,
    TagDirective,
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias,
    Anchor,
    Tag,
    Scalar(ScalarStyle),
}

impl TokenKind<'_> {
    /// The payload-free kind.
    pub fn tt(&self) -> Tt {
        match self {
            TokenKind::StreamStart => Tt::StreamStart,
            TokenKind::StreamEnd => Tt::StreamEnd,
            TokenKind::VersionDirective(..) => Tt::VersionDirective,
            TokenKind::TagDirective { .. } => Tt::TagDirective,
            TokenKind::DocumentStart => Tt::DocumentStart,
            TokenKind::DocumentEnd => Tt::DocumentEnd,
            TokenKind::BlockSequenceStart => Tt::BlockSequenceStart,
            TokenKind::BlockMappingStart => Tt::BlockMappingStart,
            TokenKind::BlockEnd => Tt::BlockEnd,
            TokenKind::FlowSequenceStart => Tt::FlowSequenceStart,
            TokenKind::FlowSequenceEnd => Tt::FlowSequenceEnd,
            TokenKind::FlowMappingStart => Tt::FlowMappingStart,
            TokenKind::FlowMappingEnd => Tt::FlowMappingEnd,
            TokenKind::BlockEntry => Tt::BlockEntry,
            TokenKind::FlowEntry => Tt::FlowEntry,
            TokenKind::Key => Tt::Key,
            TokenKind::Value => Tt::Value,
            TokenKind::Alias(_) => Tt::Alias,
            TokenKind::Anchor(_) => Tt::Anchor,
            TokenKind::Tag { .. } => Tt::Tag,
            TokenKind::Scalar { style, .. } => Tt::Scalar(*style),
        }
    }
}

/// A token and where it starts and ends.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    pub kind: TokenKind<'a>,
    pub start: Mark,
    pub end: Mark,
}

#[derive(Clone, Copy, Default)]
struct SimpleKey {
    possible: bool,
    required: bool,
    token_number: usize,
    mark: Mark,
}

/// Result of a step that may fail; the error itself is kept in the scanner.
type Step = Result<(), ()>;

const RAW_CHUNK: usize = 512;
const MAX_FLOW_LEVEL: usize = 10000;
const MAX_INDENTS: usize = 10000;

/// A hasher for token numbers (small distinct integers): one multiplication instead of
/// SipHash, which showed up in profiles of the per-token simple-key lookup.
#[derive(Default, Clone, Copy)]
struct TokenNumberHasher(u64);

impl Hasher for TokenNumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Token number → index of the simple key that may start there (libyaml's `simple_keys_by_tok`).
type TokenMap = HashMap<usize, usize, BuildHasherDefault<TokenNumberHasher>>;

/// What separates two words of a plain or quoted scalar while it is scanned: blanks, or
/// line breaks that fold (libyaml's `whitespaces`, `leading_break` and `trailing_breaks`).
struct Gap {
    whitespaces: Text,
    leading_break: Vec<u8>,
    trailing_breaks: Vec<u8>,
    /// Whether a line break has been seen (blanks before it are dropped).
    leading_blanks: bool,
}

impl Gap {
    /// Writes the gap into `s` as YAML folds it (one break becomes a space, further breaks
    /// stay), then empties it.
    fn join(&mut self, s: &mut Text, input: &[u8]) {
        if self.leading_blanks {
            if self.leading_break.first() == Some(&b'\n') {
                if self.trailing_breaks.is_empty() {
                    s.push_bytes(input, b" ");
                } else {
                    s.push_bytes(input, &self.trailing_breaks);
                }
            } else {
                s.push_bytes(input, &self.leading_break);
                s.push_bytes(input, &self.trailing_breaks);
            }
            self.leading_break.clear();
            self.trailing_breaks.clear();
            self.leading_blanks = false;
        } else {
            s.push_text(input, &self.whitespaces);
        }
        self.whitespaces.clear();
    }
}

/// A scalar's text while it is scanned: a range of the input for as long as the text is a
/// verbatim run of it, an owned copy once escapes or line folding make it differ.
#[derive(Debug)]
enum Text {
    Span(usize, usize),
    Owned(Vec<u8>),
}

impl Text {
    fn empty() -> Text {
        Text::Span(0, 0)
    }

    fn clear(&mut self) {
        *self = Text::empty();
    }

    /// Appends `input[start..end]`.
    fn push_span(&mut self, input: &[u8], start: usize, end: usize) {
        if start >= end {
            return;
        }
        match self {
            Text::Span(a, b) if a == b => *self = Text::Span(start, end),
            Text::Span(_, b) if *b == start => *b = end,
            Text::Span(a, b) => {
                let mut v = input.get(*a..*b).unwrap_or_default().to_vec();
                v.extend_from_slice(input.get(start..end).unwrap_or_default());
                *self = Text::Owned(v);
            }
            Text::Owned(v) => v.extend_from_slice(input.get(start..end).unwrap_or_default()),
        }
    }

    /// Appends `bytes` (still a span if the input continues with exactly these bytes).
    fn push_bytes(&mut self, input: &[u8], bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        match self {
            Text::Span(a, b)
                if *a != *b && input.get(*b..).is_some_and(|rest| rest.starts_with(bytes)) =>
            {
                *b += bytes.len();
            }
            Text::Span(a, b) => {
                let mut v = input.get(*a..*b).unwrap_or_default().to_vec();
                v.extend_from_slice(bytes);
                *self = Text::Owned(v);
            }
            Text::Owned(v) => v.extend_from_slice(bytes),
        }
    }

    /// Appends another text.
    fn push_text(&mut self, input: &[u8], other: &Text) {
        match other {
            Text::Span(a, b) => self.push_span(input, *a, *b),
            Text::Owned(v) => self.push_bytes(input, v),
        }
    }

    fn finish(self, input: &[u8]) -> Cow<'_, [u8]> {
        match self {
            Text::Span(a, b) => Cow::Borrowed(input.get(a..b).unwrap_or_default()),
            Text::Owned(v) => Cow::Owned(v),
        }
    }
}

/// The input as the scanner reads it (libyaml's reader set-up, done once up front): an empty
/// input is a single newline (Go's `newParser`), UTF-16 is transcoded to UTF-8, a UTF-8 BOM is
/// noted. Scanners borrow scalar texts from it.
pub(crate) struct Source<'a> {
    bytes: Cow<'a, [u8]>,
    /// The UTF-16 transcoding error, raised when the scanner first reads.
    error: Option<&'static str>,
    /// The input starts with a UTF-8 BOM (skipped when reading starts).
    utf8_bom: bool,
}

impl<'a> Source<'a> {
    /// Prepares `input` for scanning.
    pub fn new(input: &'a [u8]) -> Source<'a> {
        let b = input;
        if b.is_empty() {
            return Source {
                bytes: Cow::Borrowed(b"\n"),
                error: None,
                utf8_bom: false,
            };
        }
        if let [first, second, after_bom @ ..] = b
            && matches!((first, second), (0xFF, 0xFE) | (0xFE, 0xFF))
        {
            let little = *first == 0xFF;
            return match utf16_to_utf8(after_bom, little) {
                Ok(v) => Source {
                    bytes: Cow::Owned(v),
                    error: None,
                    utf8_bom: false,
                },
                Err(p) => Source {
                    bytes: Cow::Borrowed(b),
                    error: Some(p),
                    utf8_bom: false,
                },
            };
        }
        Source {
            bytes: Cow::Borrowed(b),
            error: None,
            utf8_bom: b.starts_with(&[0xEF, 0xBB, 0xBF]),
        }
    }
}

/// The tokenizer over one input.
pub(crate) struct Scanner<'a> {
    input: &'a [u8],
    /// Every character of the input is one the reader accepts, so reading can never fail and
    /// the lazy reader's bookkeeping (`unread`, the raw window) is skipped.
    clean: bool,
    /// The transcoding error of a UTF-16 input.
    source_error: Option<&'static str>,
    utf8_bom: bool,
    /// Byte position of the current character.
    pos: usize,
    /// Decoded characters available from `pos` (libyaml's `unread`).
    unread: usize,
    /// Start and end of the raw window, and how far it has been decoded.
    raw_start: usize,
    raw_end: usize,
    raw_pos: usize,
    eof: bool,
    encoding_known: bool,
    mark: Mark,

    stream_start_produced: bool,
    stream_end_produced: bool,
    pub error: Option<SyntaxError>,

    tokens: VecDeque<Token<'a>>,
    tokens_parsed: usize,
    token_available: bool,

    indent: isize,
    indents: Vec<isize>,
    simple_key_allowed: bool,
    simple_keys: Vec<SimpleKey>,
    simple_keys_by_tok: TokenMap,
    flow_level: usize,

    /// Line-break buffers of block and flow scalars, kept to reuse their allocations.
    leading_break: Vec<u8>,
    trailing_breaks: Vec<u8>,
}

fn is_alpha(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

fn as_hex(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'f' => u32::from(c - b'a' + 10),
        b'A'..=b'F' => u32::from(c - b'A' + 10),
        _ => 0,
    }
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// Byte length of the UTF-8 sequence led by `b` (0 for an invalid lead byte).
pub(crate) fn utf8_width(b: u8) -> usize {
    if b & 0x80 == 0 {
        1
    } else if b & 0xE0 == 0xC0 {
        2
    } else if b & 0xF0 == 0xE0 {
        3
    } else if b & 0xF8 == 0xF0 {
        4
    } else {
        0
    }
}

fn push_utf8(s: &mut Vec<u8>, value: u32) {
    let mut buf = [0u8; 4];
    if let Some(c) = char::from_u32(value) {
        s.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// Transcodes a UTF-16 input (after its BOM) to UTF-8, with libyaml's error texts.
fn utf16_to_utf8(data: &[u8], little: bool) -> Result<Vec<u8>, &'static str> {
    let unit = |a: u8, b: u8| -> u32 {
        u32::from(if little {
            u16::from_le_bytes([a, b])
        } else {
            u16::from_be_bytes([a, b])
        })
    };
    let mut out = Vec::with_capacity(data.len());
    let mut rest = data;
    while !rest.is_empty() {
        let &[a, b, ref after @ ..] = rest else {
            return Err("incomplete UTF-16 character");
        };
        let v = unit(a, b);
        if v & 0xFC00 == 0xDC00 {
            return Err("unexpected low surrogate area");
        }
        let (value, after) = if v & 0xFC00 == 0xD800 {
            let &[c, d, ref after @ ..] = after else {
                return Err("incomplete UTF-16 surrogate pair");
            };
            let v2 = unit(c, d);
            if v2 & 0xFC00 != 0xDC00 {
                return Err("expected low surrogate area");
            }
            (0x10000 + ((v & 0x3FF) << 10) + (v2 & 0x3FF), after)
        } else {
            (v, after)
        };
        if !allowed_char(value) {
            return Err("control characters are not allowed");
        }
        push_utf8(&mut out, value);
        rest = after;
    }
    Ok(out)
}

/// The characters libyaml's reader accepts.
fn allowed_char(v: u32) -> bool {
    matches!(v, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0x85 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// Bytes the reader takes as they are: printable ASCII, tab, line feed, carriage return.
fn plain_ascii(b: u8) -> bool {
    (0x20..0x7F).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r')
}

/// Whether all 8 bytes of `word` are [`plain_ascii`], tested together (exactly: no borrow
/// crosses a byte).
fn plain_ascii_word(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = !HIGH;
    // The high bit of each byte of the result: set where the byte of `word` equals `b`.
    let equal = |b: u8| {
        let x = word ^ (ONES * u64::from(b));
        !(((x & LOW) + LOW) | x) & HIGH
    };
    // Where a byte is below 0x20 (for ASCII bytes: their high bit is cleared first).
    let control = !((word | HIGH) - ONES * 0x20) & HIGH;
    let allowed_control = equal(b'\n') | equal(b'\t') | equal(b'\r');
    word & HIGH == 0 && control & !allowed_control == 0 && equal(0x7F) == 0
}

/// Bytes per step of [`readable`]'s fast path.
const READ_CHUNK: usize = 8;

/// Whether the reader accepts all of `input`: valid UTF-8 made of [`allowed_char`]s only.
/// Checked in one pass, so that the scanner can skip the lazy reader's per-character work:
/// words of plain ASCII (most text) at once; any other character is decoded and checked on
/// its own.
fn readable(input: &[u8]) -> bool {
    let mut i = 0;
    while let Some(rest) = input.get(i..) {
        if let Some(chunk) = rest.first_chunk::<READ_CHUNK>()
            && plain_ascii_word(u64::from_le_bytes(*chunk))
        {
            i += READ_CHUNK;
            continue;
        }
        let Some(&b) = rest.first() else {
            return true;
        };
        if b < 0x80 {
            if !plain_ascii(b) {
                return false;
            }
            i += 1;
            continue;
        }
        let width = utf8_width(b);
        match rest
            .get(..width)
            .and_then(|seq| std::str::from_utf8(seq).ok())
            .and_then(|c| c.chars().next())
        {
            Some(c) if allowed_char(u32::from(c)) => i += width,
            _ => return false,
        }
    }
    true
}

impl<'a> Scanner<'a> {
    /// A scanner over a prepared input.
    pub fn new(source: &'a Source<'_>) -> Scanner<'a> {
        let input: &'a [u8] = &source.bytes;
        let clean = source.error.is_none() && readable(input);
        Scanner {
            input,
            clean,
            source_error: source.error,
            utf8_bom: source.utf8_bom,
            // A clean input never goes through `determine_encoding`: step over the BOM now.
            pos: if clean && source.utf8_bom { 3 } else { 0 },
            unread: 0,
            raw_start: 0,
            raw_end: 0,
            raw_pos: 0,
            eof: false,
            encoding_known: false,
            mark: Mark::default(),
            stream_start_produced: false,
            stream_end_produced: false,
            error: None,
            tokens: VecDeque::new(),
            tokens_parsed: 0,
            token_available: false,
            indent: -1,
            indents: Vec::new(),
            simple_key_allowed: false,
            simple_keys: Vec::new(),
            simple_keys_by_tok: TokenMap::default(),
            flow_level: 0,
            leading_break: Vec::new(),
            trailing_breaks: Vec::new(),
        }
    }

    // ----- reader -------------------------------------------------------------------------

    fn reader_error(&mut self, problem: &str) -> Step {
        self.error = Some(SyntaxError {
            kind: ErrorKind::Reader,
            problem: problem.to_string(),
            problem_mark: Mark::default(),
            context_mark: Mark::default(),
        });
        Err(())
    }

    /// Acts on the encoding found by [`Source::new`]: raises a UTF-16 transcoding error, or
    /// steps over a UTF-8 BOM.
    fn determine_encoding(&mut self) -> Step {
        self.encoding_known = true;
        if let Some(p) = self.source_error {
            return self.reader_error(p);
        }
        if self.utf8_bom {
            // libyaml reads the first raw chunk, then steps over the BOM inside it.
            self.pos = 3;
            self.raw_start = 0;
            self.raw_end = RAW_CHUNK.min(self.input.len());
            self.raw_pos = 3;
        }
        Ok(())
    }

    /// Reads the next raw chunk (libyaml's `yaml_parser_update_raw_buffer`).
    fn update_raw_buffer(&mut self) {
        if self.raw_pos == self.raw_start && self.raw_end - self.raw_start == RAW_CHUNK {
            return;
        }
        if self.eof {
            return;
        }
        self.raw_start = self.raw_pos;
        if self.raw_end == self.input.len() {
            self.eof = true;
            return;
        }
        let room = RAW_CHUNK - (self.raw_end - self.raw_start);
        self.raw_end = (self.raw_end + room).min(self.input.len());
    }

    /// Makes at least `length` characters available, decoding and validating more input.
    fn update_buffer(&mut self, length: usize) -> Step {
        if self.unread >= length {
            return Ok(());
        }
        if !self.encoding_known {
            self.determine_encoding()?;
        }
        let mut first = true;
        while self.unread < length {
            if !first || self.raw_pos == self.raw_end {
                self.update_raw_buffer();
            }
            first = false;
            let input = self.input;
            while let Some(&[octet, ref trailing @ ..]) = input.get(self.raw_pos..self.raw_end) {
                let width = utf8_width(octet);
                if width == 0 {
                    return self.reader_error("invalid leading UTF-8 octet");
                }
                if width > self.raw_end - self.raw_pos {
                    if self.eof {
                        return self.reader_error("incomplete UTF-8 octet sequence");
                    }
                    break;
                }
                let mut value = u32::from(match width {
                    1 => octet & 0x7F,
                    2 => octet & 0x1F,
                    3 => octet & 0x0F,
                    _ => octet & 0x07,
                });
                // `width` fits in the raw window: its other bytes are all in `trailing`.
                for &o in trailing.iter().take(width - 1) {
                    if o & 0xC0 != 0x80 {
                        return self.reader_error("invalid trailing UTF-8 octet");
                    }
                    value = (value << 6) + u32::from(o & 0x3F);
                }
                let ok_len = match width {
                    1 => true,
                    2 => value >= 0x80,
                    3 => value >= 0x800,
                    _ => value >= 0x10000,
                };
                if !ok_len {
                    return self.reader_error("invalid length of a UTF-8 sequence");
                }
                if (0xD800..=0xDFFF).contains(&value) || value > 0x10FFFF {
                    return self.reader_error("invalid Unicode character");
                }
                if !allowed_char(value) {
                    return self.reader_error("control characters are not allowed");
                }
                self.raw_pos += width;
                self.unread += 1;
            }
            if self.eof {
                self.unread += 1;
                break;
            }
        }
        Ok(())
    }

    #[inline]
    fn cache(&mut self, n: usize) -> Step {
        if self.clean || self.unread >= n {
            Ok(())
        } else {
            self.update_buffer(n)
        }
    }

    /// The byte `k` positions after the current one (0 past the end).
    #[inline]
    fn at(&self, k: usize) -> u8 {
        self.input.get(self.pos + k).copied().unwrap_or(0)
    }

    #[inline]
    fn is_z_at(&self, k: usize) -> bool {
        self.at(k) == 0
    }

    #[inline]
    fn is_break_at(&self, k: usize) -> bool {
        match self.at(k) {
            b'\r' | b'\n' => true,
            0xC2 => self.at(k + 1) == 0x85,
            0xE2 => self.at(k + 1) == 0x80 && matches!(self.at(k + 2), 0xA8 | 0xA9),
            _ => false,
        }
    }

    #[inline]
    fn is_breakz_at(&self, k: usize) -> bool {
        self.is_z_at(k) || self.is_break_at(k)
    }

    #[inline]
    fn is_blankz_at(&self, k: usize) -> bool {
        is_blank(self.at(k)) || self.is_breakz_at(k)
    }

    #[inline]
    fn skip(&mut self) {
        self.mark.index += 1;
        self.mark.column += 1;
        self.unread = self.unread.saturating_sub(1);
        self.pos += utf8_width(self.at(0)).max(1);
    }

    /// Steps over the ASCII characters that start here and pass `take`, at once, where the
    /// input is clean (one character is one byte and one column there); the character after
    /// them is for the caller. `take` must refuse line breaks and non-ASCII bytes.
    #[inline]
    fn skip_ascii_while(&mut self, take: impl Fn(u8) -> bool) {
        if !self.clean {
            return;
        }
        let run = self
            .input
            .get(self.pos..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| take(b)).count());
        self.pos += run;
        self.mark.index += run;
        self.mark.column += run;
    }

    /// Steps over spaces at once (indentation is most of a YAML file's blanks).
    #[inline]
    fn skip_spaces(&mut self) {
        self.skip_ascii_while(|b| b == b' ');
    }

    /// Steps over a comment's ASCII characters at once, up to its line break.
    #[inline]
    fn skip_comment_ascii(&mut self) {
        self.skip_ascii_while(|b| b.is_ascii() && b != b'\n' && b != b'\r');
    }

    fn skip_line(&mut self) {
        if self.at(0) == b'\r' && self.at(1) == b'\n' {
            self.mark.index += 2;
            self.mark.column = 0;
            self.mark.line += 1;
            self.unread = self.unread.saturating_sub(2);
            self.pos += 2;
        } else if self.is_break_at(0) {
            self.mark.index += 1;
            self.mark.column = 0;
            self.mark.line += 1;
            self.unread = self.unread.saturating_sub(1);
            self.pos += utf8_width(self.at(0)).max(1);
        }
    }

    /// Copies the current character to `s` and advances.
    fn read(&mut self, s: &mut Vec<u8>) {
        let b = self.at(0);
        if b < 0x80 {
            s.push(b);
            self.pos += 1;
            self.mark.index += 1;
            self.mark.column += 1;
            self.unread = self.unread.saturating_sub(1);
            return;
        }
        let w = utf8_width(b).max(1);
        let end = (self.pos + w).min(self.input.len());
        s.extend_from_slice(self.input.get(self.pos..end).unwrap_or_default());
        self.pos += w;
        self.mark.index += 1;
        self.mark.column += 1;
        self.unread = self.unread.saturating_sub(1);
    }

    /// Copies a line break to `s` (normalised as libyaml does) and advances.
    fn read_line(&mut self, s: &mut Vec<u8>) {
        let (a, b, c) = (self.at(0), self.at(1), self.at(2));
        if a == b'\r' && b == b'\n' {
            s.push(b'\n');
            self.pos += 2;
            self.mark.index += 1;
            self.unread = self.unread.saturating_sub(1);
        } else if a == b'\r' || a == b'\n' {
            s.push(b'\n');
            self.pos += 1;
        } else if a == 0xC2 && b == 0x85 {
            s.push(b'\n');
            self.pos += 2;
        } else if a == 0xE2 && b == 0x80 && (c == 0xA8 || c == 0xA9) {
            s.extend_from_slice(&[a, b, c]);
            self.pos += 3;
        } else {
            return;
        }
        self.mark.index += 1;
        self.mark.column = 0;
        self.mark.line += 1;
        self.unread = self.unread.saturating_sub(1);
    }

    // ----- token queue --------------------------------------------------------------------

    fn scanner_error(&mut self, context_mark: Mark, problem: &str) -> Step {
        self.error = Some(SyntaxError {
            kind: ErrorKind::Scanner,
            problem: problem.to_string(),
            problem_mark: self.mark,
            context_mark,
        });
        Err(())
    }

    /// Records a parser error (the parser shares the scanner's error slot).
    pub fn parser_error(&mut self, problem: &str, problem_mark: Mark, context_mark: Option<Mark>) {
        self.error = Some(SyntaxError {
            kind: ErrorKind::Parser,
            problem: problem.to_string(),
            problem_mark,
            context_mark: context_mark.unwrap_or_default(),
        });
    }

    fn insert_token(&mut self, pos: Option<usize>, token: Token<'a>) {
        match pos {
            Some(p) if p <= self.tokens.len() => self.tokens.insert(p, token),
            _ => self.tokens.push_back(token),
        }
    }

    fn push_token(&mut self, kind: TokenKind<'a>, start: Mark, end: Mark) {
        self.tokens.push_back(Token { kind, start, end });
    }

    /// Consumes a one-character indicator and queues its token.
    fn push_indicator(&mut self, kind: TokenKind<'a>) {
        let start = self.mark;
        self.skip();
        let end = self.mark;
        self.push_token(kind, start, end);
    }

    /// The next token, fetching more input as needed; `None` after an error.
    #[inline]
    pub fn peek_token(&mut self) -> Option<&Token<'a>> {
        if self.error.is_some() {
            return None;
        }
        if !self.token_available && self.fetch_more_tokens().is_err() {
            return None;
        }
        self.tokens.front()
    }

    /// Consumes the token returned by [`Scanner::peek_token`].
    pub fn skip_token(&mut self) {
        self.token_available = false;
        self.tokens_parsed += 1;
        if let Some(t) = self.tokens.pop_front() {
            self.stream_end_produced = t.kind == TokenKind::StreamEnd;
        }
    }

    /// Takes the token returned by [`Scanner::peek_token`].
    pub fn take_token(&mut self) -> Option<Token<'a>> {
        self.token_available = false;
        self.tokens_parsed += 1;
        let t = self.tokens.pop_front();
        if let Some(t) = &t {
            self.stream_end_produced = t.kind == TokenKind::StreamEnd;
        }
        t
    }

    /// Whether STREAM-END has been consumed.
    pub fn stream_end_produced(&self) -> bool {
        self.stream_end_produced
    }

    // Kept out of line so that `peek_token`, called for every token, inlines.
    #[inline(never)]
    fn fetch_more_tokens(&mut self) -> Step {
        loop {
            if !self.tokens.is_empty() {
                let Some(&idx) = self.simple_keys_by_tok.get(&self.tokens_parsed) else {
                    break;
                };
                if !self.simple_key_is_valid(idx)? {
                    break;
                }
            }
            self.fetch_next_token()?;
        }
        self.token_available = true;
        Ok(())
    }

    /// libyaml's `yaml_simple_key_is_valid`: marks stale keys impossible (or fails for
    /// required ones).
    fn simple_key_is_valid(&mut self, idx: usize) -> Result<bool, ()> {
        let Some(key) = self.simple_keys.get(idx).copied() else {
            return Ok(false);
        };
        if !key.possible {
            return Ok(false);
        }
        if key.mark.line < self.mark.line || key.mark.index + 1024 < self.mark.index {
            if key.required {
                self.scanner_error(key.mark, "could not find expected ':'")?;
            }
            if let Some(k) = self.simple_keys.get_mut(idx) {
                k.possible = false;
            }
            return Ok(false);
        }
        Ok(true)
    }

    fn fetch_next_token(&mut self) -> Step {
        self.cache(1)?;
        if !self.stream_start_produced {
            return self.fetch_stream_start();
        }
        self.scan_to_next_token()?;
        self.unroll_indent(self.mark.column as isize);
        self.cache(4)?;

        if self.is_z_at(0) {
            return self.fetch_stream_end();
        }
        let c = self.at(0);
        let col0 = self.mark.column == 0;
        if col0 && c == b'%' {
            return self.fetch_directive();
        }
        if col0 && c == b'-' && self.at(1) == b'-' && self.at(2) == b'-' && self.is_blankz_at(3) {
            return self.fetch_document_indicator(TokenKind::DocumentStart);
        }
        if col0 && c == b'.' && self.at(1) == b'.' && self.at(2) == b'.' && self.is_blankz_at(3) {
            return self.fetch_document_indicator(TokenKind::DocumentEnd);
        }
        match c {
            b'[' => return self.fetch_flow_collection_start(TokenKind::FlowSequenceStart),
            b'{' => return self.fetch_flow_collection_start(TokenKind::FlowMappingStart),
            b']' => return self.fetch_flow_collection_end(TokenKind::FlowSequenceEnd),
            b'}' => return self.fetch_flow_collection_end(TokenKind::FlowMappingEnd),
            b',' => return self.fetch_flow_entry(),
            _ => {}
        }
        if c == b'-' && self.is_blankz_at(1) {
            return self.fetch_block_entry();
        }
        if c == b'?' && (self.flow_level > 0 || self.is_blankz_at(1)) {
            return self.fetch_key();
        }
        if c == b':' && (self.flow_level > 0 || self.is_blankz_at(1)) {
            return self.fetch_value();
        }
        match c {
            b'*' => return self.fetch_key_candidate(|s| s.scan_anchor(true)),
            b'&' => return self.fetch_key_candidate(|s| s.scan_anchor(false)),
            b'!' => return self.fetch_key_candidate(Self::scan_tag),
            b'|' if self.flow_level == 0 => return self.fetch_block_scalar(true),
            b'>' if self.flow_level == 0 => return self.fetch_block_scalar(false),
            b'\'' => return self.fetch_key_candidate(|s| s.scan_flow_scalar(true)),
            b'"' => return self.fetch_key_candidate(|s| s.scan_flow_scalar(false)),
            _ => {}
        }
        let indicator = self.is_blankz_at(0)
            || matches!(
                c,
                b'-' | b'?'
                    | b':'
                    | b','
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'#'
                    | b'&'
                    | b'*'
                    | b'!'
                    | b'|'
                    | b'>'
                    | b'\''
                    | b'"'
                    | b'%'
                    | b'@'
                    | b'`'
            );
        if !indicator
            || (c == b'-' && !is_blank(self.at(1)))
            || (self.flow_level == 0 && (c == b'?' || c == b':') && !self.is_blankz_at(1))
        {
            return self.fetch_key_candidate(Self::scan_plain_scalar);
        }
        self.scanner_error(self.mark, "found character that cannot start any token")
    }

    fn save_simple_key(&mut self) -> Step {
        let required = self.flow_level == 0 && self.indent == self.mark.column as isize;
        if self.simple_key_allowed {
            let key = SimpleKey {
                possible: true,
                required,
                token_number: self.tokens_parsed + self.tokens.len(),
                mark: self.mark,
            };
            self.remove_simple_key()?;
            if let Some(slot) = self.simple_keys.last_mut() {
                *slot = key;
                let last = self.simple_keys.len() - 1;
                self.simple_keys_by_tok.insert(key.token_number, last);
            }
        }
        Ok(())
    }

    fn remove_simple_key(&mut self) -> Step {
        let Some(key) = self.simple_keys.last().copied() else {
            return Ok(());
        };
        if key.possible {
            if key.required {
                return self.scanner_error(key.mark, "could not find expected ':'");
            }
            if let Some(k) = self.simple_keys.last_mut() {
                k.possible = false;
            }
            self.simple_keys_by_tok.remove(&key.token_number);
        }
        Ok(())
    }

    fn increase_flow_level(&mut self) -> Step {
        self.simple_keys.push(SimpleKey {
            possible: false,
            required: false,
            token_number: self.tokens_parsed + self.tokens.len(),
            mark: self.mark,
        });
        self.flow_level += 1;
        if self.flow_level > MAX_FLOW_LEVEL {
            let m = self.mark;
            return self.scanner_error(m, &format!("exceeded max depth of {MAX_FLOW_LEVEL}"));
        }
        Ok(())
    }

    fn decrease_flow_level(&mut self) {
        if self.flow_level > 0 {
            self.flow_level -= 1;
            if let Some(k) = self.simple_keys.pop() {
                self.simple_keys_by_tok.remove(&k.token_number);
            }
        }
    }

    /// Pushes an indentation level and inserts `kind` at token `number` (or appends).
    fn roll_indent(
        &mut self,
        column: usize,
        number: Option<usize>,
        kind: TokenKind<'a>,
        mark: Mark,
    ) -> Step {
        if self.flow_level > 0 {
            return Ok(());
        }
        if self.indent < column as isize {
            self.indents.push(self.indent);
            self.indent = column as isize;
            if self.indents.len() > MAX_INDENTS {
                let m = self.simple_keys.last().map(|k| k.mark).unwrap_or_default();
                return self.scanner_error(m, &format!("exceeded max depth of {MAX_INDENTS}"));
            }
            let pos = number.map(|n| n.saturating_sub(self.tokens_parsed));
            self.insert_token(
                pos,
                Token {
                    kind,
                    start: mark,
                    end: mark,
                },
            );
        }
        Ok(())
    }

    fn unroll_indent(&mut self, column: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > column {
            let m = self.mark;
            self.push_token(TokenKind::BlockEnd, m, m);
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    fn fetch_stream_start(&mut self) -> Step {
        self.indent = -1;
        self.simple_keys.push(SimpleKey::default());
        self.simple_key_allowed = true;
        self.stream_start_produced = true;
        let m = self.mark;
        self.push_token(TokenKind::StreamStart, m, m);
        Ok(())
    }

    fn fetch_stream_end(&mut self) -> Step {
        if self.mark.column != 0 {
            self.mark.column = 0;
            self.mark.line += 1;
        }
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let m = self.mark;
        self.push_token(TokenKind::StreamEnd, m, m);
        Ok(())
    }

    fn fetch_directive(&mut self) -> Step {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let token = self.scan_directive()?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_document_indicator(&mut self, kind: TokenKind<'a>) -> Step {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip();
        self.skip();
        self.skip();
        let end = self.mark;
        self.push_token(kind, start, end);
        Ok(())
    }

    fn fetch_flow_collection_start(&mut self, kind: TokenKind<'a>) -> Step {
        self.save_simple_key()?;
        self.increase_flow_level()?;
        self.simple_key_allowed = true;
        self.push_indicator(kind);
        Ok(())
    }

    fn fetch_flow_collection_end(&mut self, kind: TokenKind<'a>) -> Step {
        self.remove_simple_key()?;
        self.decrease_flow_level();
        self.simple_key_allowed = false;
        self.push_indicator(kind);
        Ok(())
    }

    fn fetch_flow_entry(&mut self) -> Step {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.push_indicator(TokenKind::FlowEntry);
        Ok(())
    }

    fn fetch_block_entry(&mut self) -> Step {
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                let m = self.mark;
                return self
                    .scanner_error(m, "block sequence entries are not allowed in this context");
            }
            let (col, m) = (self.mark.column, self.mark);
            self.roll_indent(col, None, TokenKind::BlockSequenceStart, m)?;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.push_indicator(TokenKind::BlockEntry);
        Ok(())
    }

    fn fetch_key(&mut self) -> Step {
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                let m = self.mark;
                return self.scanner_error(m, "mapping keys are not allowed in this context");
            }
            let (col, m) = (self.mark.column, self.mark);
            self.roll_indent(col, None, TokenKind::BlockMappingStart, m)?;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = self.flow_level == 0;
        self.push_indicator(TokenKind::Key);
        Ok(())
    }

    fn fetch_value(&mut self) -> Step {
        let idx = self.simple_keys.len() - 1;
        if self.simple_key_is_valid(idx)?
            && let Some(key) = self.simple_keys.get(idx).copied()
        {
            let pos = key.token_number.saturating_sub(self.tokens_parsed);
            self.insert_token(
                Some(pos),
                Token {
                    kind: TokenKind::Key,
                    start: key.mark,
                    end: key.mark,
                },
            );
            self.roll_indent(
                key.mark.column,
                Some(key.token_number),
                TokenKind::BlockMappingStart,
                key.mark,
            )?;
            if let Some(k) = self.simple_keys.get_mut(idx) {
                k.possible = false;
            }
            self.simple_keys_by_tok.remove(&key.token_number);
            self.simple_key_allowed = false;
        } else {
            if self.flow_level == 0 {
                if !self.simple_key_allowed {
                    let m = self.mark;
                    return self.scanner_error(m, "mapping values are not allowed in this context");
                }
                let (col, m) = (self.mark.column, self.mark);
                self.roll_indent(col, None, TokenKind::BlockMappingStart, m)?;
            }
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.push_indicator(TokenKind::Value);
        Ok(())
    }

    /// A token that may begin a simple key (alias, anchor, tag, quoted or plain scalar).
    fn fetch_key_candidate(&mut self, scan: fn(&mut Self) -> Result<Token<'a>, ()>) -> Step {
        self.save_simple_key()?;
        self.simple_key_allowed = false;
        let token = scan(self)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_block_scalar(&mut self, literal: bool) -> Step {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        let token = self.scan_block_scalar(literal)?;
        self.tokens.push_back(token);
        Ok(())
    }

    // ----- scanners -------------------------------------------------------------------------

    fn scan_to_next_token(&mut self) -> Step {
        loop {
            self.cache(1)?;
            self.skip_spaces();
            while self.at(0) == b' '
                || ((self.flow_level > 0 || !self.simple_key_allowed) && self.at(0) == b'\t')
            {
                self.skip();
                self.cache(1)?;
            }
            if self.at(0) == b'#' {
                self.skip_comment_ascii();
                while !self.is_breakz_at(0) {
                    self.skip();
                    self.cache(1)?;
                }
            }
            if self.is_break_at(0) {
                self.cache(2)?;
                self.skip_line();
                if self.flow_level == 0 {
                    self.simple_key_allowed = true;
                }
            } else {
                break;
            }
        }
        Ok(())
    }

    /// Eats blanks and a comment, then requires a line break (after directives and block
    /// scalar headers).
    fn eat_line_end(&mut self, context_mark: Mark) -> Step {
        self.cache(1)?;
        while is_blank(self.at(0)) {
            self.skip();
            self.cache(1)?;
        }
        if self.at(0) == b'#' {
            self.skip_comment_ascii();
            while !self.is_breakz_at(0) {
                self.skip();
                self.cache(1)?;
            }
        }
        if !self.is_breakz_at(0) {
            return self.scanner_error(context_mark, "did not find expected comment or line break");
        }
        if self.is_break_at(0) {
            self.cache(2)?;
            self.skip_line();
        }
        Ok(())
    }

    fn scan_directive(&mut self) -> Result<Token<'a>, ()> {
        let start = self.mark;
        self.skip();
        let name = self.scan_directive_name(start)?;
        let kind = if name == b"YAML" {
            let (major, minor) = self.scan_version_directive_value(start)?;
            TokenKind::VersionDirective(major, minor)
        } else if name == b"TAG" {
            let (handle, prefix) = self.scan_tag_directive_value(start)?;
            TokenKind::TagDirective { handle, prefix }
        } else {
            self.scanner_error(start, "found unknown directive name")?;
            return Err(());
        };
        let end = self.mark;
        self.eat_line_end(start)?;
        Ok(Token { kind, start, end })
    }

    fn scan_directive_name(&mut self, start: Mark) -> Result<Vec<u8>, ()> {
        self.cache(1)?;
        let mut s = Vec::new();
        while is_alpha(self.at(0)) {
            self.read(&mut s);
            self.cache(1)?;
        }
        if s.is_empty() {
            self.scanner_error(start, "could not find expected directive name")?;
        }
        if !self.is_blankz_at(0) {
            self.scanner_error(start, "found unexpected non-alphabetical character")?;
        }
        Ok(s)
    }

    fn skip_blanks(&mut self) -> Step {
        self.cache(1)?;
        while is_blank(self.at(0)) {
            self.skip();
            self.cache(1)?;
        }
        Ok(())
    }

    fn scan_version_directive_value(&mut self, start: Mark) -> Result<(u8, u8), ()> {
        self.skip_blanks()?;
        let major = self.scan_version_directive_number(start)?;
        if self.at(0) != b'.' {
            self.scanner_error(start, "did not find expected digit or '.' character")?;
        }
        self.skip();
        let minor = self.scan_version_directive_number(start)?;
        Ok((major, minor))
    }

    fn scan_version_directive_number(&mut self, start: Mark) -> Result<u8, ()> {
        self.cache(1)?;
        let mut value: u8 = 0;
        let mut length = 0;
        while self.at(0).is_ascii_digit() {
            length += 1;
            if length > 2 {
                self.scanner_error(start, "found extremely long version number")?;
            }
            value = value * 10 + (self.at(0) - b'0');
            self.skip();
            self.cache(1)?;
        }
        if length == 0 {
            self.scanner_error(start, "did not find expected version number")?;
        }
        Ok(value)
    }

    fn scan_tag_directive_value(&mut self, start: Mark) -> Result<(Vec<u8>, Vec<u8>), ()> {
        self.skip_blanks()?;
        let handle = self.scan_tag_handle(true, start)?;
        self.cache(1)?;
        if !is_blank(self.at(0)) {
            self.scanner_error(start, "did not find expected whitespace")?;
        }
        while is_blank(self.at(0)) {
            self.skip();
            self.cache(1)?;
        }
        let prefix = self.scan_tag_uri(true, &[], start)?;
        self.cache(1)?;
        if !self.is_blankz_at(0) {
            self.scanner_error(start, "did not find expected whitespace or line break")?;
        }
        Ok((handle, prefix))
    }

    fn scan_anchor(&mut self, alias: bool) -> Result<Token<'a>, ()> {
        let start = self.mark;
        self.skip();
        self.cache(1)?;
        let name_start = self.pos;
        while is_alpha(self.at(0)) {
            self.skip();
            self.cache(1)?;
        }
        let name = self.input.get(name_start..self.pos).unwrap_or_default();
        let end = self.mark;
        let c = self.at(0);
        if name.is_empty()
            || !(self.is_blankz_at(0)
                || matches!(c, b'?' | b':' | b',' | b']' | b'}' | b'%' | b'@' | b'`'))
        {
            self.scanner_error(
                start,
                "did not find expected alphabetic or numeric character",
            )?;
        }
        let name = Cow::Borrowed(name);
        let kind = if alias {
            TokenKind::Alias(name)
        } else {
            TokenKind::Anchor(name)
        };
        Ok(Token { kind, start, end })
    }

    fn scan_tag(&mut self) -> Result<Token<'a>, ()> {
        let start = self.mark;
        self.cache(2)?;
        let (handle, suffix);
        if self.at(1) == b'<' {
            self.skip();
            self.skip();
            suffix = self.scan_tag_uri(false, &[], start)?;
            if self.at(0) != b'>' {
                self.scanner_error(start, "did not find the expected '>'")?;
            }
            self.skip();
            handle = Vec::new();
        } else {
            let h = self.scan_tag_handle(false, start)?;
            if let [b'!', .., b'!'] = h.as_slice() {
                suffix = self.scan_tag_uri(false, &[], start)?;
                handle = h;
            } else {
                let s = self.scan_tag_uri(false, &h, start)?;
                if s.is_empty() {
                    handle = Vec::new();
                    suffix = b"!".to_vec();
                } else {
                    handle = b"!".to_vec();
                    suffix = s;
                }
            }
        }
        self.cache(1)?;
        if !self.is_blankz_at(0) {
            self.scanner_error(start, "did not find expected whitespace or line break")?;
        }
        let end = self.mark;
        Ok(Token {
            kind: TokenKind::Tag { handle, suffix },
            start,
            end,
        })
    }

    fn scan_tag_handle(&mut self, directive: bool, start: Mark) -> Result<Vec<u8>, ()> {
        self.cache(1)?;
        if self.at(0) != b'!' {
            self.scanner_error(start, "did not find expected '!'")?;
        }
        let mut s = Vec::new();
        self.read(&mut s);
        self.cache(1)?;
        while is_alpha(self.at(0)) {
            self.read(&mut s);
            self.cache(1)?;
        }
        if self.at(0) == b'!' {
            self.read(&mut s);
        } else if directive && s != b"!" {
            self.scanner_error(start, "did not find expected '!'")?;
        }
        Ok(s)
    }

    fn scan_tag_uri(&mut self, _directive: bool, head: &[u8], start: Mark) -> Result<Vec<u8>, ()> {
        let mut s = Vec::new();
        let mut has_tag = !head.is_empty();
        if let [_, after_bang @ ..] = head {
            s.extend_from_slice(after_bang);
        }
        self.cache(1)?;
        loop {
            let c = self.at(0);
            let uri_char = is_alpha(c)
                || matches!(
                    c,
                    b';' | b'/'
                        | b'?'
                        | b':'
                        | b'@'
                        | b'&'
                        | b'='
                        | b'+'
                        | b'$'
                        | b','
                        | b'.'
                        | b'!'
                        | b'~'
                        | b'*'
                        | b'\''
                        | b'('
                        | b')'
                        | b'['
                        | b']'
                        | b'%'
                );
            if !uri_char {
                break;
            }
            if c == b'%' {
                self.scan_uri_escapes(start, &mut s)?;
            } else {
                self.read(&mut s);
            }
            self.cache(1)?;
            has_tag = true;
        }
        if !has_tag {
            self.scanner_error(start, "did not find expected tag URI")?;
        }
        Ok(s)
    }

    fn scan_uri_escapes(&mut self, start: Mark, s: &mut Vec<u8>) -> Step {
        let mut w = 1024usize;
        while w > 0 {
            self.cache(3)?;
            if !(self.at(0) == b'%' && is_hex(self.at(1)) && is_hex(self.at(2))) {
                return self.scanner_error(start, "did not find URI escaped octet");
            }
            let octet = ((as_hex(self.at(1)) << 4) + as_hex(self.at(2))) as u8;
            if w == 1024 {
                w = utf8_width(octet);
                if w == 0 {
                    return self.scanner_error(start, "found an incorrect leading UTF-8 octet");
                }
            } else if octet & 0xC0 != 0x80 {
                return self.scanner_error(start, "found an incorrect trailing UTF-8 octet");
            }
            s.push(octet);
            self.skip();
            self.skip();
            self.skip();
            w -= 1;
        }
        Ok(())
    }

    fn scan_block_scalar(&mut self, literal: bool) -> Result<Token<'a>, ()> {
        let start = self.mark;
        self.skip();
        self.cache(1)?;
        let mut chomping = 0i32;
        let mut increment = 0usize;
        let c = self.at(0);
        if c == b'+' || c == b'-' {
            chomping = if c == b'+' { 1 } else { -1 };
            self.skip();
            self.cache(1)?;
            if self.at(0).is_ascii_digit() {
                if self.at(0) == b'0' {
                    self.scanner_error(start, "found an indentation indicator equal to 0")?;
                }
                increment = usize::from(self.at(0) - b'0');
                self.skip();
            }
        } else if c.is_ascii_digit() {
            if c == b'0' {
                self.scanner_error(start, "found an indentation indicator equal to 0")?;
            }
            increment = usize::from(c - b'0');
            self.skip();
            self.cache(1)?;
            let c = self.at(0);
            if c == b'+' || c == b'-' {
                chomping = if c == b'+' { 1 } else { -1 };
                self.skip();
            }
        }
        self.eat_line_end(start)?;
        let mut end = self.mark;

        let mut indent: usize = 0;
        if increment > 0 {
            indent = if self.indent >= 0 {
                self.indent as usize + increment
            } else {
                increment
            };
        }
        let input = self.input;
        let mut s = Text::empty();
        let mut leading_break = std::mem::take(&mut self.leading_break);
        let mut trailing_breaks = std::mem::take(&mut self.trailing_breaks);
        leading_break.clear();
        trailing_breaks.clear();
        self.scan_block_scalar_breaks(&mut indent, &mut trailing_breaks, start, &mut end)?;
        self.cache(1)?;
        let mut leading_blank = false;
        while self.mark.column == indent && !self.is_z_at(0) {
            let trailing_blank = is_blank(self.at(0));
            if !literal
                && !leading_blank
                && !trailing_blank
                && leading_break.first() == Some(&b'\n')
            {
                if trailing_breaks.is_empty() {
                    s.push_bytes(input, b" ");
                }
            } else {
                s.push_bytes(input, &leading_break);
            }
            leading_break.clear();
            s.push_bytes(input, &trailing_breaks);
            trailing_breaks.clear();
            leading_blank = is_blank(self.at(0));
            let run = self.pos;
            while !self.is_breakz_at(0) {
                self.skip();
                self.cache(1)?;
            }
            s.push_span(input, run, self.pos.min(input.len()));
            self.cache(2)?;
            self.read_line(&mut leading_break);
            self.scan_block_scalar_breaks(&mut indent, &mut trailing_breaks, start, &mut end)?;
        }
        if chomping != -1 {
            s.push_bytes(input, &leading_break);
        }
        if chomping == 1 {
            s.push_bytes(input, &trailing_breaks);
        }
        self.leading_break = leading_break;
        self.trailing_breaks = trailing_breaks;
        let style = if literal {
            ScalarStyle::Literal
        } else {
            ScalarStyle::Folded
        };
        Ok(Token {
            kind: TokenKind::Scalar {
                value: s.finish(input),
                style,
            },
            start,
            end,
        })
    }

    fn scan_block_scalar_breaks(
        &mut self,
        indent: &mut usize,
        breaks: &mut Vec<u8>,
        start: Mark,
        end: &mut Mark,
    ) -> Step {
        *end = self.mark;
        let mut max_indent = 0usize;
        loop {
            self.cache(1)?;
            while (*indent == 0 || self.mark.column < *indent) && self.at(0) == b' ' {
                self.skip();
                self.cache(1)?;
            }
            if self.mark.column > max_indent {
                max_indent = self.mark.column;
            }
            if (*indent == 0 || self.mark.column < *indent) && self.at(0) == b'\t' {
                return self.scanner_error(
                    start,
                    "found a tab character where an indentation space is expected",
                );
            }
            if !self.is_break_at(0) {
                break;
            }
            self.cache(2)?;
            self.read_line(breaks);
            *end = self.mark;
        }
        if *indent == 0 {
            let mut i = max_indent as isize;
            if i < self.indent + 1 {
                i = self.indent + 1;
            }
            if i < 1 {
                i = 1;
            }
            *indent = i as usize;
        }
        Ok(())
    }

    fn at_document_indicator(&self) -> bool {
        self.mark.column == 0
            && ((self.at(0) == b'-' && self.at(1) == b'-' && self.at(2) == b'-')
                || (self.at(0) == b'.' && self.at(1) == b'.' && self.at(2) == b'.'))
            && self.is_blankz_at(3)
    }

    /// An empty gap over the reusable line-break buffers.
    fn take_gap(&mut self) -> Gap {
        let mut gap = Gap {
            whitespaces: Text::empty(),
            leading_break: std::mem::take(&mut self.leading_break),
            trailing_breaks: std::mem::take(&mut self.trailing_breaks),
            leading_blanks: false,
        };
        gap.leading_break.clear();
        gap.trailing_breaks.clear();
        gap
    }

    /// Hands the gap's buffers back for the next scalar.
    fn keep_gap_buffers(&mut self, gap: Gap) {
        self.leading_break = gap.leading_break;
        self.trailing_breaks = gap.trailing_breaks;
    }

    /// Consumes one blank or line break of a scalar's gap.
    fn eat_gap_char(&mut self, gap: &mut Gap) -> Step {
        if is_blank(self.at(0)) {
            let p = self.pos;
            self.skip();
            if !gap.leading_blanks {
                gap.whitespaces.push_span(self.input, p, self.pos);
            }
        } else {
            self.cache(2)?;
            if gap.leading_blanks {
                self.read_line(&mut gap.trailing_breaks);
            } else {
                gap.whitespaces.clear();
                self.read_line(&mut gap.leading_break);
                gap.leading_blanks = true;
            }
        }
        self.cache(1)
    }

    fn scan_flow_scalar(&mut self, single: bool) -> Result<Token<'a>, ()> {
        let input = self.input;
        let start = self.mark;
        self.skip();
        let mut s = Text::empty();
        let mut gap = self.take_gap();
        loop {
            self.cache(4)?;
            if self.at_document_indicator() {
                self.scanner_error(start, "found unexpected document indicator")?;
            }
            if self.is_z_at(0) {
                self.scanner_error(start, "found unexpected end of stream")?;
            }
            gap.leading_blanks = false;
            // Start of the run of characters copied verbatim since the last escape.
            let mut run = self.pos;
            while !self.is_blankz_at(0) {
                let c = self.at(0);
                if single && c == b'\'' && self.at(1) == b'\'' {
                    s.push_span(input, run, self.pos);
                    s.push_bytes(input, b"'");
                    self.skip();
                    self.skip();
                    run = self.pos;
                } else if (single && c == b'\'') || (!single && c == b'"') {
                    break;
                } else if !single && c == b'\\' && self.is_break_at(1) {
                    s.push_span(input, run, self.pos);
                    self.cache(3)?;
                    self.skip();
                    self.skip_line();
                    run = self.pos;
                    gap.leading_blanks = true;
                    break;
                } else if !single && c == b'\\' {
                    s.push_span(input, run, self.pos);
                    let mut code_length = 0usize;
                    let escaped: &[u8] = match self.at(1) {
                        b'0' => b"\0",
                        b'a' => b"\x07",
                        b'b' => b"\x08",
                        b't' | b'\t' => b"\t",
                        b'n' => b"\n",
                        b'v' => b"\x0B",
                        b'f' => b"\x0C",
                        b'r' => b"\r",
                        b'e' => b"\x1B",
                        b' ' => b" ",
                        b'"' => b"\"",
                        b'\'' => b"'",
                        b'\\' => b"\\",
                        b'N' => &[0xC2, 0x85],
                        b'_' => &[0xC2, 0xA0],
                        b'L' => &[0xE2, 0x80, 0xA8],
                        b'P' => &[0xE2, 0x80, 0xA9],
                        b'x' => {
                            code_length = 2;
                            b""
                        }
                        b'u' => {
                            code_length = 4;
                            b""
                        }
                        b'U' => {
                            code_length = 8;
                            b""
                        }
                        _ => {
                            self.scanner_error(start, "found unknown escape character")?;
                            b""
                        }
                    };
                    s.push_bytes(input, escaped);
                    self.skip();
                    self.skip();
                    if code_length > 0 {
                        self.cache(code_length)?;
                        let mut value: u32 = 0;
                        for k in 0..code_length {
                            if !is_hex(self.at(k)) {
                                self.scanner_error(
                                    start,
                                    "did not find expected hexdecimal number",
                                )?;
                            }
                            value = (value << 4) + as_hex(self.at(k));
                        }
                        if (0xD800..=0xDFFF).contains(&value) || value > 0x10FFFF {
                            self.scanner_error(
                                start,
                                "found invalid Unicode character escape code",
                            )?;
                        }
                        let mut buf = Vec::with_capacity(4);
                        push_utf8(&mut buf, value);
                        s.push_bytes(input, &buf);
                        for _ in 0..code_length {
                            self.skip();
                        }
                    }
                    run = self.pos;
                } else {
                    self.skip();
                }
                self.cache(2)?;
            }
            s.push_span(input, run, self.pos.min(input.len()));
            self.cache(1)?;
            let c = self.at(0);
            if (single && c == b'\'') || (!single && c == b'"') {
                break;
            }
            while is_blank(self.at(0)) || self.is_break_at(0) {
                self.eat_gap_char(&mut gap)?;
            }
            gap.join(&mut s, input);
        }
        self.skip();
        let end = self.mark;
        self.keep_gap_buffers(gap);
        let style = if single {
            ScalarStyle::SingleQuoted
        } else {
            ScalarStyle::DoubleQuoted
        };
        Ok(Token {
            kind: TokenKind::Scalar {
                value: s.finish(input),
                style,
            },
            start,
            end,
        })
    }

    fn scan_plain_scalar(&mut self) -> Result<Token<'a>, ()> {
        let input = self.input;
        let mut s = Text::empty();
        let mut gap = self.take_gap();
        let indent = self.indent + 1;
        let start = self.mark;
        let mut end = self.mark;
        loop {
            self.cache(4)?;
            if self.at_document_indicator() {
                break;
            }
            if self.at(0) == b'#' {
                break;
            }
            let mut word = None;
            while !self.is_blankz_at(0) {
                let c = self.at(0);
                if (c == b':' && self.is_blankz_at(1))
                    || (self.flow_level > 0 && matches!(c, b',' | b'?' | b'[' | b']' | b'{' | b'}'))
                {
                    break;
                }
                if word.is_none() {
                    gap.join(&mut s, input);
                    word = Some(self.pos);
                }
                self.skip();
                // Step over the ASCII that cannot end the word in one go; the checks above
                // see the next other character.
                let flow = self.flow_level > 0;
                self.skip_ascii_while(|b| {
                    b > b' '
                        && b < 0x7F
                        && b != b':'
                        && !(flow && matches!(b, b',' | b'?' | b'[' | b']' | b'{' | b'}'))
                });
                end = self.mark;
                self.cache(2)?;
            }
            if let Some(w) = word {
                s.push_span(input, w, self.pos.min(input.len()));
            }
            if !(is_blank(self.at(0)) || self.is_break_at(0)) {
                break;
            }
            self.cache(1)?;
            while is_blank(self.at(0)) || self.is_break_at(0) {
                if gap.leading_blanks && self.at(0) == b'\t' && (self.mark.column as isize) < indent
                {
                    self.scanner_error(start, "found a tab character that violates indentation")?;
                }
                if gap.leading_blanks && self.clean && self.at(0) == b' ' {
                    // Blanks after a line break are dropped: only where they end matters.
                    self.skip_spaces();
                    continue;
                }
                self.eat_gap_char(&mut gap)?;
            }
            if self.flow_level == 0 && (self.mark.column as isize) < indent {
                break;
            }
        }
        if gap.leading_blanks {
            self.simple_key_allowed = true;
        }
        self.keep_gap_buffers(gap);
        Ok(Token {
            kind: TokenKind::Scalar {
                value: s.finish(input),
                style: ScalarStyle::Plain,
            },
            start,
            end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_word_agrees_with_bytes() {
        // Every pair of neighbouring bytes, at every place in a word of other bytes.
        for filler in [b'a', b'\n', 0x00, 0x80, 0xFF] {
            for at in 0..7 {
                for x in 0..=255u8 {
                    for y in 0..=255u8 {
                        let mut word = [filler; 8];
                        word[at] = x;
                        word[at + 1] = y;
                        let expected = word.iter().all(|&b| plain_ascii(b));
                        assert_eq!(
                            plain_ascii_word(u64::from_le_bytes(word)),
                            expected,
                            "{word:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn readable_agrees_with_a_character_check() {
        let reference = |b: &[u8]| {
            std::str::from_utf8(b).is_ok_and(|s| s.chars().all(|c| allowed_char(u32::from(c))))
        };
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        // Long enough for specials before, inside and after whole chunks of the fast path.
        let filler = b"key: value with words and punctuation {}[]:,'\"~\n".repeat(3);
        for special in [
            &b"\t"[..],
            b"\n",
            b"\r",
            b"\x00",
            b"\x1f",
            b"\x7f",
            b" ",
            b"~",
            "\u{85}".as_bytes(),
            "\u{80}".as_bytes(),
            "\u{a0}".as_bytes(),
            "\u{fffe}".as_bytes(),
            "\u{feff}".as_bytes(),
            "\u{e9}".as_bytes(),
            b"\xff",
            b"\xc3",
            b"\xed\xa0\x80",
            b"\xc0\x80",
            b"\xf0\x9f\x98\x80",
            b"\xf0\x9f",
            b"\x80",
        ] {
            for at in 0..filler.len() {
                let mut v = filler.clone();
                v.splice(at..at, special.iter().copied());
                inputs.push(v);
            }
        }
        for v in inputs {
            assert_eq!(readable(&v), reference(&v), "{v:?}");
        }
    }
}
