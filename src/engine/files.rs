//! One output file while it is written: bytes to a temporary file or to standard
//! output (hashed as they pass, for the manifest, see `hashed`), or a binary format's sink. Knows no
//! format: it moves what the encoders made.

use super::commit::TempFile;
use super::hashed::{HashedWriter, Hashing};
use crate::error::{Error, Result};
use crate::output::{Encoded, Sink};
use crate::schema::{Entity, TableSpec};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};

/// A file of a finished run.
#[derive(Clone, Debug)]
pub struct WrittenFile {
    /// `None` for a file that holds every entity (the SQLite database).
    pub entity: Option<Entity>,
    pub path: PathBuf,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

enum Destination<'w> {
    Text(HashedWriter),
    Binary(Box<dyn Sink + 'w>),
}

/// One file of an entity being written.
pub struct FileOut<'w> {
    pub entity: Entity,
    pub table: &'static TableSpec,
    /// The final path, or what standard output is showing.
    pub path: PathBuf,
    pub rows: u64,
    destination: Destination<'w>,
    /// The temporary file renamed when the run completes; `None` on standard output.
    temp: Option<TempFile>,
    /// On standard output, a child file (order items) waits here until its parent
    /// file is out, so the two do not interleave.
    spill: Option<File>,
    /// Whether a row precedes this point in the whole dataset (earlier parts too).
    pub row_written: bool,
}

impl<'w> FileOut<'w> {
    pub fn text(
        entity: Entity,
        table: &'static TableSpec,
        temp: TempFile,
        hashing: Hashing,
    ) -> Result<Self> {
        let handle = temp
            .file
            .try_clone()
            .map_err(|e| Error::io(&temp.path, e))?;
        Ok(FileOut {
            entity,
            table,
            path: temp.path.clone(),
            rows: 0,
            // Small: a chunk bigger than the buffer goes to the file as it is, with no
            // copy into the buffer first; small tables' chunks are still gathered.
            destination: Destination::Text(HashedWriter::new(Box::new(handle), 1 << 16, hashing)),
            temp: Some(temp),
            spill: None,
            row_written: false,
        })
    }

    pub fn binary(
        entity: Entity,
        table: &'static TableSpec,
        sink: Box<dyn Sink + 'w>,
        temp: Option<TempFile>,
        path: PathBuf,
    ) -> Self {
        FileOut {
            entity,
            table,
            path,
            rows: 0,
            destination: Destination::Binary(sink),
            temp,
            spill: None,
            row_written: false,
        }
    }

    /// Standard output; a child file is spilled to a temporary file first.
    pub fn stdout(
        entity: Entity,
        table: &'static TableSpec,
        child: bool,
        hashing: Hashing,
    ) -> Result<Self> {
        let path = PathBuf::from(format!("{} on standard output", table.name));
        let (writer, spill): (Box<dyn Write + Send>, _) = if child {
            let file = tempfile::tempfile().map_err(|e| Error::io(std::env::temp_dir(), e))?;
            let handle = file
                .try_clone()
                .map_err(|e| Error::io(std::env::temp_dir(), e))?;
            (Box::new(handle), Some(file))
        } else {
            (Box::new(std::io::stdout()), None)
        };
        Ok(FileOut {
            entity,
            table,
            path,
            rows: 0,
            destination: Destination::Text(HashedWriter::new(writer, 1 << 16, hashing)),
            temp: None,
            spill,
            row_written: false,
        })
    }

    /// Bytes outside rows (a header, `[`, the XML root).
    pub fn write_bytes(&mut self, bytes: &[u8]) -> Result<()> {
        match &mut self.destination {
            Destination::Text(writer) => writer.write(bytes.to_vec(), 0, &self.path),
            // Binary formats have no opening or closing bytes.
            Destination::Binary(_) => Ok(()),
        }
    }

    /// One chunk's rows, dropping the leading separator before the first row.
    pub fn write_chunk(&mut self, chunk: Encoded, leading_separator: usize) -> Result<()> {
        if chunk.rows == 0 {
            return Ok(());
        }
        let rows = chunk.rows;
        match &mut self.destination {
            Destination::Text(writer) => {
                let skip = if self.row_written {
                    0
                } else {
                    leading_separator
                };
                writer.write(chunk.bytes, skip, &self.path)?;
            }
            Destination::Binary(sink) => sink.write(chunk)?,
        }
        self.rows += rows;
        self.row_written = true;
        Ok(())
    }

    /// Every row is in: close a binary file, and on standard output send what waited.
    pub fn finish_entity(&mut self) -> Result<()> {
        match &mut self.destination {
            Destination::Binary(sink) => sink.finish(),
            Destination::Text(writer) if self.temp.is_none() => {
                writer.flush(&self.path)?;
                let Some(mut spilled) = self.spill.take() else {
                    return Ok(());
                };
                let mut stdout = std::io::stdout().lock();
                spilled
                    .rewind()
                    .and_then(|_| std::io::copy(&mut spilled, &mut stdout))
                    .and_then(|_| stdout.flush())
                    .map(drop)
                    .map_err(|e| Error::io(&self.path, e))
            }
            Destination::Text(_) => Ok(()),
        }
    }

    /// The run is complete: sync the file and describe it; the temporary file is
    /// returned for the rename phase.
    pub fn close(self) -> Result<(WrittenFile, Option<TempFile>)> {
        let (bytes, hash) = match self.destination {
            Destination::Text(writer) => writer.finish(&self.path)?,
            // A binary writer does not hand out its bytes: read the finished file.
            Destination::Binary(_) => match &self.temp {
                Some(temp) => hash_file(&temp.temp, &self.path)?,
                None => (0, Sha256::new()),
            },
        };
        if let Some(temp) = &self.temp {
            temp.sync()?;
        }
        let written = WrittenFile {
            entity: Some(self.entity),
            path: self.path,
            rows: self.rows,
            bytes,
            sha256: hex(&hash.finalize()),
        };
        Ok((written, self.temp))
    }

    /// Whether this file is a table of a file holding several (nothing of its own to
    /// commit or list).
    pub fn is_table_of_database(&self) -> bool {
        self.temp.is_none() && matches!(self.destination, Destination::Binary(_))
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Size and hash of a finished file.
pub fn hash_file(file: &Path, path: &Path) -> Result<(u64, Sha256)> {
    let mut hash = Sha256::new();
    // Reads of a megabyte: the database is large, and `io::copy`'s default of a few
    // kilobytes costs a system call per few kilobytes.
    let mut reader = std::io::BufReader::with_capacity(
        1 << 20,
        File::open(file).map_err(|e| Error::io(path, e))?,
    );
    let bytes = std::io::copy(&mut reader, &mut hash).map_err(|e| Error::io(path, e))?;
    Ok((bytes, hash))
}
