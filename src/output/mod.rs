//! Formats: one encoder per format turns rows into bytes. Encoders work on chunks in
//! memory, so workers can encode in parallel while one writer emits chunks in order.
//! What a file holds before its first row and after its last (a CSV header, `[`, the
//! XML root) is separate, so part files concatenate to the single-run file. The binary
//! formats (Parquet, SQLite) hand their writer typed rows instead of bytes.

mod csv;
mod json;
pub mod parquet;
pub mod sqlite;
pub mod xml;

use crate::error::{Error, Result};
use crate::generate::Record;
use crate::schema::FileSpec;
use crate::sql::Dialect;

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
    /// SQL for --dialect's database: COPY blocks (PostgreSQL) or INSERTs, plus schema.sql
    /// and load.sql; order items in order_items.sql.
    Sql,
    /// Parquet, one typed file per entity (DuckDB, pandas, Spark); order items in
    /// order_items.parquet.
    Parquet,
    /// One SQLite database, ecomgen.db, with every table and constraint of --format sql.
    Sqlite,
}

impl Format {
    /// The name `--format` takes ("sqlite", where the file extension is "db").
    pub fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Xml => "xml",
            Format::Sql => "sql",
            Format::Parquet => "parquet",
            Format::Sqlite => "db",
        }
    }

    /// Flat formats write nested children (order items) to a file of their own.
    pub fn is_flat(self) -> bool {
        matches!(
            self,
            Format::Csv | Format::Sql | Format::Parquet | Format::Sqlite
        )
    }

    /// Binary formats cannot go to standard output, and their rows reach the writer
    /// typed (`Chunk::typed`) rather than as bytes.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Parquet | Format::Sqlite)
    }

    /// Whether every part file carries the prologue and epilogue: SQL parts must each
    /// load alone; other formats put them in the first and last part only, so parts
    /// concatenate to the single-run file.
    pub fn frames_every_part(self) -> bool {
        self == Format::Sql
    }

    /// Bytes before the first row of a file.
    pub fn prologue(self, file: &FileSpec, dialect: Dialect) -> Vec<u8> {
        match self {
            Format::Sql => crate::sql::prologue(dialect, file).into_bytes(),
            Format::Csv => csv::header(file),
            Format::Json => b"[".to_vec(),
            Format::Jsonl | Format::Parquet | Format::Sqlite => Vec::new(),
            Format::Xml => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{}>\n",
                file.name
            )
            .into_bytes(),
        }
    }

    /// Bytes after the last row of a file.
    pub fn epilogue(self, file: &FileSpec, dialect: Dialect) -> Vec<u8> {
        match self {
            Format::Sql => crate::sql::epilogue(dialect).as_bytes().to_vec(),
            Format::Csv | Format::Jsonl | Format::Parquet | Format::Sqlite => Vec::new(),
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

/// Encoded rows of one chunk: for each file of the entity, its bytes (or typed rows)
/// and row count.
#[derive(Default)]
pub struct Chunk {
    pub bytes: [Vec<u8>; 2],
    pub rows: [u64; 2],
    pub typed: [Typed; 2],
}

/// One file's rows of a chunk in a binary format.
#[derive(Default)]
pub enum Typed {
    #[default]
    None,
    Parquet(arrow_array::RecordBatch),
    /// Row after row, one value per field.
    Sqlite(Vec<rusqlite::types::Value>),
}

/// Turns rows into bytes for one format; one per worker, reused across chunks. The
/// binary formats collect typed rows per file instead (Arrow column builders, SQLite
/// values) and move them into the chunk when it is finished.
pub enum Encoder {
    Csv(Box<csv::CsvEncoder>),
    Json { lines: bool },
    Xml(xml::XmlEncoder),
    Sql(Dialect),
    Parquet(Vec<parquet::Columns>),
    Sqlite(Box<[Vec<rusqlite::types::Value>; 2]>),
}

impl Encoder {
    /// An encoder for rows of the entity whose files are `files`.
    pub fn new(format: Format, dialect: Dialect, files: &[FileSpec]) -> Self {
        match format {
            Format::Sql => Encoder::Sql(dialect),
            Format::Parquet => Encoder::Parquet(files.iter().map(parquet::Columns::new).collect()),
            Format::Sqlite => Encoder::Sqlite(Box::default()),
            Format::Csv => Encoder::Csv(Box::new(csv::CsvEncoder::new())),
            Format::Json => Encoder::Json { lines: false },
            Format::Jsonl => Encoder::Json { lines: true },
            Format::Xml => Encoder::Xml(xml::XmlEncoder::new()),
        }
    }

    /// Encodes `row` of the entity whose files are `files` (its own, then the child file
    /// of flat formats).
    pub fn encode<R: Record>(
        &mut self,
        row: &R,
        chunk: &mut Chunk,
        files: &[FileSpec],
    ) -> Result<()> {
        chunk.rows[0] += 1;
        match self {
            Encoder::Csv(e) => e.encode(row, chunk),
            Encoder::Json { lines } => json::encode(row, *lines, &mut chunk.bytes[0]),
            Encoder::Xml(e) => e.encode(row, files[0].row_tag, &mut chunk.bytes[0]),
            Encoder::Sql(dialect) => {
                let flat = serde_json::to_value(row.flat()).map_err(encoding_error)?;
                crate::sql::encode_row(*dialect, &files[0], &flat, &mut chunk.bytes[0]);
                let bytes = &mut chunk.bytes[1];
                each_child(row, files, &mut chunk.rows[1], |child| {
                    crate::sql::encode_row(*dialect, &files[1], child, bytes);
                    Ok(())
                })
            }
            Encoder::Parquet(columns) => {
                let flat = serde_json::to_value(row.flat()).map_err(encoding_error)?;
                columns[0].append(&flat)?;
                each_child(row, files, &mut chunk.rows[1], |child| {
                    columns[1].append(child)
                })
            }
            Encoder::Sqlite(values) => {
                let flat = serde_json::to_value(row.flat()).map_err(encoding_error)?;
                let [own, children] = &mut **values;
                sqlite::append_row(&files[0], &flat, own)?;
                each_child(row, files, &mut chunk.rows[1], |child| {
                    sqlite::append_row(&files[1], child, children)
                })
            }
        }
    }

    /// Moves what the encoder still buffers into the chunk.
    pub fn finish_chunk(&mut self, chunk: &mut Chunk) -> Result<()> {
        match self {
            Encoder::Csv(e) => e.finish_chunk(chunk),
            Encoder::Parquet(columns) => {
                for (typed, columns) in chunk.typed.iter_mut().zip(columns) {
                    *typed = Typed::Parquet(columns.finish()?);
                }
                Ok(())
            }
            Encoder::Sqlite(values) => {
                for (typed, values) in chunk.typed.iter_mut().zip(values.iter_mut()) {
                    *typed = Typed::Sqlite(std::mem::take(values));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// Hands each child row (order items) of `row`, as JSON, to `each`, counting them; only
/// when the format writes a child file.
fn each_child<R: Record>(
    row: &R,
    files: &[FileSpec],
    rows: &mut u64,
    mut each: impl FnMut(&serde_json::Value) -> Result<()>,
) -> Result<()> {
    if files.len() < 2 {
        return Ok(());
    }
    let mut outcome = Ok(());
    row.child_rows(&mut |child| {
        if outcome.is_ok() {
            outcome = serde_json::to_value(child)
                .map_err(encoding_error)
                .and_then(|value| each(&value));
            *rows += 1;
        }
    });
    outcome
}

pub(crate) fn encoding_error(e: impl std::fmt::Display) -> Error {
    Error::Runtime(format!("could not encode a row: {e}"))
}
