//! Template errors, kept as structured fields that print Go's exact text.
//!
//! Go chains errors (`error calling include: %w`), and Helm formats an execution error by
//! walking that chain with `errors.Unwrap`. [`TemplateError::unwrap_chain`] reproduces the
//! chain Go would walk, so the Helm layer can apply Helm's rules to it.

use crate::value::Str;
use crate::value::strconv::quote;
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
        location: String,
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

/// An error returned by a function (Go's `error` result), possibly wrapping a template error.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// A plain Go error: only its text.
    Msg(String),
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

    /// Go's `err.Error()`.
    pub fn text(&self) -> String {
        match self {
            CallError::Msg(m) => m.clone(),
            CallError::Template(e) => e.to_string(),
            CallError::Wrap { prefix, source } => format!("{prefix}{source}"),
        }
    }

    fn push_chain(&self, out: &mut Vec<String>) {
        match self {
            CallError::Msg(m) => out.push(m.clone()),
            CallError::Template(e) => e.push_chain(out),
            CallError::Wrap { prefix, source } => {
                out.push(format!("{prefix}{source}"));
                source.push_chain(out);
            }
        }
    }
}

impl From<String> for CallError {
    fn from(m: String) -> Self {
        CallError::Msg(m)
    }
}

impl From<&str> for CallError {
    fn from(m: &str) -> Self {
        CallError::Msg(m.to_string())
    }
}

impl TemplateError {
    /// The texts Go's `errors.Unwrap` visits, starting with this error's own text.
    pub fn unwrap_chain(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.push_chain(&mut out);
        out
    }

    fn push_chain(&self, out: &mut Vec<String>) {
        let text = self.to_string();
        match self {
            TemplateError::Exec { cause, .. } => {
                // ExecError, then the fmt error it holds (same text), then what that wraps.
                out.push(text.clone());
                out.push(text);
                if let Some(c) = cause {
                    c.push_chain(out);
                }
            }
            _ => out.push(text),
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

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Parse { name, line, msg } => write!(f, "template: {name}:{line}: {msg}"),
            TemplateError::Exec {
                location,
                name,
                context,
                msg,
                cause,
            } => {
                write!(
                    f,
                    "template: {location}: executing {} at <{context}>: {msg}",
                    quote(name)
                )?;
                if let Some(c) = cause {
                    f.write_str(&c.text())?;
                }
                Ok(())
            }
            TemplateError::ExecNoNode { name, msg } => write!(f, "template: {name}: {msg}"),
            TemplateError::NoTemplate { name, assoc } => write!(
                f,
                "template: no template {} associated with template {}",
                quote(name),
                quote(assoc)
            ),
        }
    }
}

impl std::error::Error for TemplateError {}
