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

/// Files read one after another as one stream, each hashed on its own: the parts of
/// a partitioned run concatenate to the whole file.
pub struct Concatenation<R> {
    files: Vec<(String, Hashing<R>)>,
    current: usize,
}

impl<R: Read> Concatenation<R> {
    pub fn new(files: Vec<(String, R)>) -> Self {
        let files = files
            .into_iter()
            .map(|(name, file)| (name, Hashing::new(file)))
            .collect();
        Concatenation { files, current: 0 }
    }

    /// The fingerprint of each file, by name.
    pub fn finish(self) -> io::Result<Vec<(String, Fingerprint)>> {
        self.files
            .into_iter()
            .map(|(name, file)| Ok((name, file.finish()?)))
            .collect()
    }
}

impl<R: Read> Read for Concatenation<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while let Some((_, file)) = self.files.get_mut(self.current) {
            let n = file.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            self.current += 1;
        }
        Ok(0)
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

    #[test]
    fn parts_read_as_one_stream_and_are_hashed_apart() {
        let parts = vec![("a".to_string(), &b"ab"[..]), ("b".to_string(), &b"c"[..])];
        let mut all = Concatenation::new(parts);
        let mut text = String::new();
        all.read_to_string(&mut text).unwrap();
        assert_eq!(text, "abc");
        let prints = all.finish().unwrap();
        assert_eq!((prints[0].1.bytes, prints[1].1.bytes), (2, 1));
    }
}
