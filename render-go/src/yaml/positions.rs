//! Where the keys of a YAML text are, for reports that point at a value's key
//! (`values.yaml:12:5: ...`).
//!
//! Walks the event stream the decoder reads, so it accepts what the decoder accepts, and
//! records for every mapping key the path of keys and list indexes that leads to it. Aliases
//! and `<<` merges are not expanded: a value that came through one has no key of its own
//! here, and a caller reports it at its nearest recorded ancestor, the alias site. Later
//! documents of a multi-document text win, as they do when values are merged.

use super::parser::{EventKind, Parser};
use super::scanner::Source;
use crate::value::Str;

/// One step of a path into a values tree.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A map key.
    Key(Str),
    /// A list index.
    Index(usize),
}

/// A key and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPosition {
    /// The keys (and list indexes) from the document's root to this key, the key last.
    pub path: Vec<Segment>,
    /// 1-based line of the key.
    pub line: usize,
    /// 1-based column of the key, in characters.
    pub column: usize,
}

/// A collection being read: the step that led to it and what comes next in it.
struct Frame {
    step: Step,
    state: State,
}

/// How a collection was reached.
enum Step {
    /// It is the document's root.
    Root,
    /// Through this key or index.
    Via(Segment),
    /// Under a key that is not a scalar: nothing in it has a path.
    Lost,
}

enum State {
    /// A mapping expecting a key (`None`) or the value of the key given.
    Map(Option<Option<Str>>),
    /// A sequence and the index of its next item.
    Seq(usize),
}

/// The position of every key in `text`, in document order. A syntax error ends the walk;
/// the keys before it are returned (the decoder reports the error itself).
pub fn key_positions(text: &str) -> Vec<KeyPosition> {
    let source = Source::new(text.as_bytes());
    let mut parser = Parser::new(&source);
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    while let Ok(event) = parser.next_event() {
        match event {
            EventKind::StreamEnd => break,
            EventKind::StreamStart | EventKind::DocumentEnd => {}
            EventKind::DocumentStart => stack.clear(),
            EventKind::Scalar { value, .. } => {
                if let Some(Frame {
                    state: State::Map(expecting @ None),
                    ..
                }) = stack.last_mut()
                {
                    let key = Str::from(String::from_utf8_lossy(&value).as_ref());
                    *expecting = Some(Some(key.clone()));
                    let mark = parser.start_mark();
                    if let Some(mut path) = path_of(&stack) {
                        path.push(Segment::Key(key));
                        out.push(KeyPosition {
                            path,
                            line: mark.line + 1,
                            column: mark.column + 1,
                        });
                    }
                } else {
                    value_done(&mut stack);
                }
            }
            EventKind::Alias { .. } => {
                if let Some(Frame {
                    state: State::Map(expecting @ None),
                    ..
                }) = stack.last_mut()
                {
                    // An alias as a key: nothing under it has a path of its own.
                    *expecting = Some(None);
                } else {
                    value_done(&mut stack);
                }
            }
            EventKind::MappingStart { .. } | EventKind::SequenceStart { .. } => {
                let step = match stack.last_mut().map(|f| &mut f.state) {
                    None => Step::Root,
                    Some(State::Map(Some(Some(key)))) => Step::Via(Segment::Key(key.clone())),
                    Some(State::Map(Some(None))) => Step::Lost,
                    Some(State::Map(expecting @ None)) => {
                        // A collection as a key: its value has no path.
                        *expecting = Some(None);
                        Step::Lost
                    }
                    Some(State::Seq(index)) => Step::Via(Segment::Index(*index)),
                };
                let state = match event {
                    EventKind::MappingStart { .. } => State::Map(None),
                    _ => State::Seq(0),
                };
                stack.push(Frame { step, state });
            }
            EventKind::MappingEnd | EventKind::SequenceEnd => {
                stack.pop();
                value_done(&mut stack);
            }
        }
    }
    out
}

/// The path to the innermost collection, unless part of it has none.
fn path_of(stack: &[Frame]) -> Option<Vec<Segment>> {
    let mut path = Vec::with_capacity(stack.len());
    for frame in stack {
        match &frame.step {
            Step::Root => {}
            Step::Via(segment) => path.push(segment.clone()),
            Step::Lost => return None,
        }
    }
    Some(path)
}

/// A value is complete: a mapping expects its next key, a sequence its next item.
fn value_done(stack: &mut [Frame]) {
    match stack.last_mut().map(|f| &mut f.state) {
        Some(State::Map(expecting)) => *expecting = None,
        Some(State::Seq(index)) => *index += 1,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> Vec<String> {
        key_positions(text)
            .iter()
            .map(|p| {
                let path: Vec<String> = p
                    .path
                    .iter()
                    .map(|s| match s {
                        Segment::Key(k) => k.to_string(),
                        Segment::Index(i) => format!("[{i}]"),
                    })
                    .collect();
                format!("{} {}:{}", path.join("."), p.line, p.column)
            })
            .collect()
    }

    #[test]
    fn keys_are_found_at_their_line_and_column() {
        let text = "a: 1\nb:\n  c: {d: 2}\n  l:\n  - x: 1\n  - y\n  - z: 3\ne: *x\n";
        assert_eq!(
            render(text),
            [
                "a 1:1",
                "b 2:1",
                "b.c 3:3",
                "b.c.d 3:7",
                "b.l 4:3",
                "b.l.[0].x 5:5",
                "b.l.[2].z 7:5",
                "e 8:1",
            ]
        );
    }

    #[test]
    fn documents_start_from_the_root() {
        assert_eq!(render("a: 1\n---\nb: 2\n"), ["a 1:1", "b 3:1"]);
    }

    #[test]
    fn a_broken_text_gives_the_keys_before_the_error() {
        assert_eq!(render("a: 1\nb: [\n"), ["a 1:1", "b 2:1"]);
    }
}
