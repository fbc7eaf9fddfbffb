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
    #[error("{}: {}", path.display(), describe(source))]
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

/// The system's words for an I/O error, without the "(os error N)" that means nothing
/// to a user, and with the usual cause where the words alone do not say it.
fn describe(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotADirectory {
        return "a part of this path is a file, not a directory".to_string();
    }
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    #[test]
    fn io_errors_read_as_words() {
        let full = Error::io("data/orders.csv", std::io::Error::from_raw_os_error(28));
        assert_eq!(full.to_string(), "data/orders.csv: No space left on device");
        let file = Error::io("afile/sub", std::io::Error::from(ErrorKind::NotADirectory));
        assert_eq!(
            file.to_string(),
            "afile/sub: a part of this path is a file, not a directory"
        );
        let plain = Error::io("x", std::io::Error::other("boom"));
        assert_eq!(plain.to_string(), "x: boom");
    }
}
