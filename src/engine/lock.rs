//! Runs that share a directory: one run at a time writes a given set of final names
//! (two whole runs would mix their files; parts of one run have names of their own
//! and go on side by side), and what a killed run left is removed by the next one.
//!
//! Both rest on advisory locks (`flock`) that the operating system drops when a
//! process dies, so no lock is ever stale: a run holds `.ecomgen.lock` (or
//! `.ecomgen.part-KKKK-of-PPPP.lock`) while it writes, and each of its temporary files
//! while that file exists. An ecomgen file in the directory that nobody holds belongs
//! to a run that is gone.

use super::commit::is_temp_name;
use super::naming::{self, Parts};
use crate::error::{Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The lock of one set of final names in a directory, held for a whole run.
pub struct DirLock {
    file: File,
    path: PathBuf,
    /// False where the filesystem has no locks: the run goes on unguarded.
    held: bool,
}

impl DirLock {
    /// Takes the lock of `parts`' files in `dir`, waiting (and saying so unless
    /// `quiet`) while another run holds it.
    pub fn acquire(dir: &Path, parts: Parts, quiet: bool) -> Result<DirLock> {
        let path = dir.join(naming::file_name(".ecomgen", "lock", parts));
        let mut told = false;
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| Error::io(dir, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    if !quiet && !told {
                        let _ = writeln!(
                            std::io::stderr(),
                            "waiting for another ecomgen run to finish writing into {}",
                            dir.display()
                        );
                        told = true;
                    }
                    file.lock().map_err(|e| Error::io(&path, e))?;
                }
                Err(TryLockError::Error(_)) => {
                    return Ok(DirLock {
                        file,
                        path,
                        held: false,
                    });
                }
            }
            // The run we waited for removed the file as it let go: lock the new one.
            if same_file(&file, &path) {
                return Ok(DirLock {
                    file,
                    path,
                    held: true,
                });
            }
        }
    }
}

impl Drop for DirLock {
    /// The file goes while still locked, so a run waiting on it sees it gone and
    /// starts over on a new one rather than sharing a lock nobody else can see.
    fn drop(&mut self) {
        if self.held {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// Makes `dir` this run's to write (after any run writing the same names) and removes
/// what killed runs left there, saying so unless `quiet`.
pub fn claim(dir: &Path, parts: Parts, quiet: bool) -> Result<DirLock> {
    let lock = DirLock::acquire(dir, parts, quiet)?;
    let gone = remove_leftovers(dir);
    if gone.files > 0 && !quiet {
        let _ = writeln!(
            std::io::stderr(),
            "removed {} ({}) that interrupted runs left in {}",
            crate::words::plural(gone.files, "temporary file"),
            indicatif::DecimalBytes(gone.bytes),
            dir.display()
        );
    }
    Ok(lock)
}

/// Locks a new temporary file for its run; false if a cleaning run removed it first.
pub fn hold(file: &File, path: &Path) -> bool {
    match file.lock() {
        Ok(()) => same_file(file, path),
        // A filesystem without locks (some network mounts answer ENOLCK) still takes
        // the run: its temporary files are simply not claimed, as the directory is not.
        Err(_) => true,
    }
}

/// Whether `path` still names the file `file` has open.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Whether `name` is a file ecomgen makes while a run lives.
fn is_ecomgen_name(name: &str) -> bool {
    is_temp_name(name)
        || name == ".ecomgen.lock"
        || name.starts_with(".ecomgen.part-") && name.ends_with(".lock")
}

/// What runs that are gone left in a directory.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Leftovers {
    pub files: u64,
    pub bytes: u64,
}

/// Calls `each` with every ecomgen file of `dir` that no living run holds, locked
/// for the call so no run can claim it meanwhile.
fn each_leftover(dir: &Path, mut each: impl FnMut(&Path, u64)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_ecomgen_name) {
            continue;
        }
        let path = entry.path();
        // Only regular files: a directory or a link of that name is the user's.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && same_file(&file, &path) {
            each(&path, meta.len());
        }
    }
}

/// The bytes a run would free by removing the leftovers of `dir`.
pub fn leftover_bytes(dir: &Path) -> u64 {
    let mut bytes = 0;
    each_leftover(dir, |_, len| bytes += len);
    bytes
}

/// Removes the leftovers of runs that are gone from `dir`, and says what went.
pub fn remove_leftovers(dir: &Path) -> Leftovers {
    let mut gone = Leftovers::default();
    each_leftover(dir, |path, len| {
        if std::fs::remove_file(path).is_ok() {
            gone.files += 1;
            gone.bytes += len;
        }
    });
    gone
}

/// An I/O error as the system gave it, without the temporary path the tempfile crate
/// adds to its text (a user never chose that name and cannot act on it).
pub fn plain(e: std::io::Error) -> std::io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    let text = e.to_string();
    let code = text
        .split_once("(os error ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(code, _)| code.parse().ok());
    match code {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_nobody_holds_are_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name);
        std::fs::write(path(".ecomgen-1.users.csv.aaaaaa.tmp"), b"12345").unwrap();
        std::fs::write(path(".ecomgen.part-0001-of-0002.lock"), b"").unwrap();
        std::fs::write(path(".users.csv.bbbbbb.tmp"), b"mine").unwrap();
        std::fs::write(path(".ecomgen-2.users.csv.cccccc.tmp"), b"live").unwrap();
        let live = File::open(path(".ecomgen-2.users.csv.cccccc.tmp")).unwrap();
        live.lock().unwrap();
        let lock = DirLock::acquire(dir.path(), Parts::WHOLE, true).unwrap();
        assert_eq!(leftover_bytes(dir.path()), 5);
        assert_eq!(
            remove_leftovers(dir.path()),
            Leftovers { files: 2, bytes: 5 }
        );
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".ecomgen-2.users.csv.cccccc.tmp",
                ".ecomgen.lock",
                ".users.csv.bbbbbb.tmp"
            ]
        );
        drop(lock);
        assert!(
            !path(".ecomgen.lock").exists(),
            "a finished run's lock goes"
        );
    }

    #[test]
    fn an_error_names_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = tempfile::Builder::new()
            .prefix(".users.csv.")
            .tempfile_in(dir.path().join("gone"))
            .unwrap_err();
        assert!(e.to_string().contains(".users.csv."), "{e}");
        let e = plain(e);
        assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
        assert!(!e.to_string().contains(".users.csv."), "{e}");
    }
}
