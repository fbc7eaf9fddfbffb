//! The size and sha256 of a file, taken while a reader parses it, so comparing a
//! dataset with its manifest costs no second pass over the files.

use sha2::{Digest, Sha256};
use std::io::{self, Read};

/// What manifest.json records of a file: its size and its sha256 in hex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub bytes: u64,
    pub sha256: String,
}

/// A reader that hashes what passes through it.
pub struct Hashing<R> {
    inner: R,
    hash: Sha256,
    bytes: u64,
}

impl<R: Read> Hashing<R> {
    pub fn new(inner: R) -> Self {
        Hashing {
            inner,
            hash: Sha256::new(),
            bytes: 0,
        }
    }

    /// Reads what the parser left (it may stop at the first problem) and returns the
    /// whole file's fingerprint.
    pub fn finish(mut self) -> io::Result<Fingerprint> {
        io::copy(&mut self, &mut io::sink())?;
        Ok(Fingerprint {
            bytes: self.bytes,
            sha256: self
                .hash
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partly_read_file_is_hashed_whole() {
        let mut reader = Hashing::new(&b"abc"[..]);
        let mut first = [0; 1];
        reader.read_exact(&mut first).unwrap();
        let print = reader.finish().unwrap();
        assert_eq!(print.bytes, 3);
        // sha256("abc"), as sha256sum prints it.
        assert_eq!(
            print.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
