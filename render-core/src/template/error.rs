//! Template errors, kept as structured fields that print Go's exact text.
//!
//! Go chains errors (`error calling include: %w`), and Helm formats an execution error by
//! walking that chain with `errors.Unwrap`. [`TemplateError::unwrap_chain`] reproduces the
//! chain Go would walk, so the Helm layer can apply Helm's rules to it.

use super::ast::Position;
use render_go::strconv::quote;
use render_go::value::Str;
use std::fmt;

/// An error from parsing or executing a template.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateError {
    /// A parse error: `template: NAME:LINE: MSG`.
    Parse {
        /// The top-level template being parsed.
        name: Str,
        /// Line of the last token read.
        line: usize,
        /// Go's message.
        msg: String,
    },
    /// An execution error at a node:
    /// `template: LOCATION: executing "NAME" at <CONTEXT>: MSG[CAUSE]`.
    Exec {
        /// `file:line:col` of the node.
        location: Position,
        /// Name of the executing template.
        name: Str,
        /// The node's source form.
        context: String,
        /// The message; when `cause` is set it is a prefix such as `error calling include: `.
        msg: String,
        /// A wrapped error (`%w`), whose text follows `msg`.
        cause: Option<Box<CallError>>,
    },
    /// An execution error without a node: `template: NAME: MSG`.
    ExecNoNode {
        /// The template name.
        name: Str,
        /// The message.
        msg: String,
    },
    /// `template: no template "X" associated with template "Y"`.
    NoTemplate {
        /// The missing name.
        name: Str,
        /// The template set's root name.
        assoc: Str,
    },
}

/// Helm's delimiters around a [`CallError::Fail`] message (`warnStartDelim`, `warnEndDelim`).
pub const FAIL_START: &str = "HELM_ERR_START";
/// See [`FAIL_START`].
pub const FAIL_END: &str = "HELM_ERR_END";

/// An error returned by a function (Go's `error` result), possibly wrapping a template error.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// A plain Go error: only its text.
    Msg(String),
    /// Helm's `fail` and `required`: `errors.New(warnWrap(msg))`, whose text holds the message
    /// between [`FAIL_START`] and [`FAIL_END`], where Helm's error formatting finds it again
    /// however deeply other errors wrap it.
    Fail(String),
    /// A template error passed through unchanged (`include` returns `ExecuteTemplate`'s error).
    Template(Box<TemplateError>),
    /// `fmt.Errorf("PREFIX%w", err)`: text `PREFIX` + the wrapped error's text.
    Wrap {
        /// Text before the wrapped error.
        prefix: String,
        /// The wrapped error.
        source: Box<TemplateError>,
    },
}

impl CallError {
    /// A plain error from a message.
    pub fn msg(m: impl Into<String>) -> CallError {
        CallError::Msg(m.into())
    }

    /// The text of an error that wraps nothing.
    fn write_leaf(&self, out: &mut String) {
        match self {
            CallError::Msg(m) => out.push_str(m),
            CallError::Fail(m) => {
                out.push_str(FAIL_START);
                out.push_str(m);
                out.push_str(FAIL_END);
            }
            CallError::Template(_) | CallError::Wrap { .. } => {}
        }
    }
}

impl From<String> for CallError {
    fn from(m: String) -> Self {
        CallError::Msg(m)
    }
}

/// Go's `fmt` follows a value that contains itself until its stack overflows.
impl From<render_go::value::walk::Endless> for CallError {
    fn from(c: render_go::value::walk::Endless) -> Self {
        CallError::Msg(c.endless("fmt"))
    }
}

impl From<&str> for CallError {
    fn from(m: &str) -> Self {
        CallError::Msg(m.to_string())
    }
}

/// The texts Go's `errors.Unwrap` visits. Each wrapped error's text ends the text of the one
/// wrapping it, so all are suffixes of the first: one string and the offsets where they start.
pub struct Chain {
    text: String,
    starts: Vec<usize>,
}

impl Chain {
    /// The full text of the outermost error.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Each link's text, outermost first.
    pub fn links(&self) -> impl Iterator<Item = &str> {
        self.starts
            .iter()
            .map(|&i| self.text.get(i..).unwrap_or(""))
    }
}

impl TemplateError {
    /// The chain Go's `errors.Unwrap` walks, starting with this error.
    pub fn unwrap_chain(&self) -> Chain {
        let mut chain = Chain {
            text: String::new(),
            starts: Vec::new(),
        };
        self.write_chain(&mut chain.text, &mut chain.starts);
        chain
    }

    /// Writes the error's text into `out` and where each link of its chain starts into
    /// `starts`. Iterative: chains are as long as includes nest (tens of thousands), and a
    /// text per level would be quadratic.
    fn write_chain(&self, out: &mut String, starts: &mut Vec<usize>) {
        let mut link = self;
        loop {
            let TemplateError::Exec {
                location,
                name,
                context,
                msg,
                cause,
            } = link
            else {
                starts.push(out.len());
                // Writing into a String cannot fail.
                let _ = fmt::write(out, format_args!("{}", Leaf(link)));
                return;
            };
            // ExecError, then the fmt error it holds (same text), then what that wraps.
            starts.push(out.len());
            starts.push(out.len());
            let _ = fmt::write(
                out,
                format_args!(
                    "template: {location}: executing {} at <{context}>: {msg}",
                    quote(name)
                ),
            );
            link = match cause.as_deref() {
                None => return,
                Some(leaf @ (CallError::Msg(_) | CallError::Fail(_))) => {
                    starts.push(out.len());
                    leaf.write_leaf(out);
                    return;
                }
                Some(CallError::Template(e)) => e,
                Some(CallError::Wrap { prefix, source }) => {
                    starts.push(out.len());
                    out.push_str(prefix);
                    source
                }
            };
        }
    }

    /// Where the failure is: the innermost node position in the chain (the `include`d
    /// template that failed rather than the `include` call), or a parse error's line.
    pub fn position(&self) -> Option<(Str, usize, Option<usize>)> {
        let mut link = self;
        let mut found = None;
        loop {
            match link {
                TemplateError::Parse { name, line, .. } => return Some((name.clone(), *line, None)),
                TemplateError::Exec {
                    location, cause, ..
                } => {
                    found = Some((location.name.clone(), location.line, Some(location.col)));
                    link = match cause.as_deref() {
                        Some(CallError::Template(e)) => e,
                        Some(CallError::Wrap { source, .. }) => source,
                        _ => return found,
                    };
                }
                TemplateError::ExecNoNode { .. } | TemplateError::NoTemplate { .. } => {
                    return found;
                }
            }
        }
    }

    /// Whether Go would see an `ExecError` in the chain (Helm formats only those).
    pub fn is_exec(&self) -> bool {
        matches!(
            self,
            TemplateError::Exec { .. } | TemplateError::ExecNoNode { .. }
        )
    }
}

/// The text of an error that wraps nothing.
struct Leaf<'e>(&'e TemplateError);

impl fmt::Display for Leaf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            TemplateError::Parse { name, line, msg } => write!(f, "template: {name}:{line}: {msg}"),
            TemplateError::ExecNoNode { name, msg } => write!(f, "template: {name}: {msg}"),
            TemplateError::NoTemplate { name, assoc } => write!(
                f,
                "template: no template {} associated with template {}",
                quote(name),
                quote(assoc)
            ),
            TemplateError::Exec { .. } => f.write_str(&self.0.unwrap_chain().text),
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Exec { .. } => f.write_str(&self.unwrap_chain().text),
            leaf => Leaf(leaf).fmt(f),
        }
    }
}

/// Frees a chain of wrapped errors without recursing once per link.
impl Drop for TemplateError {
    fn drop(&mut self) {
        let mut next = match self {
            TemplateError::Exec { cause, .. } => cause.take(),
            _ => None,
        };
        while let Some(call) = next {
            next = match *call {
                CallError::Template(mut e) | CallError::Wrap { source: mut e, .. } => match &mut *e
                {
                    TemplateError::Exec { cause, .. } => cause.take(),
                    _ => None,
                },
                CallError::Msg(_) | CallError::Fail(_) => None,
            };
        }
    }
}

impl std::error::Error for TemplateError {}
