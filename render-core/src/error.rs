//! The crate's error type. Its `Display` is the text Helm prints after `Error: `.

use std::fmt;
use std::sync::Arc;

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

/// A render error carrying Helm's message, where in the user's files it is when that is
/// known, and the underlying error (an I/O error, say) as its [`source`](std::error::Error::source).
#[derive(Clone, Debug)]
pub struct Error {
    // Boxed: results carry errors by value, and the happy path should not pay for them.
    inner: Box<Inner>,
}

#[derive(Clone, Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    location: Option<Location>,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
    partial: Option<String>,
}

/// Where an error is: a file of the chart (a template, `Chart.yaml`) or a values file, and
/// when known the line and column (both 1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
}

impl Location {
    /// A place in `file`.
    pub fn new(file: impl Into<String>, line: Option<usize>, column: Option<usize>) -> Location {
        Location {
            file: file.into(),
            line,
            column,
        }
    }

    /// The file, as the chart or the command line names it.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The 1-based column (in bytes), if known.
    pub fn column(&self) -> Option<usize> {
        self.column
    }
}

/// `file`, `file:line` or `file:line:column`.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

impl Error {
    /// An error of `kind` with Helm's message text.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                location: None,
                source: None,
                partial: None,
            }),
        }
    }

    /// The error at `location`.
    pub(crate) fn at(mut self, location: Option<Location>) -> Error {
        self.inner.location = location;
        self
    }

    /// The error caused by `source`.
    pub(crate) fn caused_by(mut self, source: Arc<dyn std::error::Error + Send + Sync>) -> Error {
        self.inner.source = Some(source);
        self
    }

    /// The error with the output Helm had assembled before failing (what `--debug` shows).
    pub fn with_partial_output(mut self, output: String) -> Error {
        self.inner.partial = Some(output);
        self
    }

    /// What Helm had rendered when it failed, if anything (for `--debug`).
    pub fn partial_output(&self) -> Option<&str> {
        self.inner.partial.as_deref()
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The message, as Helm prints it.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// Where the error is, when one file (and line) is at fault: for a template error the
    /// innermost template position Go reports, for a values file that does not parse the
    /// file and its line.
    pub fn location(&self) -> Option<&Location> {
        self.inner.location.as_ref()
    }
}

/// Errors are equal when they say the same thing about the same place.
impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        let (a, b) = (&self.inner, &other.inner);
        a.kind == b.kind
            && a.message == b.message
            && a.location == b.location
            && a.partial == b.partial
    }
}

impl Eq for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.source {
            Some(source) => Some(&**source),
            None => None,
        }
    }
}

/// Result with the crate's error.
pub type Result<T> = std::result::Result<T, Error>;
