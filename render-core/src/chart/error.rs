//! Why a chart could not be loaded. The text is always Helm's; the variants tell callers what
//! kind of failure it was, and an I/O failure keeps its `std::io::Error`.

use crate::error::{Error, ErrorKind};
use std::fmt;
use std::sync::Arc;

/// Why a chart could not be loaded.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum LoadError {
    /// The path names nothing on disk (`path "./x" not found`).
    NotFound(String),
    /// Reading the chart failed (`stat`, `open`), with the I/O error.
    Io {
        /// Helm's text.
        message: String,
        /// What the operating system said.
        source: Arc<std::io::Error>,
    },
    /// The files are not a valid chart: an archive that is not one, a bad `Chart.yaml`,
    /// a missing or invalid dependency, a file over Helm's size limit, ...
    Invalid(String),
}

impl LoadError {
    /// An I/O failure described by Helm's `message`.
    pub(crate) fn io(message: String, source: std::io::Error) -> LoadError {
        LoadError::Io {
            message,
            source: Arc::new(source),
        }
    }

    /// Helm's text.
    pub fn message(&self) -> &str {
        match self {
            LoadError::NotFound(m) | LoadError::Invalid(m) | LoadError::Io { message: m, .. } => m,
        }
    }
}

/// The loader's checks report Helm's texts; a failure without a more precise kind is an
/// invalid chart.
impl From<String> for LoadError {
    fn from(message: String) -> LoadError {
        LoadError::Invalid(message)
    }
}

impl From<&str> for LoadError {
    fn from(message: &str) -> LoadError {
        LoadError::Invalid(message.to_string())
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(&**source),
            _ => None,
        }
    }
}

/// A load error as the crate reports it: an I/O failure is [`ErrorKind::Io`] with its
/// `std::io::Error` as the source, anything else [`ErrorKind::Chart`].
impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        match e {
            LoadError::Io { message, source } => Error::new(ErrorKind::Io, message).caused_by(source),
            LoadError::NotFound(m) | LoadError::Invalid(m) => Error::new(ErrorKind::Chart, m),
        }
    }
}
