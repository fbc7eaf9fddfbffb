//! Errors and their exit codes: 2 for a usage mistake the user can fix on the command
//! line, 1 for anything that went wrong while running.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A flag, value or combination of them that cannot work.
    #[error("{0}")]
    Usage(String),
    /// Counts that the data model cannot satisfy.
    #[error("{0}")]
    Counts(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Runtime(String),
    /// `ecomgen validate` found this many violations (each already printed).
    #[error("{0} violation{s} found", s = if *.0 == 1 { "" } else { "s" })]
    Invalid(u64),
    /// Ctrl-C or a termination signal: temporary files were removed.
    #[error("interrupted; no file was replaced")]
    Interrupted,
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Counts(_) => 2,
            Error::Io { .. } | Error::Runtime(_) | Error::Invalid(_) => 1,
            Error::Interrupted => 130,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// True when the reader of standard output went away (`| head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
