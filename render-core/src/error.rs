//! The crate's error type. Its `Display` is the text Helm prints after `Error: `.

use std::fmt;

/// What went wrong, for callers that branch on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A template did not parse.
    Parse,
    /// A template failed while executing (including `fail` and `required`).
    Exec,
    /// A rendered manifest is not valid YAML.
    ManifestYaml,
    /// A chart could not be loaded or is invalid.
    Chart,
    /// Values could not be read or parsed.
    Values,
    /// Values do not satisfy a chart's values.schema.json.
    Schema,
    /// Reading a file failed.
    Io,
    /// A bad command-line argument or option.
    Usage,
}

/// A render error carrying Helm's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    partial: Option<String>,
}

impl Error {
    /// An error of `kind` with Helm's message text.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            partial: None,
        }
    }

    /// The error with the output Helm had assembled before failing (what `--debug` shows).
    pub fn with_partial_output(mut self, output: String) -> Error {
        self.partial = Some(output);
        self
    }

    /// What Helm had rendered when it failed, if anything (for `--debug`).
    pub fn partial_output(&self) -> Option<&str> {
        self.partial.as_deref()
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, as Helm prints it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Result with the crate's error.
pub type Result<T> = std::result::Result<T, Error>;
