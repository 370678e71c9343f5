//! Why the values of a render could not be assembled. The text is always Helm's; the
//! variants say which step failed, and carry the file and line or the I/O error when known.

use crate::error::{Error, ErrorKind, Location};
use std::fmt;
use std::sync::Arc;

/// Why the values of a render could not be assembled.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ValuesError {
    /// A `-f` or `--set-file` file could not be read (`open x.yaml: no such file or
    /// directory`), with the I/O error when there was one.
    Read {
        /// Helm's text.
        message: String,
        /// What the operating system said.
        source: Option<Arc<std::io::Error>>,
    },
    /// A values file is not valid YAML (`failed to parse FILE: ...`).
    Parse {
        /// Helm's text.
        message: String,
        /// The file, and the line when the file is one YAML document.
        location: Location,
    },
    /// A `--set`, `--set-string`, `--set-json`, `--set-file` or `--set-literal` argument is
    /// malformed.
    Flag(String),
    /// The chart's dependencies do not fit together (missing, conditions, aliases,
    /// `import-values`).
    Dependencies(String),
    /// The user's values could not be laid over the chart's defaults.
    Coalesce(String),
    /// The values break the chart's `values.schema.json`.
    Schema(String),
}

impl ValuesError {
    /// A read failure with Go's text (`open FILE: ...`).
    pub fn read(message: impl Into<String>) -> ValuesError {
        ValuesError::Read {
            message: message.into(),
            source: None,
        }
    }

    /// Helm's text.
    pub fn message(&self) -> &str {
        match self {
            ValuesError::Read { message, .. } | ValuesError::Parse { message, .. } => message,
            ValuesError::Flag(m)
            | ValuesError::Dependencies(m)
            | ValuesError::Coalesce(m)
            | ValuesError::Schema(m) => m,
        }
    }
}

impl fmt::Display for ValuesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for ValuesError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ValuesError::Read {
                source: Some(source),
                ..
            } => Some(&**source),
            _ => None,
        }
    }
}

/// A values error as the crate reports it: [`ErrorKind::Io`], [`ErrorKind::Values`],
/// [`ErrorKind::Chart`] for dependencies, [`ErrorKind::Schema`].
impl From<ValuesError> for Error {
    fn from(e: ValuesError) -> Error {
        match e {
            ValuesError::Read { message, source } => {
                let error = Error::new(ErrorKind::Io, message);
                match source {
                    Some(source) => error.caused_by(source),
                    None => error,
                }
            }
            ValuesError::Parse { message, location } => {
                Error::new(ErrorKind::Values, message).at(Some(location))
            }
            ValuesError::Flag(m) | ValuesError::Coalesce(m) => Error::new(ErrorKind::Values, m),
            ValuesError::Dependencies(m) => Error::new(ErrorKind::Chart, m),
            ValuesError::Schema(m) => Error::new(ErrorKind::Schema, m),
        }
    }
}
