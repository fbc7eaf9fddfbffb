//! Bytes on their way to a file or standard output, written and hashed (for the
//! manifest). With threads to spare, on a thread of their own: the generating thread
//! hands each chunk over and goes on, so neither the copy into the file nor the SHA-256
//! costs it time. A one-thread run writes and hashes in place, so that it keeps one
//! core busy and no more (a cluster task given one core is not throttled).

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// Chunks waiting for the thread; beyond this the generator waits, so memory stays
/// bounded when the disk is slower than generation.
const IN_FLIGHT: usize = 4;

enum Message {
    /// Bytes to write from the offset on.
    Bytes(Vec<u8>, usize),
    /// Write out what is buffered and say how it went.
    Flush(SyncSender<io::Result<()>>),
}

/// What the thread hands back: bytes written and their hash.
type Written = (u64, Sha256);

/// Where the writing and hashing happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hashing {
    /// On the calling thread, as each chunk comes.
    InPlace,
    /// On a thread of the file's own.
    Beside,
}

pub enum HashedWriter {
    InPlace(HashingFile),
    Beside(Beside),
}

/// The file and the hash of what went into it, on whichever thread writes.
pub struct HashingFile {
    out: BufWriter<Box<dyn Write + Send>>,
    hash: Sha256,
    written: u64,
}

impl HashingFile {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.hash.update(bytes);
        self.written += bytes.len() as u64;
        Ok(())
    }
}

pub struct Beside {
    sender: Option<SyncSender<Message>>,
    thread: Option<JoinHandle<Written>>,
    /// Set by the thread when a write fails; the next write asks what happened.
    failed: Arc<AtomicBool>,
}

impl HashedWriter {
    pub fn new(inner: Box<dyn Write + Send>, buffer: usize, hashing: Hashing) -> Self {
        let file = HashingFile {
            out: BufWriter::with_capacity(buffer, inner),
            hash: Sha256::new(),
            written: 0,
        };
        match hashing {
            Hashing::InPlace => HashedWriter::InPlace(file),
            Hashing::Beside => {
                let (sender, receiver) = sync_channel(IN_FLIGHT);
                let failed = Arc::new(AtomicBool::new(false));
                let flag = Arc::clone(&failed);
                let thread = std::thread::spawn(move || write_and_hash(file, receiver, &flag));
                HashedWriter::Beside(Beside {
                    sender: Some(sender),
                    thread: Some(thread),
                    failed,
                })
            }
        }
    }

    /// Writes or queues `bytes[skip..]`; a failure shows at this call or a later one.
    pub fn write(&mut self, bytes: Vec<u8>, skip: usize, path: &Path) -> Result<()> {
        match self {
            HashedWriter::InPlace(file) => file.put(&bytes[skip..]).map_err(|e| Error::io(path, e)),
            HashedWriter::Beside(w) => {
                if w.failed.load(Ordering::Acquire) {
                    return w.flush(path);
                }
                w.send(Message::Bytes(bytes, skip), path)
            }
        }
    }

    /// Waits until everything given is written.
    pub fn flush(&mut self, path: &Path) -> Result<()> {
        match self {
            HashedWriter::InPlace(file) => file.out.flush().map_err(|e| Error::io(path, e)),
            HashedWriter::Beside(w) => w.flush(path),
        }
    }

    /// Everything written: its size and hash.
    pub fn finish(mut self, path: &Path) -> Result<Written> {
        self.flush(path)?;
        match self {
            HashedWriter::InPlace(file) => Ok((file.written, file.hash)),
            HashedWriter::Beside(mut w) => {
                w.sender = None;
                let thread = w.thread.take().expect("joined once");
                thread.join().map_err(|_| gone(path))
            }
        }
    }
}

impl Beside {
    fn flush(&mut self, path: &Path) -> Result<()> {
        let (reply, answer) = sync_channel(1);
        self.send(Message::Flush(reply), path)?;
        match answer.recv() {
            Ok(result) => result.map_err(|e| Error::io(path, e)),
            Err(_) => Err(gone(path)),
        }
    }

    fn send(&self, message: Message, path: &Path) -> Result<()> {
        let sender = self.sender.as_ref().expect("not finished");
        sender.send(message).map_err(|_| gone(path))
    }
}

impl Drop for Beside {
    /// An abandoned file (a failed or interrupted run) lets its thread end.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn gone(path: &Path) -> Error {
    Error::Runtime(format!("{}: the writing thread stopped", path.display()))
}

fn write_and_hash(
    mut file: HashingFile,
    messages: Receiver<Message>,
    failed: &AtomicBool,
) -> Written {
    let mut error: Option<io::Error> = None;
    for message in messages {
        match message {
            Message::Bytes(bytes, skip) => {
                if error.is_some() {
                    continue;
                }
                if let Err(e) = file.put(&bytes[skip..]) {
                    error = Some(e);
                    failed.store(true, Ordering::Release);
                }
            }
            Message::Flush(reply) => {
                let result = match &error {
                    Some(e) => Err(io::Error::new(e.kind(), e.to_string())),
                    None => file.out.flush(),
                };
                let _ = reply.send(result);
            }
        }
    }
    (file.written, file.hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that fails once it holds `limit` bytes, like a full disk.
    struct Small(usize);

    impl Write for Small {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    const BOTH: [Hashing; 2] = [Hashing::InPlace, Hashing::Beside];

    #[test]
    fn the_hash_is_of_the_bytes_written_after_each_skip() {
        for hashing in BOTH {
            let mut writer = HashedWriter::new(Box::new(io::sink()), 16, hashing);
            let path = Path::new("t");
            writer.write(b",abc".to_vec(), 1, path).unwrap();
            writer
                .write(b"defghijklmnopqrstuvwxyz".to_vec(), 0, path)
                .unwrap();
            let (bytes, hash) = writer.finish(path).unwrap();
            assert_eq!(bytes, 26, "{hashing:?}");
            assert_eq!(
                hash.finalize(),
                Sha256::digest(b"abcdefghijklmnopqrstuvwxyz"),
                "{hashing:?}"
            );
        }
    }

    #[test]
    fn a_failed_write_is_reported_by_a_later_call() {
        for hashing in BOTH {
            let mut writer = HashedWriter::new(Box::new(Small(10)), 0, hashing);
            let path = Path::new("full.csv");
            let mut outcome = Ok(());
            for _ in 0..100 {
                outcome = outcome.and_then(|()| writer.write(vec![b'x'; 8], 0, path));
            }
            let err = outcome.and_then(|()| writer.flush(path)).unwrap_err();
            assert!(err.to_string().contains("full.csv"), "{hashing:?}: {err}");
        }
    }
}
