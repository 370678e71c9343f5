//! Documents in the plain block style (as generators, `toYaml` and templates write them),
//! checked line by line instead of by the YAML parser.
//!
//! Helm parses every rendered document whole for its head, so a syntax error anywhere fails
//! the render, and that parse is most of what a chart with a megabyte of CRDs costs (and,
//! even for small documents, more than this check: it pays for itself at any size). Most
//! such documents use only a small, regular part of YAML: block mappings and sequences whose
//! lines are `key: value`, `- value` or `- key: value`, plain scalars (possibly continued on
//! deeper lines), block scalars (`|-`), single-quoted scalars, double-quoted ones closed on
//! their line, `[]` and `{}` (on their key's line or alone on the next) and comments. Such a
//! text is valid YAML, and nothing in it can fail sigs.k8s.io/yaml's conversion to JSON, so
//! its head is the head of its `apiVersion`, `kind` and `metadata` entries alone, which the
//! parser then reads. Anything outside that part, however harmless, goes to the parser
//! whole: [`head_entries`] only says yes when it is sure, and a test compares it with the
//! parser over generated documents and near misses.

/// Deepest nesting checked here (deeper documents go to the parser, which has its limits).
const MAX_DEPTH: usize = 256;

/// Longest plain or quoted key: YAML allows at most 1024 characters before a key's `:`.
const MAX_KEY: usize = 1000;

/// If `doc` is in the plain block style, the text of its top-level entries whose key may be
/// one of the head's fields (`apiVersion`, `kind`, `metadata`, matched without case as
/// encoding/json does), in order: a document with the same head.
pub(crate) fn head_entries(doc: &str) -> Option<String> {
    if !printable(doc) {
        return None;
    }
    let mut check = Check::default();
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', doc.as_bytes()).chain(std::iter::once(doc.len()));
    for end in ends {
        let line = doc.get(start..end)?;
        let line_start = std::mem::replace(&mut start, end + 1);
        if let Some(root_key) = check.line(line)? {
            check.close_entry(line_start);
            if is_head_key(root_key) {
                check.open = Some(line_start);
            }
        }
    }
    // A quoted scalar still open at the end is the parser's error to report.
    if check.quoted.is_some() {
        return None;
    }
    check.close_entry(doc.len());
    let mut text = String::new();
    for (from, to) in check.entries {
        text.push_str(doc.get(from..to)?);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    Some(text)
}

/// Printable ASCII and line feeds only: no tab, carriage return, control or multi-byte
/// character (checked a chunk at a time, which compiles to vector instructions).
fn printable(doc: &str) -> bool {
    doc.as_bytes().chunks(64).all(|chunk| {
        chunk
            .iter()
            .fold(true, |ok, &b| ok & (b == b'\n' || (b' '..=b'~').contains(&b)))
    })
}

/// The spaces a line starts with, eight at a time.
fn indent_of(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut n = 0;
    while let Some(word) = bytes.get(n..n + 8) {
        if word != b"        " {
            break;
        }
        n += 8;
    }
    n + bytes
        .get(n..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count())
}

fn is_head_key(key: &str) -> bool {
    ["apiVersion", "kind", "metadata"]
        .iter()
        .any(|f| key.eq_ignore_ascii_case(f))
}

/// An open block collection: the column of its entries, and whether it is a sequence.
#[derive(Clone, Copy)]
struct Level {
    indent: usize,
    seq: bool,
}

/// A literal or folded block scalar: its lines are indented at least `min`, all as much as
/// its first line (`indent`, once read); `blank` is the most spaces of a blank line before it.
struct Block {
    min: usize,
    indent: Option<usize>,
    blank: usize,
}

#[derive(Default)]
struct Check {
    levels: Vec<Level>,
    /// The column of a key whose value starts on a later line (or is null).
    pending: Option<usize>,
    /// The least indent of a line continuing the last plain scalar, if it may continue.
    continues: Option<usize>,
    /// The block scalar (`|`, `>`) being read.
    block: Option<Block>,
    /// The least indent of the lines of the single-quoted scalar being read.
    quoted: Option<usize>,
    /// Whether the top-level mapping has started.
    started: bool,
    /// The start of the head entry being read, and the ranges of those read.
    open: Option<usize>,
    entries: Vec<(usize, usize)>,
}

impl Check {
    fn close_entry(&mut self, end: usize) {
        if let Some(start) = self.open.take() {
            self.entries.push((start, end));
        }
    }

    /// Checks one line: `None` if it is outside the plain block style, else the key of the
    /// top-level entry it starts, if it starts one.
    fn line<'a>(&mut self, line: &'a str) -> Option<Option<&'a str>> {
        let indent = indent_of(line);
        let rest = line.get(indent..)?;
        if let Some(block) = &mut self.block {
            match block.indent {
                _ if rest.is_empty() => {
                    block.blank = block.blank.max(indent);
                    return Some(None);
                }
                // The first line sets the scalar's indentation, which no blank line before
                // it may exceed (the parser decides that case).
                None if indent >= block.min => {
                    if block.blank > indent {
                        return None;
                    }
                    block.indent = Some(indent);
                    return Some(None);
                }
                Some(at) if indent >= at => return Some(None),
                _ => self.block = None,
            }
        }
        if let Some(min) = self.quoted {
            // A single-quoted scalar's further lines, as deep as a plain scalar's would be.
            if rest.is_empty() {
                return Some(None);
            }
            if indent < min {
                return None;
            }
            if let Some(after) = single_quoted_end(rest) {
                self.quoted = None;
                return after_scalar(after).then_some(None);
            }
            return Some(None);
        }
        if rest.is_empty() {
            return Some(None);
        }
        if rest.starts_with('#') {
            // A comment ends a plain scalar: a deeper line after it would be an error.
            self.continues = None;
            return Some(None);
        }
        if let Some(min) = self.continues
            && indent >= min
        {
            return self.continuation(rest).then_some(None);
        }
        self.continues = None;
        let item = rest.strip_prefix("- ");
        let seq = item.is_some() || rest == "-";
        if let Some(key_indent) = self.pending.take() {
            // An empty collection alone on the line after its key (`toYaml` of an empty
            // map under `nindent`) is the key's whole value.
            if indent > key_indent && matches!(without_comment(rest).0, "{}" | "[]") {
                return Some(None);
            }
            let top = self.levels.last().copied();
            if indent > key_indent || (indent == key_indent && seq && top.is_some_and(|l| !l.seq)) {
                self.push(Level { indent, seq })?;
            }
        }
        while self.levels.last().is_some_and(|l| l.indent > indent) {
            self.levels.pop();
        }
        // A sequence written at its key's column ends at the next key of that mapping.
        if !seq
            && let [.., outer, inner] = self.levels.as_slice()
            && inner.seq
            && !outer.seq
            && inner.indent == indent
            && outer.indent == indent
        {
            self.levels.pop();
        }
        if self.levels.is_empty() {
            // The document's one node: a mapping (a sequence or a second node is Helm's
            // error to report).
            if self.started || seq {
                return None;
            }
            self.started = true;
            self.push(Level { indent, seq })?;
        }
        let top = *self.levels.last()?;
        if top.indent != indent || top.seq != seq {
            return None;
        }
        let root = self.levels.len() == 1;
        match item {
            None if seq => None, // a bare `-`: its node is on later lines
            None => {
                let (key, value) = split_key(rest)?;
                self.value(indent, value)?;
                Some(root.then_some(key))
            }
            Some(item) => {
                let item_indent = indent + 2 + (item.len() - item.trim_start_matches(' ').len());
                let item = item.trim_start_matches(' ');
                match split_key(item) {
                    Some((_, value)) => {
                        self.push(Level {
                            indent: item_indent,
                            seq: false,
                        })?;
                        self.value(item_indent, value)?;
                    }
                    None => {
                        if item.starts_with("- ") || item == "-" {
                            return None;
                        }
                        self.scalar(indent, item)?;
                    }
                }
                Some(None)
            }
        }
    }

    fn push(&mut self, level: Level) -> Option<()> {
        if self.levels.len() >= MAX_DEPTH {
            return None;
        }
        self.levels.push(level);
        Some(())
    }

    /// The value after a key at column `key_indent`: on later lines if empty.
    fn value(&mut self, key_indent: usize, value: &str) -> Option<()> {
        let value = value.trim_start_matches(' ');
        if value.is_empty() || value.starts_with('#') {
            self.pending = Some(key_indent);
            return Some(());
        }
        self.scalar(key_indent, value)
    }

    /// A scalar value inside the collection at column `indent`.
    fn scalar(&mut self, indent: usize, value: &str) -> Option<()> {
        match value.as_bytes().first()? {
            b'"' => {
                let (_, after) = double_quoted(value)?;
                after_scalar(after).then_some(())
            }
            b'\'' => match single_quoted_end(value.get(1..)?) {
                Some(rest) => after_scalar(rest).then_some(()),
                None => {
                    self.quoted = Some(indent + 1);
                    Some(())
                }
            },
            _ => self.unquoted(indent, value),
        }
    }

    /// A scalar that is neither quoted nor empty: plain, a block scalar's header, `[]` or `{}`.
    fn unquoted(&mut self, indent: usize, value: &str) -> Option<()> {
        let (value, comment) = without_comment(value);
        match *value.as_bytes().first()? {
            b'[' | b'{' => matches!(value, "[]" | "{}").then_some(()),
            b'|' | b'>' => {
                // A header without an indentation indicator.
                if !matches!(value.get(1..), Some("" | "-" | "+")) {
                    return None;
                }
                self.block = Some(Block {
                    min: indent + 1,
                    indent: None,
                    blank: 0,
                });
                Some(())
            }
            _ => {
                if !plain(value) {
                    return None;
                }
                self.continues = (!comment).then_some(indent + 1);
                Some(())
            }
        }
    }

    /// A line continuing a plain scalar.
    fn continuation(&mut self, rest: &str) -> bool {
        let (text, comment) = without_comment(rest);
        if comment {
            self.continues = None;
        }
        !text.starts_with(['?', ':', '#'])
            && !mapping_indicator(text)
            && !text.starts_with("...")
    }
}

/// `key:` and what follows it on the line, for a key that is a plain word (not one YAML 1.1
/// reads as a boolean or null) or a double-quoted string without escapes.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let (key, after) = if text.starts_with('"') {
        double_quoted(text)?
    } else {
        let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || "_.-/".contains(c)))?;
        let key = text.get(..end)?;
        if !key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') || boolean_or_null(key) {
            return None;
        }
        (key, text.get(end..)?)
    };
    if key.len() > MAX_KEY {
        return None;
    }
    let value = after.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key, value))
}

/// The plain words YAML 1.1 (go-yaml v2) resolves to a boolean or null.
fn boolean_or_null(word: &str) -> bool {
    ["y", "yes", "n", "no", "on", "off", "true", "false", "null"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// `text` without a comment (` #` and what follows) and trailing spaces, and whether it had
/// one.
fn without_comment(text: &str) -> (&str, bool) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|b| b.iter().position(|&c| c == b'#')) {
        let at = from + at;
        if at > 0 && bytes.get(at - 1) == Some(&b' ') {
            let kept = text.get(..at).unwrap_or(text);
            return (kept.trim_end_matches(' '), true);
        }
        from = at + 1;
    }
    (text.trim_end_matches(' '), false)
}

/// Whether plain text has a `:` that would start a mapping value (before a space or at the
/// end of the line).
fn mapping_indicator(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b':' && bytes.get(i + 1).is_none_or(|&n| n == b' '))
}

/// A double-quoted scalar at the start of `text`, closed on the line and without escapes:
/// its content, and what follows it.
fn double_quoted(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_prefix('"')?;
    let end = body.find(['"', '\\'])?;
    let after = body.get(end..)?.strip_prefix('"')?;
    Some((body.get(..end)?, after))
}

/// What follows a single-quoted scalar's closing quote in `text` (which starts inside the
/// scalar); `None` if the scalar goes on past the line. `''` is a quote inside it.
fn single_quoted_end(mut text: &str) -> Option<&str> {
    loop {
        let at = text.find('\'')?;
        let after = text.get(at + 1..)?;
        match after.strip_prefix('\'') {
            Some(rest) => text = rest,
            None => return Some(after),
        }
    }
}

/// Whether a quoted scalar may be followed by `rest` on its line: spaces, then a comment.
fn after_scalar(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len())
}

/// A plain scalar that starts no other node and cannot resolve to a float JSON cannot hold
/// (`.inf`, `.nan`; numbers with an exponent or many digits are left to the parser).
fn plain(value: &str) -> bool {
    let bytes = value.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let starts_ok = match first {
        b'-' => bytes.get(1).is_some_and(|&b| b != b' '),
        _ => !b",[]{}#&*!|>'\"%@`?:".contains(&first),
    };
    let unsigned = value.trim_start_matches(['-', '+']);
    let non_finite = [".inf", ".nan"].iter().any(|w| unsigned.eq_ignore_ascii_case(w));
    // Numbers that could overflow a float64 are left to the parser: text made of digits,
    // signs, points, underscores and exponents (`1e999`, not `5bce...` or `--flag`).
    let numeric = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && value.bytes().all(|b| b.is_ascii_digit() || b".+-_eE".contains(&b));
    let risky_number = numeric && (value.contains(['e', 'E']) || value.len() > 100);
    starts_ok && !non_finite && !risky_number && !mapping_indicator(value)
}

#[cfg(test)]
mod tests;
