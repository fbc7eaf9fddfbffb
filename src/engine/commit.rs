//! All or nothing: every file of a run is written under a temporary name beside its
//! final one, synced, and renamed only when the whole run is complete, so a failure or
//! an interruption leaves the previous dataset whole and no half-written file under a
//! final name.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// A file being written under a temporary name; removed if dropped uncommitted.
pub struct TempFile {
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
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| Error::io(dir, e))?;
        let (file, temp) = temp.into_parts();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(|e| Error::io(&path, e))?;
        }
        Ok(TempFile { file, temp, path })
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
    pending: Vec<(TempPath, PathBuf)>,
}

impl Commit {
    /// Adds a written file; it must be synced.
    pub fn add(&mut self, file: TempFile) {
        self.pending.push((file.temp, file.path));
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
        for (temp, path) in self.pending {
            temp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
        }
        Ok(())
    }
}
