//! The YAML writer: events in, text out, with libyaml's layout decisions (as ported in
//! go-yaml v2 and v3).
//!
//! Which quoting style a string gets, where long lines fold, how block scalars are indented and
//! chomped, and whether a sequence is indented under its key are all decided here, by the same
//! scalar analysis and state machine as libyaml's emitter, so `toYaml` output matches Helm's
//! byte for byte. The two go-yaml versions differ in a few places (indentation of sequences,
//! line width, tabs), selected by [`Flavor`]. Only what go-yaml's encoders produce is
//! supported: no anchors, tags, comments or explicit documents.

use super::scanner::{ScalarStyle, utf8_width};
use crate::value::Str;

/// Which go-yaml emitter to imitate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// go-yaml v2 (`toYaml`): 80-column folding, sequences not indented under keys.
    V2,
    /// go-yaml v3 with `SetIndent(2)` (`toYamlPretty`): no folding, indented sequences.
    V3,
}

/// A scalar's text: shared with the value it comes from, or made for the event.
#[derive(Clone, Debug)]
pub(crate) enum ScalarText {
    Shared(Str),
    Owned(String),
    Static(&'static str),
}

impl ScalarText {
    pub fn as_str(&self) -> &str {
        match self {
            ScalarText::Shared(s) => s,
            ScalarText::Owned(s) => s,
            ScalarText::Static(s) => s,
        }
    }
}

/// An emitter event (the subset go-yaml's encoders produce).
#[derive(Clone, Debug)]
pub(crate) enum Ev {
    SeqStart,
    SeqEnd,
    MapStart,
    MapEnd,
    /// An untagged scalar with the style the encoder asks for.
    Scalar(ScalarText, ScalarStyle),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    DocumentContent,
    DocumentEnd,
    FlowSequenceFirstItem,
    FlowSequenceItem,
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingSimpleValue,
    FlowMappingValue,
    BlockSequenceFirstItem,
    BlockSequenceItem,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingSimpleValue,
    BlockMappingValue,
    End,
}

#[derive(Default, Clone, Copy)]
struct Analysis {
    multiline: bool,
    flow_plain_allowed: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

struct Emitter<'e> {
    flavor: Flavor,
    events: &'e [Ev],
    head: usize,
    out: String,
    best_indent: usize,
    best_width: usize,
    state: State,
    states: Vec<State>,
    indent: isize,
    indents: Vec<isize>,
    flow_level: usize,
    root_context: bool,
    mapping_context: bool,
    simple_key_context: bool,
    line: usize,
    column: usize,
    whitespace: bool,
    indention: bool,
    open_ended: bool,
    analysis: Analysis,
    style: ScalarStyle,
}

fn is_space(v: &[u8], i: usize) -> bool {
    v.get(i) == Some(&b' ')
}

fn is_break(v: &[u8], i: usize) -> bool {
    match v.get(i) {
        Some(b'\r' | b'\n') => true,
        Some(0xC2) => v.get(i + 1) == Some(&0x85),
        Some(0xE2) => v.get(i + 1) == Some(&0x80) && matches!(v.get(i + 2), Some(0xA8 | 0xA9)),
        _ => false,
    }
}

fn is_blank(v: &[u8], i: usize) -> bool {
    matches!(v.get(i), Some(b' ' | b'\t'))
}

fn is_blankz(v: &[u8], i: usize) -> bool {
    is_blank(v, i) || is_break(v, i) || v.get(i).is_none_or(|&b| b == 0)
}

/// libyaml's `is_printable` (bytes past the end read as 0).
fn is_printable(v: &[u8], i: usize) -> bool {
    let at = |k: usize| v.get(i + k).copied().unwrap_or(0);
    let b = at(0);
    b == 0x0A
        || (0x20..=0x7E).contains(&b)
        || (b == 0xC2 && at(1) >= 0xA0)
        || (b > 0xC2 && b < 0xED)
        || (b == 0xED && at(1) < 0xA0)
        || b == 0xEE
        || (b == 0xEF
            && !(at(1) == 0xBB && at(2) == 0xBF)
            && !(at(1) == 0xBF && (at(2) == 0xBE || at(2) == 0xBF)))
}

/// go-yaml's `is_bom(value, i)` looks at the start of the value whatever `i` is, so a string
/// that starts with a BOM has every character escaped.
fn starts_with_bom(v: &[u8]) -> bool {
    v.starts_with(&[0xEF, 0xBB, 0xBF])
}

/// Emits one document holding `events` (a complete node), as go-yaml's `Marshal` does.
pub(crate) fn emit_document(flavor: Flavor, events: &[Ev]) -> String {
    let (best_indent, best_width) = match flavor {
        Flavor::V2 => (2, 80),
        Flavor::V3 => (2, (1usize << 31) - 1),
    };
    let mut e = Emitter {
        flavor,
        events,
        head: 0,
        out: String::new(),
        best_indent,
        best_width,
        state: State::DocumentContent,
        states: Vec::new(),
        indent: -1,
        indents: Vec::new(),
        flow_level: 0,
        root_context: false,
        mapping_context: false,
        simple_key_context: false,
        line: 0,
        column: 0,
        whitespace: true,
        indention: true,
        open_ended: false,
        analysis: Analysis::default(),
        style: ScalarStyle::Plain,
    };
    while e.head < events.len() {
        e.analyze_event();
        e.state_machine();
        e.head += 1;
    }
    // DOCUMENT-END (implicit).
    e.write_indent();
    e.out
}

impl Emitter<'_> {
    fn event(&self) -> Option<&Ev> {
        self.events.get(self.head)
    }

    fn pop_state(&mut self) {
        self.state = self.states.pop().unwrap_or(State::End);
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    // ----- low-level writing -------------------------------------------------------------

    fn put(&mut self, c: u8) {
        self.out.push(char::from(c));
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
        self.line += 1;
        if self.flavor == Flavor::V3 {
            self.indention = true;
        }
    }

    /// Copies the character at `v[*i]` and advances (nothing at the end of `v`).
    fn write(&mut self, v: &[u8], i: &mut usize) {
        let Some(&b) = v.get(*i) else {
            return;
        };
        if b < 0x80 {
            self.out.push(char::from(b));
            self.column += 1;
            *i += 1;
            return;
        }
        let w = utf8_width(b).max(1);
        let end = (*i + w).min(v.len());
        let ch = v.get(*i..end).and_then(|ch| std::str::from_utf8(ch).ok());
        self.out.push_str(ch.unwrap_or("\u{FFFD}"));
        self.column += 1;
        *i = end;
    }

    /// Copies `value[start..end]` (whole characters holding no line break) at once.
    fn write_run(&mut self, value: &str, start: usize, end: usize) {
        match value.get(start..end) {
            Some(run) => {
                self.out.push_str(run);
                self.column += if run.is_ascii() {
                    run.len()
                } else {
                    run.chars().count()
                };
            }
            None => {
                let v = value.as_bytes();
                let mut i = start;
                while i < end.min(v.len()) {
                    self.write(v, &mut i);
                }
            }
        }
    }

    /// The end of the run of characters from `i` that `ordinary` accepts (by first byte and
    /// position).
    fn run_end(v: &[u8], mut i: usize, ordinary: impl Fn(&[u8], usize) -> bool) -> usize {
        while let Some(&b) = v.get(i)
            && ordinary(v, i)
        {
            i += utf8_width(b).max(1);
        }
        i.min(v.len())
    }

    /// Writes an indicator (always ASCII).
    fn write_all(&mut self, s: &str) {
        self.out.push_str(s);
        self.column += s.len();
    }

    fn write_break(&mut self, v: &[u8], i: &mut usize) {
        if v.get(*i) == Some(&b'\n') {
            self.put_break();
            *i += 1;
        } else {
            self.write(v, i);
            self.column = 0;
            self.line += 1;
            if self.flavor == Flavor::V3 {
                self.indention = true;
            }
        }
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(b' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(b' ');
        }
        self.write_all(indicator);
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
        self.open_ended = false;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { self.best_indent as isize } else { 0 };
        } else if !indentless {
            let bi = self.best_indent as isize;
            self.indent = match self.flavor {
                Flavor::V2 => self.indent + bi,
                Flavor::V3 if self.states.last() == Some(&State::BlockSequenceItem) => {
                    self.indent + 2
                }
                Flavor::V3 => bi * ((self.indent + bi) / bi),
            };
        }
    }

    // ----- state machine ---------------------------------------------------------------------

    fn state_machine(&mut self) {
        match self.state {
            State::DocumentContent => {
                self.states.push(State::DocumentEnd);
                self.emit_node(true, false, false, false);
            }
            State::DocumentEnd | State::End => {}
            State::FlowSequenceFirstItem => self.emit_flow_sequence_item(true),
            State::FlowSequenceItem => self.emit_flow_sequence_item(false),
            State::FlowMappingFirstKey => self.emit_flow_mapping_key(true),
            State::FlowMappingKey => self.emit_flow_mapping_key(false),
            State::FlowMappingSimpleValue => self.emit_flow_mapping_value(true),
            State::FlowMappingValue => self.emit_flow_mapping_value(false),
            State::BlockSequenceFirstItem => self.emit_block_sequence_item(true),
            State::BlockSequenceItem => self.emit_block_sequence_item(false),
            State::BlockMappingFirstKey => self.emit_block_mapping_key(true),
            State::BlockMappingKey => self.emit_block_mapping_key(false),
            State::BlockMappingSimpleValue => self.emit_block_mapping_value(true),
            State::BlockMappingValue => self.emit_block_mapping_value(false),
        }
    }

    fn is_end(&self, seq: bool) -> bool {
        matches!(
            (self.event(), seq),
            (Some(Ev::SeqEnd), true) | (Some(Ev::MapEnd), false)
        )
    }

    fn emit_flow_sequence_item(&mut self, first: bool) {
        if first {
            self.write_indicator("[", true, true, false);
            self.increase_indent(true, false);
            self.flow_level += 1;
        }
        if self.is_end(true) {
            self.flow_level -= 1;
            self.pop_indent();
            if self.flavor == Flavor::V3 && self.column == 0 {
                self.write_indent();
            }
            self.write_indicator("]", false, false, false);
            self.pop_state();
            return;
        }
        if !first {
            self.write_indicator(",", false, false, false);
        }
        if (self.flavor == Flavor::V3 && self.column == 0) || self.column > self.best_width {
            self.write_indent();
        }
        self.states.push(State::FlowSequenceItem);
        self.emit_node(false, true, false, false);
    }

    fn emit_flow_mapping_key(&mut self, first: bool) {
        if first {
            self.write_indicator("{", true, true, false);
            self.increase_indent(true, false);
            self.flow_level += 1;
        }
        if self.is_end(false) {
            self.flow_level -= 1;
            self.pop_indent();
            self.write_indicator("}", false, false, false);
            self.pop_state();
            return;
        }
        if !first {
            self.write_indicator(",", false, false, false);
        }
        if (self.flavor == Flavor::V3 && self.column == 0) || self.column > self.best_width {
            self.write_indent();
        }
        if self.check_simple_key() {
            self.states.push(State::FlowMappingSimpleValue);
            self.emit_node(false, false, true, true);
            return;
        }
        self.write_indicator("?", true, false, false);
        self.states.push(State::FlowMappingValue);
        self.emit_node(false, false, true, false);
    }

    fn emit_flow_mapping_value(&mut self, simple: bool) {
        if simple {
            self.write_indicator(":", false, false, false);
        } else {
            if self.column > self.best_width {
                self.write_indent();
            }
            self.write_indicator(":", true, false, false);
        }
        self.states.push(State::FlowMappingKey);
        self.emit_node(false, false, true, false);
    }

    fn emit_block_sequence_item(&mut self, first: bool) {
        if first {
            let indentless = self.flavor == Flavor::V2 && self.mapping_context && !self.indention;
            self.increase_indent(false, indentless);
        }
        if self.is_end(true) {
            self.pop_indent();
            self.pop_state();
            return;
        }
        self.write_indent();
        self.write_indicator("-", true, false, true);
        self.states.push(State::BlockSequenceItem);
        self.emit_node(false, true, false, false);
    }

    fn emit_block_mapping_key(&mut self, first: bool) {
        if first {
            self.increase_indent(false, false);
        }
        if self.is_end(false) {
            self.pop_indent();
            self.pop_state();
            return;
        }
        self.write_indent();
        if self.check_simple_key() {
            self.states.push(State::BlockMappingSimpleValue);
            self.emit_node(false, false, true, true);
            return;
        }
        self.write_indicator("?", true, false, true);
        self.states.push(State::BlockMappingValue);
        self.emit_node(false, false, true, false);
    }

    fn emit_block_mapping_value(&mut self, simple: bool) {
        if simple {
            self.write_indicator(":", false, false, false);
        } else {
            self.write_indent();
            self.write_indicator(":", true, false, true);
        }
        self.states.push(State::BlockMappingKey);
        self.emit_node(false, false, true, false);
    }

    fn emit_node(&mut self, root: bool, _sequence: bool, mapping: bool, simple_key: bool) {
        self.root_context = root;
        self.mapping_context = mapping;
        self.simple_key_context = simple_key;
        let events = self.events;
        match events.get(self.head) {
            Some(Ev::Scalar(value, style)) => self.emit_scalar(value.as_str(), *style),
            Some(Ev::SeqStart) => {
                self.state = if self.flow_level > 0 || self.check_empty(true) {
                    State::FlowSequenceFirstItem
                } else {
                    State::BlockSequenceFirstItem
                };
            }
            Some(Ev::MapStart) => {
                self.state = if self.flow_level > 0 || self.check_empty(false) {
                    State::FlowMappingFirstKey
                } else {
                    State::BlockMappingFirstKey
                };
            }
            _ => self.pop_state(),
        }
    }

    fn emit_scalar(&mut self, value: &str, style: ScalarStyle) {
        self.select_scalar_style(value, style);
        self.increase_indent(true, false);
        let allow_breaks = !self.simple_key_context;
        match self.style {
            ScalarStyle::Plain => self.write_plain(value, allow_breaks),
            ScalarStyle::SingleQuoted => self.write_single_quoted(value, allow_breaks),
            ScalarStyle::DoubleQuoted => self.write_double_quoted(value, allow_breaks),
            ScalarStyle::Literal => self.write_literal(value),
            ScalarStyle::Folded => self.write_folded(value),
        }
        self.pop_indent();
        self.pop_state();
    }

    fn check_empty(&self, seq: bool) -> bool {
        let next = self.events.get(self.head + 1);
        matches!(
            (self.event(), next, seq),
            (Some(Ev::SeqStart), Some(Ev::SeqEnd), true)
                | (Some(Ev::MapStart), Some(Ev::MapEnd), false)
        )
    }

    fn check_simple_key(&self) -> bool {
        match self.event() {
            Some(Ev::Scalar(value, _)) => !self.analysis.multiline && value.as_str().len() <= 128,
            Some(Ev::SeqStart) => self.check_empty(true),
            Some(Ev::MapStart) => self.check_empty(false),
            _ => false,
        }
    }

    fn select_scalar_style(&mut self, value: &str, requested: ScalarStyle) {
        let a = self.analysis;
        let mut style = requested;
        if self.simple_key_context && a.multiline {
            style = ScalarStyle::DoubleQuoted;
        }
        if style == ScalarStyle::Plain {
            if (self.flow_level > 0 && !a.flow_plain_allowed)
                || (self.flow_level == 0 && !a.block_plain_allowed)
            {
                style = ScalarStyle::SingleQuoted;
            }
            if value.is_empty() && (self.flow_level > 0 || self.simple_key_context) {
                style = ScalarStyle::SingleQuoted;
            }
        }
        if style == ScalarStyle::SingleQuoted && !a.single_quoted_allowed {
            style = ScalarStyle::DoubleQuoted;
        }
        if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
            && (!a.block_allowed || self.flow_level > 0 || self.simple_key_context)
        {
            style = ScalarStyle::DoubleQuoted;
        }
        self.style = style;
    }

    fn analyze_event(&mut self) {
        if let Some(Ev::Scalar(value, _)) = self.event() {
            self.analysis = analyze_scalar(self.flavor, value.as_str().as_bytes());
        }
    }

    // ----- scalar writers --------------------------------------------------------------------

    fn write_plain(&mut self, value: &str, allow_breaks: bool) {
        let v = value.as_bytes();
        if !self.whitespace && (self.flavor == Flavor::V2 || !v.is_empty()) {
            self.put(b' ');
        }
        let mut spaces = false;
        let mut breaks = false;
        let mut i = 0;
        while let Some(&c) = v.get(i) {
            if is_space(v, i) {
                if allow_breaks && !spaces && self.column > self.best_width && !is_space(v, i + 1) {
                    self.write_indent();
                    i += 1;
                } else {
                    self.write(v, &mut i);
                }
                spaces = true;
            } else if is_break(v, i) {
                if !breaks && c == b'\n' {
                    self.put_break();
                }
                self.write_break(v, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                let end = Self::run_end(v, i, |v, k| !is_space(v, k) && !is_break(v, k));
                self.write_run(value, i, end);
                i = end;
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if self.flavor == Flavor::V2 || !v.is_empty() {
            self.whitespace = false;
        }
        self.indention = false;
        if self.root_context {
            self.open_ended = true;
        }
    }

    fn write_single_quoted(&mut self, value: &str, allow_breaks: bool) {
        let v = value.as_bytes();
        self.write_indicator("'", true, false, false);
        let mut spaces = false;
        let mut breaks = false;
        let mut i = 0;
        while let Some(&c) = v.get(i) {
            if is_space(v, i) {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i > 0
                    && i < v.len() - 1
                    && !is_space(v, i + 1)
                {
                    self.write_indent();
                    i += 1;
                } else {
                    self.write(v, &mut i);
                }
                spaces = true;
            } else if is_break(v, i) {
                if !breaks && c == b'\n' {
                    self.put_break();
                }
                self.write_break(v, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == b'\'' {
                    self.put(b'\'');
                    self.write(v, &mut i);
                } else {
                    let end = Self::run_end(v, i, |v, k| {
                        v.get(k) != Some(&b'\'') && !is_space(v, k) && !is_break(v, k)
                    });
                    self.write_run(value, i, end);
                    i = end;
                }
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double_quoted(&mut self, value: &str, allow_breaks: bool) {
        let v = value.as_bytes();
        let mut spaces = false;
        self.write_indicator("\"", true, false, false);
        let bom = starts_with_bom(v);
        let mut i = 0;
        while let Some(&c) = v.get(i) {
            if !is_printable(v, i) || bom || is_break(v, i) || c == b'"' || c == b'\\' {
                let w = utf8_width(c).max(1);
                let end = (i + w).min(v.len());
                let ch = v
                    .get(i..end)
                    .and_then(|ch| std::str::from_utf8(ch).ok())
                    .and_then(|s| s.chars().next())
                    .map_or(u32::from(c), u32::from);
                i = end;
                self.put(b'\\');
                match ch {
                    0x00 => self.put(b'0'),
                    0x07 => self.put(b'a'),
                    0x08 => self.put(b'b'),
                    0x09 => self.put(b't'),
                    0x0A => self.put(b'n'),
                    0x0B => self.put(b'v'),
                    0x0C => self.put(b'f'),
                    0x0D => self.put(b'r'),
                    0x1B => self.put(b'e'),
                    0x22 => self.put(b'"'),
                    0x5C => self.put(b'\\'),
                    0x85 => self.put(b'N'),
                    0xA0 => self.put(b'_'),
                    0x2028 => self.put(b'L'),
                    0x2029 => self.put(b'P'),
                    _ => {
                        let (letter, digits) = if ch <= 0xFF {
                            (b'x', 2)
                        } else if ch <= 0xFFFF {
                            (b'u', 4)
                        } else {
                            (b'U', 8)
                        };
                        self.put(letter);
                        for k in (0..digits).rev() {
                            let d = ((ch >> (k * 4)) & 0xF) as u8;
                            self.put(if d < 10 { b'0' + d } else { b'A' + d - 10 });
                        }
                    }
                }
                spaces = false;
            } else if is_space(v, i) {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i > 0
                    && i < v.len() - 1
                {
                    self.write_indent();
                    if is_space(v, i + 1) {
                        self.put(b'\\');
                    }
                    i += 1;
                } else {
                    self.write(v, &mut i);
                }
                spaces = true;
            } else {
                let end = Self::run_end(v, i, |v, k| {
                    is_printable(v, k)
                        && !is_break(v, k)
                        && !is_space(v, k)
                        && !matches!(v.get(k), Some(b'"' | b'\\'))
                });
                self.write_run(value, i, end.max(i + 1));
                i = end.max(i + 1);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_block_scalar_hints(&mut self, v: &[u8]) {
        if is_space(v, 0) || is_break(v, 0) {
            let hint = char::from(b'0' + self.best_indent as u8).to_string();
            self.write_indicator(&hint, false, false, false);
        }
        self.open_ended = false;
        let mut chomp = None;
        if v.is_empty() {
            chomp = Some("-");
        } else {
            let last = char_start_before(v, v.len());
            if !is_break(v, last) {
                chomp = Some("-");
            } else if last == 0 {
                chomp = Some("+");
                self.open_ended = true;
            } else {
                let before_last = char_start_before(v, last);
                if is_break(v, before_last) {
                    chomp = Some("+");
                    self.open_ended = true;
                }
            }
        }
        if let Some(c) = chomp {
            self.write_indicator(c, false, false, false);
        }
    }

    fn block_header(&mut self, indicator: &str, v: &[u8]) {
        self.write_indicator(indicator, true, false, false);
        self.write_block_scalar_hints(v);
        // go.yaml.in/yaml/v3 (as vendored by Helm) breaks the line here like v2 does.
        self.put_break();
        self.indention = true;
        self.whitespace = true;
    }

    fn write_literal(&mut self, value: &str) {
        let v = value.as_bytes();
        self.block_header("|", v);
        let mut breaks = true;
        let mut i = 0;
        while i < v.len() {
            if is_break(v, i) {
                self.write_break(v, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                let end = Self::run_end(v, i, |v, k| !is_break(v, k));
                self.write_run(value, i, end);
                i = end;
                self.indention = false;
                breaks = false;
            }
        }
    }

    fn write_folded(&mut self, value: &str) {
        let v = value.as_bytes();
        self.block_header(">", v);
        let mut breaks = true;
        let mut leading_spaces = true;
        let mut i = 0;
        while let Some(&c) = v.get(i) {
            if is_break(v, i) {
                if !breaks && !leading_spaces && c == b'\n' {
                    let mut k = 0;
                    while let Some(&b) = v.get(k)
                        && is_break(v, k)
                    {
                        k += utf8_width(b).max(1);
                    }
                    if !is_blankz(v, k) {
                        self.put_break();
                    }
                }
                self.write_break(v, &mut i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                    leading_spaces = is_blank(v, i);
                }
                if !breaks && is_space(v, i) && !is_space(v, i + 1) && self.column > self.best_width
                {
                    self.write_indent();
                    i += 1;
                } else if is_space(v, i) {
                    self.write(v, &mut i);
                } else {
                    let end = Self::run_end(v, i, |v, k| !is_space(v, k) && !is_break(v, k));
                    self.write_run(value, i, end);
                    i = end;
                }
                self.indention = false;
                breaks = false;
            }
        }
    }
}

/// Where the character that ends at `end` starts: the last byte before `end` that is not a
/// UTF-8 continuation byte, or 0 when there is none.
fn char_start_before(v: &[u8], end: usize) -> usize {
    v.iter()
        .take(end)
        .rposition(|&b| b & 0xC0 != 0x80)
        .unwrap_or(0)
}

/// libyaml's `yaml_emitter_analyze_scalar`: which styles can represent `v`.
fn analyze_scalar(flavor: Flavor, v: &[u8]) -> Analysis {
    if v.is_empty() {
        return Analysis {
            multiline: false,
            flow_plain_allowed: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    // A word that starts with a letter or digit and holds no blank, break, control character
    // or character with a meaning inside a scalar (most keys and values) allows every style:
    // the general analysis below would find no indicator and no special character.
    let inner_ok = |b: &u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                *b,
                b'_' | b'-'
                    | b'.'
                    | b'/'
                    | b'='
                    | b'+'
                    | b'@'
                    | b'%'
                    | b'('
                    | b')'
                    | b'$'
                    | b';'
                    | b'~'
                    | b'^'
                    | b'*'
                    | b'&'
                    | b'!'
                    | b'\''
                    | b'"'
                    | b'|'
                    | b'<'
                    | b'>'
            )
    };
    if let [first, rest @ ..] = v
        && first.is_ascii_alphanumeric()
        && rest.iter().all(inner_ok)
    {
        return Analysis {
            multiline: false,
            flow_plain_allowed: true,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: true,
        };
    }
    let mut block_indicators = false;
    let mut flow_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut tab_characters = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;
    let mut previous_space = false;
    let mut previous_break = false;

    if v.len() >= 3 && (v.starts_with(b"---") || v.starts_with(b"...")) {
        block_indicators = true;
        flow_indicators = true;
    }
    let mut preceded_by_whitespace = true;
    let mut i = 0;
    while let Some(&c) = v.get(i) {
        let w = utf8_width(c).max(1);
        let followed_by_whitespace = i + w >= v.len() || is_blank(v, i + w);
        if i == 0 {
            match c {
                b'#' | b',' | b'[' | b']' | b'{' | b'}' | b'&' | b'*' | b'!' | b'|' | b'>'
                | b'\'' | b'"' | b'%' | b'@' | b'`' => {
                    flow_indicators = true;
                    block_indicators = true;
                }
                b'?' | b':' => {
                    flow_indicators = true;
                    if followed_by_whitespace {
                        block_indicators = true;
                    }
                }
                b'-' if followed_by_whitespace => {
                    flow_indicators = true;
                    block_indicators = true;
                }
                _ => {}
            }
        } else {
            match c {
                b',' | b'?' | b'[' | b']' | b'{' | b'}' => flow_indicators = true,
                b':' => {
                    flow_indicators = true;
                    if followed_by_whitespace {
                        block_indicators = true;
                    }
                }
                b'#' if preceded_by_whitespace => {
                    flow_indicators = true;
                    block_indicators = true;
                }
                _ => {}
            }
        }
        if flavor == Flavor::V3 && c == b'\t' {
            tab_characters = true;
        } else if !is_printable(v, i) {
            special_characters = true;
        }
        if is_space(v, i) {
            if i == 0 {
                leading_space = true;
            }
            if i + w == v.len() {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(v, i) {
            line_breaks = true;
            if i == 0 {
                leading_break = true;
            }
            if i + w == v.len() {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blankz(v, i);
        i += w;
    }
    let mut a = Analysis {
        multiline: line_breaks,
        flow_plain_allowed: true,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.flow_plain_allowed = false;
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.flow_plain_allowed = false;
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || tab_characters || special_characters {
        a.flow_plain_allowed = false;
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special_characters {
        a.block_allowed = false;
    }
    if line_breaks {
        a.flow_plain_allowed = false;
        a.block_plain_allowed = false;
    }
    if flow_indicators {
        a.flow_plain_allowed = false;
    }
    if block_indicators {
        a.block_plain_allowed = false;
    }
    a
}
