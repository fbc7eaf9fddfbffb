//! All or nothing: every file of a run is written under a temporary name beside its
//! final one, synced, and renamed only when the whole run is complete, so a failure or
//! an interruption leaves the previous dataset whole and no half-written file under a
//! final name.
//!
//! A temporary name starts with [`TEMP_PREFIX`] and its file is locked while its run
//! lives, so a later run can tell (and remove) what a killed run left, and never
//! touches a user's own hidden files or the files of a run still writing.

use super::lock;
use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// How every temporary file of a run begins: `.ecomgen-<pid>.orders.csv.Ab12Cd.tmp`.
pub const TEMP_PREFIX: &str = ".ecomgen-";
const TEMP_SUFFIX: &str = ".tmp";

/// Whether `name` is one of ecomgen's temporary files (whatever run made it).
pub fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(pid, _)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// A file being written under a temporary name; removed if dropped uncommitted.
pub struct TempFile {
    /// Holds the lock that marks the file as its run's until the rename.
    pub file: File,
    pub temp: TempPath,
    /// The name it gets when the run completes.
    pub path: PathBuf,
}

impl TempFile {
    /// A temporary file in `dir` for the final name `name`, readable like the files it
    /// will replace.
    pub fn create(dir: &Path, name: &str) -> Result<TempFile> {
        let path = dir.join(name);
        let prefix = format!("{TEMP_PREFIX}{}.{name}.", std::process::id());
        // A run cleaning up may take a file for a dead run's in the instant between
        // its creation and its lock; another name is then tried.
        for _ in 0..3 {
            let temp = tempfile::Builder::new()
                .prefix(&prefix)
                .suffix(TEMP_SUFFIX)
                .tempfile_in(dir)
                .map_err(|e| Error::io(dir, lock::plain(e)))?;
            let (file, temp) = temp.into_parts();
            if !lock::hold(&file, &temp) {
                continue;
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                file.set_permissions(std::fs::Permissions::from_mode(0o644))
                    .map_err(|e| Error::io(dir, e))?;
            }
            return Ok(TempFile { file, temp, path });
        }
        Err(Error::Runtime(format!(
            "{}: temporary files kept disappearing as they were made",
            dir.display()
        )))
    }

    /// Data on disk before the rename, so a crash cannot leave a short file under the
    /// final name.
    pub fn sync(&self) -> Result<()> {
        self.file.sync_all().map_err(|e| Error::io(&self.path, e))
    }
}

/// The files of a run waiting for their final names.
#[derive(Default)]
pub struct Commit {
    /// Kept open: closing a file would release its lock and let another run take it
    /// for a dead run's leftover before the rename.
    pending: Vec<TempFile>,
}

impl Commit {
    /// Adds a written file; it must be synced.
    pub fn add(&mut self, file: TempFile) {
        self.pending.push(file);
    }

    /// Writes a small file whole (a manifest, a script) and adds it.
    pub fn write(&mut self, dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
        let mut file = TempFile::create(dir, name)?;
        file.file
            .write_all(bytes)
            .map_err(|e| Error::io(&file.path, e))?;
        file.sync()?;
        self.add(file);
        Ok(())
    }

    /// Only now replace earlier files: a failure before this leaves the previous
    /// dataset whole.
    pub fn finish(self) -> Result<()> {
        for TempFile { file, temp, path } in self.pending {
            temp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
            drop(file);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognisably_ecomgens() {
        for ours in [
            ".ecomgen-4242.orders.json.DMfHI0.tmp",
            ".ecomgen-1.orders.part-0002-of-0008.csv.abc123.tmp",
        ] {
            assert!(is_temp_name(ours), "{ours}");
        }
        for theirs in [
            ".orders.json.DMfHI0.tmp",
            ".ecomgen-.orders.csv.x.tmp",
            ".ecomgen-12ab.orders.csv.x.tmp",
            ".ecomgen-12.orders.csv.x.tmp.bak",
            ".ecomgen.lock",
            "ecomgen-12.orders.csv.x.tmp",
            ".ecomgen-12",
        ] {
            assert!(!is_temp_name(theirs), "{theirs}");
        }
    }

    #[test]
    fn a_temporary_file_is_locked_and_gone_unless_committed() {
        let dir = tempfile::tempdir().unwrap();
        let file = TempFile::create(dir.path(), "users.csv").unwrap();
        let name = file.temp.file_name().unwrap().to_str().unwrap().to_string();
        assert!(is_temp_name(&name), "{name}");
        let other = File::open(&file.temp).unwrap();
        assert!(other.try_lock().is_err(), "held while its run lives");
        drop(file);
        assert!(!dir.path().join(&name).exists());
    }
}
