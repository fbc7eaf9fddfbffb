//! Formats: one encoder per format turns rows into bytes. Encoders work on chunks in
//! memory, so workers can encode in parallel while one writer emits chunks in order.
//! What a file holds before its first row and after its last (a CSV header, `[`, the
//! XML root) is separate, so part files concatenate to the single-run file.

mod csv;
mod json;
mod xml;

use crate::error::{Error, Result};
use crate::generate::Record;
use crate::schema::FileSpec;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Comma-separated values with a header row; order items in order_items.csv.
    Csv,
    /// One JSON array per file, order items nested in each order.
    Json,
    /// JSON Lines: one object per line, order items nested.
    Jsonl,
    /// One XML document per file: <users><user>...</user></users>.
    Xml,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Xml => "xml",
        }
    }

    /// Flat formats write nested children (order items) to a file of their own.
    pub fn is_flat(self) -> bool {
        self == Format::Csv
    }

    /// Bytes before the first row of a file.
    pub fn prologue(self, file: &FileSpec) -> Vec<u8> {
        match self {
            Format::Csv => csv::header(file),
            Format::Json => b"[".to_vec(),
            Format::Jsonl => Vec::new(),
            Format::Xml => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{}>\n",
                file.name
            )
            .into_bytes(),
        }
    }

    /// Bytes after the last row of a file.
    pub fn epilogue(self, file: &FileSpec) -> Vec<u8> {
        match self {
            Format::Csv | Format::Jsonl => Vec::new(),
            Format::Json => b"\n]\n".to_vec(),
            Format::Xml => format!("</{}>\n", file.name).into_bytes(),
        }
    }

    /// Every encoded row starts with a separator this long, which the writer drops
    /// from the first row of a file (JSON's comma).
    pub fn leading_separator(self) -> usize {
        match self {
            Format::Json => 1,
            _ => 0,
        }
    }
}

/// Encoded rows of one chunk: for each file of the entity, its bytes and row count.
#[derive(Default)]
pub struct Chunk {
    pub bytes: [Vec<u8>; 2],
    pub rows: [u64; 2],
}

/// Turns rows into bytes for one format; one per worker, reused across chunks.
pub enum Encoder {
    Csv(Box<csv::CsvEncoder>),
    Json { lines: bool },
    Xml(xml::XmlEncoder),
}

impl Encoder {
    pub fn new(format: Format) -> Self {
        match format {
            Format::Csv => Encoder::Csv(Box::new(csv::CsvEncoder::new())),
            Format::Json => Encoder::Json { lines: false },
            Format::Jsonl => Encoder::Json { lines: true },
            Format::Xml => Encoder::Xml(xml::XmlEncoder::new()),
        }
    }

    pub fn encode<R: Record>(&mut self, row: &R, chunk: &mut Chunk, row_tag: &str) -> Result<()> {
        chunk.rows[0] += 1;
        match self {
            Encoder::Csv(e) => e.encode(row, chunk),
            Encoder::Json { lines } => json::encode(row, *lines, &mut chunk.bytes[0]),
            Encoder::Xml(e) => e.encode(row, row_tag, &mut chunk.bytes[0]),
        }
    }

    /// Moves what the encoder still buffers into the chunk.
    pub fn finish_chunk(&mut self, chunk: &mut Chunk) -> Result<()> {
        match self {
            Encoder::Csv(e) => e.finish_chunk(chunk),
            _ => Ok(()),
        }
    }
}

pub(crate) fn encoding_error(e: impl std::fmt::Display) -> Error {
    Error::Runtime(format!("could not encode a row: {e}"))
}
