//! The YAML event parser: tokens in, events out (libyaml's LL(1) state machine).
//!
//! Like the scanner, this follows libyaml's states so that the same inputs are rejected with
//! the same problem (`did not find expected key`, `did not find expected node content`...) at
//! the same token; see `scanner.rs` for why we do not use a YAML crate.

use super::scanner::{Mark, ScalarStyle, Scanner, Source, SyntaxError, TokenKind, Tt};
use std::borrow::Cow;

/// The long form of the `!!` tag handle.
pub(crate) const TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// What an event is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum EventKind<'a> {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias {
        anchor: Cow<'a, [u8]>,
    },
    Scalar {
        anchor: Option<Cow<'a, [u8]>>,
        tag: Vec<u8>,
        /// The text, borrowed from the input unless escapes or folding changed it.
        value: Cow<'a, [u8]>,
        /// The scalar may resolve implicitly (plain, untagged or tagged `!`).
        plain_implicit: bool,
        style: ScalarStyle,
    },
    SequenceStart {
        anchor: Option<Cow<'a, [u8]>>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<Cow<'a, [u8]>>,
    },
    MappingEnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    StreamStart,
    ImplicitDocumentStart,
    DocumentStart,
    DocumentContent,
    DocumentEnd,
    BlockNode,
    BlockSequenceFirstEntry,
    BlockSequenceEntry,
    IndentlessSequenceEntry,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingValue,
    FlowSequenceFirstEntry,
    FlowSequenceEntry,
    FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue,
    FlowSequenceEntryMappingEnd,
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingValue,
    FlowMappingEmptyValue,
    End,
}

/// The parser over one input.
pub(crate) struct Parser<'a> {
    scanner: Scanner<'a>,
    state: State,
    states: Vec<State>,
    marks: Vec<Mark>,
    tag_directives: Vec<(Vec<u8>, Vec<u8>)>,
    start: Mark,
}

type Parsed<'a> = Result<EventKind<'a>, ()>;

impl<'a> Parser<'a> {
    /// A parser over a prepared input.
    pub fn new(source: &'a Source<'_>) -> Parser<'a> {
        Parser {
            scanner: Scanner::new(source),
            state: State::StreamStart,
            states: Vec::new(),
            marks: Vec::new(),
            tag_directives: Vec::new(),
            start: Mark::default(),
        }
    }

    /// The error that stopped the parser.
    pub fn error(&self) -> Option<&SyntaxError> {
        self.scanner.error.as_ref()
    }

    /// The next event; `Err` with [`Parser::error`] set on a syntax error. After the stream
    /// ends, keeps returning STREAM-END.
    #[inline]
    pub fn next_event(&mut self) -> Parsed<'a> {
        if self.scanner.error.is_some() {
            return Err(());
        }
        if self.scanner.stream_end_produced() || self.state == State::End {
            return Ok(EventKind::StreamEnd);
        }
        self.state_machine()
    }

    fn pop_state(&mut self) {
        self.state = self.states.pop().unwrap_or(State::End);
    }

    /// The kind and marks of the next token (payloads are taken with `take_token`). Inlined:
    /// the marks are then read where they are used instead of copied out (a copy the
    /// profile showed stalling on its own stores).
    #[inline]
    fn peek(&mut self) -> Result<(Tt, Mark, Mark), ()> {
        match self.scanner.peek_token() {
            Some(t) => Ok((t.kind.tt(), t.start, t.end)),
            None => Err(()),
        }
    }

    fn error_at(&mut self, problem: &str, mark: Mark, context: Option<Mark>) -> Parsed<'a> {
        self.scanner.parser_error(problem, mark, context);
        Err(())
    }

    /// An event starting at `start`, which [`Parser::start_mark`] then reports.
    fn event(&mut self, kind: EventKind<'a>, start: Mark) -> Parsed<'a> {
        self.start = start;
        Ok(kind)
    }

    /// Where the last event returned started.
    pub fn start_mark(&self) -> Mark {
        self.start
    }

    fn state_machine(&mut self) -> Parsed<'a> {
        match self.state {
            State::StreamStart => self.parse_stream_start(),
            State::ImplicitDocumentStart => self.parse_document_start(true),
            State::DocumentStart => self.parse_document_start(false),
            State::DocumentContent => self.parse_document_content(),
            State::DocumentEnd => self.parse_document_end(),
            State::BlockNode => self.parse_node(true, false),
            State::BlockSequenceFirstEntry => self.parse_block_sequence_entry(true),
            State::BlockSequenceEntry => self.parse_block_sequence_entry(false),
            State::IndentlessSequenceEntry => self.parse_indentless_sequence_entry(),
            State::BlockMappingFirstKey => self.parse_block_mapping_key(true),
            State::BlockMappingKey => self.parse_block_mapping_key(false),
            State::BlockMappingValue => self.parse_block_mapping_value(),
            State::FlowSequenceFirstEntry => self.parse_flow_sequence_entry(true),
            State::FlowSequenceEntry => self.parse_flow_sequence_entry(false),
            State::FlowSequenceEntryMappingKey => self.parse_flow_sequence_entry_mapping_key(),
            State::FlowSequenceEntryMappingValue => self.parse_flow_sequence_entry_mapping_value(),
            State::FlowSequenceEntryMappingEnd => self.parse_flow_sequence_entry_mapping_end(),
            State::FlowMappingFirstKey => self.parse_flow_mapping_key(true),
            State::FlowMappingKey => self.parse_flow_mapping_key(false),
            State::FlowMappingValue => self.parse_flow_mapping_value(false),
            State::FlowMappingEmptyValue => self.parse_flow_mapping_value(true),
            State::End => self.event(EventKind::StreamEnd, Mark::default()),
        }
    }

    fn parse_stream_start(&mut self) -> Parsed<'a> {
        let (kind, start, _) = self.peek()?;
        if kind != Tt::StreamStart {
            return self.error_at("did not find expected <stream-start>", start, None);
        }
        self.state = State::ImplicitDocumentStart;
        self.scanner.skip_token();
        self.event(EventKind::StreamStart, start)
    }

    fn parse_document_start(&mut self, implicit: bool) -> Parsed<'a> {
        let (mut kind, mut start, _) = self.peek()?;
        if !implicit {
            while kind == Tt::DocumentEnd {
                self.scanner.skip_token();
                (kind, start, _) = self.peek()?;
            }
        }
        let is_directive = matches!(kind, Tt::VersionDirective | Tt::TagDirective);
        if implicit && !is_directive && kind != Tt::DocumentStart && kind != Tt::StreamEnd {
            self.process_directives()?;
            self.states.push(State::DocumentEnd);
            self.state = State::BlockNode;
            return self.event(EventKind::DocumentStart, start);
        }
        if kind != Tt::StreamEnd {
            let doc_start = start;
            self.process_directives()?;
            let (kind, start, _) = self.peek()?;
            if kind != Tt::DocumentStart {
                return self.error_at("did not find expected <document start>", start, None);
            }
            self.states.push(State::DocumentEnd);
            self.state = State::DocumentContent;
            self.scanner.skip_token();
            return self.event(EventKind::DocumentStart, doc_start);
        }
        self.state = State::End;
        self.scanner.skip_token();
        self.event(EventKind::StreamEnd, start)
    }

    fn parse_document_content(&mut self) -> Parsed<'a> {
        let (kind, start, _) = self.peek()?;
        if matches!(
            kind,
            Tt::VersionDirective
                | Tt::TagDirective
                | Tt::DocumentStart
                | Tt::DocumentEnd
                | Tt::StreamEnd
        ) {
            self.pop_state();
            return self.empty_scalar(start);
        }
        self.parse_node(true, false)
    }

    fn parse_document_end(&mut self) -> Parsed<'a> {
        let (kind, start, _) = self.peek()?;
        if kind == Tt::DocumentEnd {
            self.scanner.skip_token();
        }
        self.tag_directives.clear();
        self.state = State::DocumentStart;
        self.event(EventKind::DocumentEnd, start)
    }

    fn parse_node(&mut self, block: bool, indentless_sequence: bool) -> Parsed<'a> {
        let (mut kind, mut start, _) = self.peek()?;
        if kind == Tt::Alias {
            self.pop_state();
            let anchor = match self.scanner.take_token().map(|t| t.kind) {
                Some(TokenKind::Alias(a)) => a,
                _ => Cow::Borrowed(&[][..]),
            };
            return self.event(EventKind::Alias { anchor }, start);
        }
        let node_start = start;
        let mut anchor = None;
        let mut tag_token: Option<(Vec<u8>, Vec<u8>)> = None;
        let mut tag_mark = Mark::default();
        if kind == Tt::Anchor {
            if let Some(TokenKind::Anchor(a)) = self.scanner.take_token().map(|t| t.kind) {
                anchor = Some(a);
            }
            (kind, start, _) = self.peek()?;
            if kind == Tt::Tag {
                tag_mark = start;
                if let Some(TokenKind::Tag { handle, suffix }) =
                    self.scanner.take_token().map(|t| t.kind)
                {
                    tag_token = Some((handle, suffix));
                }
                (kind, start, _) = self.peek()?;
            }
        } else if kind == Tt::Tag {
            tag_mark = start;
            if let Some(TokenKind::Tag { handle, suffix }) =
                self.scanner.take_token().map(|t| t.kind)
            {
                tag_token = Some((handle, suffix));
            }
            (kind, start, _) = self.peek()?;
            if kind == Tt::Anchor {
                if let Some(TokenKind::Anchor(a)) = self.scanner.take_token().map(|t| t.kind) {
                    anchor = Some(a);
                }
                (kind, start, _) = self.peek()?;
            }
        }
        let mut tag = Vec::new();
        if let Some((handle, suffix)) = tag_token {
            if handle.is_empty() {
                tag = suffix;
            } else {
                match self.tag_directives.iter().find(|(h, _)| *h == handle) {
                    Some((_, prefix)) => {
                        tag = prefix.clone();
                        tag.extend_from_slice(&suffix);
                    }
                    None => {
                        return self.error_at(
                            "found undefined tag handle",
                            tag_mark,
                            Some(node_start),
                        );
                    }
                }
                if tag.is_empty() {
                    return self.error_at("found undefined tag handle", tag_mark, Some(node_start));
                }
            }
        }
        if indentless_sequence && kind == Tt::BlockEntry {
            self.state = State::IndentlessSequenceEntry;
            return self.event(EventKind::SequenceStart { anchor }, node_start);
        }
        if let Tt::Scalar(style) = kind {
            let plain_implicit = (tag.is_empty() && style == ScalarStyle::Plain) || tag == b"!";
            self.pop_state();
            let value = match self.scanner.take_token().map(|t| t.kind) {
                Some(TokenKind::Scalar { value, .. }) => value,
                _ => Cow::Borrowed(&[][..]),
            };
            return self.event(
                EventKind::Scalar {
                    anchor,
                    tag,
                    value,
                    plain_implicit,
                    style,
                },
                node_start,
            );
        }
        match kind {
            Tt::FlowSequenceStart => {
                self.state = State::FlowSequenceFirstEntry;
                return self.event(EventKind::SequenceStart { anchor }, node_start);
            }
            Tt::FlowMappingStart => {
                self.state = State::FlowMappingFirstKey;
                return self.event(EventKind::MappingStart { anchor }, node_start);
            }
            Tt::BlockSequenceStart if block => {
                self.state = State::BlockSequenceFirstEntry;
                return self.event(EventKind::SequenceStart { anchor }, node_start);
            }
            Tt::BlockMappingStart if block => {
                self.state = State::BlockMappingFirstKey;
                return self.event(EventKind::MappingStart { anchor }, node_start);
            }
            _ => {}
        }
        if anchor.is_some() || !tag.is_empty() {
            self.pop_state();
            let plain_implicit = tag.is_empty();
            return self.event(
                EventKind::Scalar {
                    anchor,
                    tag,
                    value: Cow::Borrowed(&[][..]),
                    plain_implicit,
                    style: ScalarStyle::Plain,
                },
                node_start,
            );
        }
        self.error_at(
            "did not find expected node content",
            start,
            Some(node_start),
        )
    }

    fn parse_block_sequence_entry(&mut self, first: bool) -> Parsed<'a> {
        if first {
            let (_, start, _) = self.peek()?;
            self.marks.push(start);
            self.scanner.skip_token();
        }
        let (kind, start, end) = self.peek()?;
        if kind == Tt::BlockEntry {
            self.scanner.skip_token();
            let (kind, _, _) = self.peek()?;
            if kind != Tt::BlockEntry && kind != Tt::BlockEnd {
                self.states.push(State::BlockSequenceEntry);
                return self.parse_node(true, false);
            }
            self.state = State::BlockSequenceEntry;
            return self.empty_scalar(end);
        }
        if kind == Tt::BlockEnd {
            self.pop_state();
            self.marks.pop();
            self.scanner.skip_token();
            return self.event(EventKind::SequenceEnd, start);
        }
        let context = self.marks.pop();
        self.error_at("did not find expected '-' indicator", start, context)
    }

    fn parse_indentless_sequence_entry(&mut self) -> Parsed<'a> {
        let (kind, start, end) = self.peek()?;
        if kind == Tt::BlockEntry {
            self.scanner.skip_token();
            let (kind, _, _) = self.peek()?;
            if !matches!(kind, Tt::BlockEntry | Tt::Key | Tt::Value | Tt::BlockEnd) {
                self.states.push(State::IndentlessSequenceEntry);
                return self.parse_node(true, false);
            }
            self.state = State::IndentlessSequenceEntry;
            return self.empty_scalar(end);
        }
        self.pop_state();
        self.event(EventKind::SequenceEnd, start)
    }

    fn parse_block_mapping_key(&mut self, first: bool) -> Parsed<'a> {
        if first {
            let (_, start, _) = self.peek()?;
            self.marks.push(start);
            self.scanner.skip_token();
        }
        let (kind, start, end) = self.peek()?;
        if kind == Tt::Key {
            self.scanner.skip_token();
            let (kind, _, _) = self.peek()?;
            if !matches!(kind, Tt::Key | Tt::Value | Tt::BlockEnd) {
                self.states.push(State::BlockMappingValue);
                return self.parse_node(true, true);
            }
            self.state = State::BlockMappingValue;
            return self.empty_scalar(end);
        }
        if kind == Tt::BlockEnd {
            self.pop_state();
            self.marks.pop();
            self.scanner.skip_token();
            return self.event(EventKind::MappingEnd, start);
        }
        let context = self.marks.pop();
        self.error_at("did not find expected key", start, context)
    }

    fn parse_block_mapping_value(&mut self) -> Parsed<'a> {
        let (kind, start, end) = self.peek()?;
        if kind == Tt::Value {
            self.scanner.skip_token();
            let (kind, _, _) = self.peek()?;
            if !matches!(kind, Tt::Key | Tt::Value | Tt::BlockEnd) {
                self.states.push(State::BlockMappingKey);
                return self.parse_node(true, true);
            }
            self.state = State::BlockMappingKey;
            return self.empty_scalar(end);
        }
        self.state = State::BlockMappingKey;
        self.empty_scalar(start)
    }

    fn parse_flow_sequence_entry(&mut self, first: bool) -> Parsed<'a> {
        if first {
            let (_, start, _) = self.peek()?;
            self.marks.push(start);
            self.scanner.skip_token();
        }
        let (mut kind, mut start, _) = self.peek()?;
        if kind != Tt::FlowSequenceEnd {
            if !first {
                if kind == Tt::FlowEntry {
                    self.scanner.skip_token();
                    (kind, start, _) = self.peek()?;
                } else {
                    let context = self.marks.pop();
                    return self.error_at("did not find expected ',' or ']'", start, context);
                }
            }
            if kind == Tt::Key {
                self.state = State::FlowSequenceEntryMappingKey;
                self.scanner.skip_token();
                return self.event(EventKind::MappingStart { anchor: None }, start);
            } else if kind != Tt::FlowSequenceEnd {
                self.states.push(State::FlowSequenceEntry);
                return self.parse_node(false, false);
            }
        }
        self.pop_state();
        self.marks.pop();
        self.scanner.skip_token();
        self.event(EventKind::SequenceEnd, start)
    }

    fn parse_flow_sequence_entry_mapping_key(&mut self) -> Parsed<'a> {
        let (kind, _, end) = self.peek()?;
        if !matches!(kind, Tt::Value | Tt::FlowEntry | Tt::FlowSequenceEnd) {
            self.states.push(State::FlowSequenceEntryMappingValue);
            return self.parse_node(false, false);
        }
        self.scanner.skip_token();
        self.state = State::FlowSequenceEntryMappingValue;
        self.empty_scalar(end)
    }

    fn parse_flow_sequence_entry_mapping_value(&mut self) -> Parsed<'a> {
        let (kind, start, _) = self.peek()?;
        if kind == Tt::Value {
            self.scanner.skip_token();
            let (kind, start2, _) = self.peek()?;
            if kind != Tt::FlowEntry && kind != Tt::FlowSequenceEnd {
                self.states.push(State::FlowSequenceEntryMappingEnd);
                return self.parse_node(false, false);
            }
            // libyaml's Go port reports the empty value at the first token's mark.
            let _ = start2;
        }
        self.state = State::FlowSequenceEntryMappingEnd;
        self.empty_scalar(start)
    }

    fn parse_flow_sequence_entry_mapping_end(&mut self) -> Parsed<'a> {
        let (_, start, _) = self.peek()?;
        self.state = State::FlowSequenceEntry;
        self.event(EventKind::MappingEnd, start)
    }

    fn parse_flow_mapping_key(&mut self, first: bool) -> Parsed<'a> {
        if first {
            let (_, start, _) = self.peek()?;
            self.marks.push(start);
            self.scanner.skip_token();
        }
        let (mut kind, mut start, _) = self.peek()?;
        if kind != Tt::FlowMappingEnd {
            if !first {
                if kind == Tt::FlowEntry {
                    self.scanner.skip_token();
                    (kind, start, _) = self.peek()?;
                } else {
                    let context = self.marks.pop();
                    return self.error_at("did not find expected ',' or '}'", start, context);
                }
            }
            if kind == Tt::Key {
                self.scanner.skip_token();
                let (kind, start, _) = self.peek()?;
                if !matches!(kind, Tt::Value | Tt::FlowEntry | Tt::FlowMappingEnd) {
                    self.states.push(State::FlowMappingValue);
                    return self.parse_node(false, false);
                }
                self.state = State::FlowMappingValue;
                return self.empty_scalar(start);
            } else if kind != Tt::FlowMappingEnd {
                self.states.push(State::FlowMappingEmptyValue);
                return self.parse_node(false, false);
            }
        }
        self.pop_state();
        self.marks.pop();
        self.scanner.skip_token();
        self.event(EventKind::MappingEnd, start)
    }

    fn parse_flow_mapping_value(&mut self, empty: bool) -> Parsed<'a> {
        let (kind, start, _) = self.peek()?;
        if empty {
            self.state = State::FlowMappingKey;
            return self.empty_scalar(start);
        }
        let mut mark = start;
        if kind == Tt::Value {
            self.scanner.skip_token();
            let (kind, start, _) = self.peek()?;
            if kind != Tt::FlowEntry && kind != Tt::FlowMappingEnd {
                self.states.push(State::FlowMappingKey);
                return self.parse_node(false, false);
            }
            mark = start;
        }
        self.state = State::FlowMappingKey;
        self.empty_scalar(mark)
    }

    fn empty_scalar(&mut self, mark: Mark) -> Parsed<'a> {
        self.event(
            EventKind::Scalar {
                anchor: None,
                tag: Vec::new(),
                value: Cow::Borrowed(&[][..]),
                plain_implicit: true,
                style: ScalarStyle::Plain,
            },
            mark,
        )
    }

    fn process_directives(&mut self) -> Result<(), ()> {
        let mut version_seen = false;
        loop {
            let (kind, start, _) = self.peek()?;
            match kind {
                Tt::VersionDirective => {
                    let Some(TokenKind::VersionDirective(major, minor)) =
                        self.scanner.take_token().map(|t| t.kind)
                    else {
                        return Err(());
                    };
                    if version_seen {
                        self.scanner
                            .parser_error("found duplicate %YAML directive", start, None);
                        return Err(());
                    }
                    if major != 1 || minor != 1 {
                        self.scanner
                            .parser_error("found incompatible YAML document", start, None);
                        return Err(());
                    }
                    version_seen = true;
                }
                Tt::TagDirective => {
                    let Some(TokenKind::TagDirective { handle, prefix }) =
                        self.scanner.take_token().map(|t| t.kind)
                    else {
                        return Err(());
                    };
                    if self.tag_directives.iter().any(|(h, _)| *h == handle) {
                        self.scanner
                            .parser_error("found duplicate %TAG directive", start, None);
                        return Err(());
                    }
                    self.tag_directives.push((handle, prefix));
                }
                _ => break,
            }
        }
        for (h, p) in [(&b"!"[..], &b"!"[..]), (&b"!!"[..], TAG_PREFIX.as_bytes())] {
            if !self.tag_directives.iter().any(|(x, _)| x == h) {
                self.tag_directives.push((h.to_vec(), p.to_vec()));
            }
        }
        Ok(())
    }
}
