//! Formats. Each format is one file here owning everything about it: how its files
//! begin and end, how a row's cells become bytes (or typed columns), and, for binary
//! formats, the sink that writes them. The engine moves chunks of encoded rows and
//! knows no format; adding one is a new file and a line in `Format`.

pub mod csv;
pub mod json;
#[cfg(feature = "parquet")]
pub mod parquet;
mod scan;
pub mod sql;
#[cfg(feature = "sqlite")]
pub mod sqlite;
pub mod xml;

use crate::error::{Error, Result};
use crate::model::cells::RowCells;
use crate::schema::TableSpec;
use std::any::Any;
use std::fs::File;
use std::path::Path;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Json,
    Jsonl,
    Xml,
    Sql,
    Parquet,
    Sqlite,
}

/// What a format is, as the rest of the code needs to know it.
pub struct FormatSpec {
    /// The value of `--format`.
    pub name: &'static str,
    pub extension: &'static str,
    /// One line of help.
    pub about: &'static str,
    /// Flat formats write child tables (order items) to files of their own; tree
    /// formats nest them in their parent's rows.
    pub flat: bool,
    /// Binary formats cannot go to standard output; their rows reach the writer as
    /// typed batches.
    pub binary: bool,
    /// Whether every part file carries the opening and closing (SQL parts must each
    /// load alone); otherwise they go in the first and last part only, so parts
    /// concatenate to the single-run file.
    pub frames_every_part: bool,
    /// Every encoded row starts with a separator this long, which the writer drops
    /// before a file's first row (JSON's comma).
    pub leading_separator: usize,
    /// The stem of the one file every table goes into, for formats that write one
    /// (SQLite's `ecomgen.db`); `None` for a file per table.
    pub single_file: Option<&'static str>,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Csv,
        Format::Json,
        Format::Jsonl,
        Format::Xml,
        Format::Sql,
        Format::Parquet,
        Format::Sqlite,
    ];

    pub fn spec(self) -> &'static FormatSpec {
        match self {
            Format::Csv => &csv::SPEC,
            Format::Json => &json::JSON,
            Format::Jsonl => &json::JSON_LINES,
            Format::Xml => &xml::SPEC,
            Format::Sql => &sql::SPEC,
            Format::Parquet => &PARQUET,
            Format::Sqlite => &SQLITE,
        }
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn extension(self) -> &'static str {
        self.spec().extension
    }

    pub fn is_flat(self) -> bool {
        self.spec().flat
    }

    pub fn is_binary(self) -> bool {
        self.spec().binary
    }

    /// Whether this build can write the format (binary formats are cargo features).
    pub fn is_built(self) -> bool {
        match self {
            Format::Parquet => cfg!(feature = "parquet"),
            Format::Sqlite => cfg!(feature = "sqlite"),
            _ => true,
        }
    }

    /// The tables of an entity this format writes files for: all of them when flat,
    /// the entity's own (children nested) otherwise.
    pub fn files_of(self, tables: &'static [&'static TableSpec]) -> &'static [&'static TableSpec] {
        if self.is_flat() { tables } else { &tables[..1] }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format '{s}' (valid: {})", names.join(", "))
            })
    }
}

/// The binary formats' specs live here so that `Format::spec` answers even in a build
/// without them (the command line can then say the build lacks the feature).
const PARQUET: FormatSpec = FormatSpec {
    name: "parquet",
    extension: "parquet",
    about: "Parquet, one typed file per entity (DuckDB, pandas, Spark); order items in order_items.parquet",
    flat: true,
    binary: true,
    frames_every_part: false,
    leading_separator: 0,
    single_file: None,
};

const SQLITE: FormatSpec = FormatSpec {
    name: "sqlite",
    extension: "db",
    about: "One SQLite database, ecomgen.db, with every table and constraint of --format sql",
    flat: true,
    binary: true,
    frames_every_part: false,
    leading_separator: 0,
    single_file: Some("ecomgen"),
};

/// What a chunk of rows became for one file.
#[derive(Default)]
pub struct Encoded {
    pub rows: u64,
    /// Text formats' bytes.
    pub bytes: Vec<u8>,
    /// A binary format's typed batch, which only its own sink reads.
    pub typed: Option<Box<dyn Any + Send>>,
}

/// Turns rows into encoded chunks; one per worker, reused across chunks.
pub trait Encoder: Send {
    /// Adds one row (and its children) to the chunk: `files[0]` is the entity's own
    /// file, `files[1]` the child file of flat formats.
    fn encode(&mut self, row: &RowCells, files: &mut [Encoded]) -> Result<()>;

    /// The chunk is complete: binary formats move what they built into `files`.
    fn finish_chunk(&mut self, _files: &mut [Encoded]) -> Result<()> {
        Ok(())
    }
}

/// Where a binary format's encoded chunks of one file go.
pub trait Sink {
    fn write(&mut self, chunk: Encoded) -> Result<()>;

    /// Every chunk is in: write what closes the file (a Parquet footer).
    fn finish(&mut self) -> Result<()>;
}

/// One format, set up for one run. Used from the writing thread only; workers get
/// their encoders from it before they start.
pub trait Writer {
    fn format(&self) -> Format;

    /// An encoder for rows of an entity with these tables (its own, then child tables,
    /// which flat formats write as files and tree formats nest).
    fn encoder(&self, tables: &[&'static TableSpec]) -> Box<dyn Encoder>;

    /// Bytes before a text file's first row.
    fn prologue(&self, _table: &TableSpec, _out: &mut Vec<u8>) {}

    /// Bytes after a text file's last row.
    fn epilogue(&self, _table: &TableSpec, _out: &mut Vec<u8>) {}

    /// A binary format's sink for one table, writing into `file` (a temporary file
    /// the engine renames when the run is complete; the SQLite format writes every
    /// table into its one database instead and ignores it).
    fn sink<'a>(
        &'a self,
        _table: &'static TableSpec,
        _file: Option<File>,
        _path: &Path,
    ) -> Result<Box<dyn Sink + 'a>> {
        Err(Error::Runtime(format!(
            "{} is written as text, not through a sink",
            self.format().name()
        )))
    }

    /// Before and after an entity's rows (the SQLite format's transaction).
    fn begin_entity(&self) -> Result<()> {
        Ok(())
    }

    fn end_entity(&self) -> Result<()> {
        Ok(())
    }

    /// What standard output carries before any table (SQL's DDL, so one `| psql` loads
    /// the stream).
    fn stream_prologue(&self, _tables: &[&'static TableSpec]) -> Vec<u8> {
        Vec::new()
    }

    /// Files written beside the data files (SQL's schema, load and reconcile scripts),
    /// given the data files' names, the tables written and whether this is the first
    /// (or only) part: (stem, whether each part has its own, text).
    fn scripts(
        &self,
        _data_files: &[String],
        _tables: &[&'static TableSpec],
        _first_part: bool,
    ) -> Vec<Script> {
        Vec::new()
    }

    /// Every entity is written: close what spans them (the SQLite database).
    fn finish(self: Box<Self>) -> Result<()> {
        Ok(())
    }
}

/// A file a format writes beside its data files.
pub struct Script {
    pub stem: &'static str,
    /// Whether each part of several writes its own (`load.part-0001-of-0002.sql`).
    pub per_part: bool,
    pub text: String,
}

/// Where a run's writer writes, beyond the files the engine opens per table.
pub struct WriterSetup<'a> {
    pub dialect: sql::Dialect,
    /// The temporary file of a format's single file, and its final name.
    pub single_file: Option<(&'a Path, &'a Path)>,
}

/// The writer of `format` for one run.
pub fn writer(format: Format, setup: WriterSetup) -> Result<Box<dyn Writer>> {
    Ok(match format {
        Format::Csv => Box::new(csv::Csv),
        Format::Json => Box::new(json::Json { lines: false }),
        Format::Jsonl => Box::new(json::Json { lines: true }),
        Format::Xml => Box::new(xml::Xml::default()),
        Format::Sql => Box::new(sql::Sql {
            dialect: setup.dialect,
        }),
        #[cfg(feature = "parquet")]
        Format::Parquet => Box::new(parquet::Parquet),
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => return Err(not_built("parquet")),
        #[cfg(feature = "sqlite")]
        Format::Sqlite => {
            let (file, path) = setup
                .single_file
                .ok_or_else(|| Error::Usage("SQLite is written to a file".to_string()))?;
            let database = sqlite::Database::create(file, path)?;
            Box::new(sqlite::Sqlite::new(database))
        }
        #[cfg(not(feature = "sqlite"))]
        Format::Sqlite => return Err(not_built("sqlite")),
    })
}

#[cfg(not(all(feature = "parquet", feature = "sqlite")))]
fn not_built(feature: &str) -> Error {
    Error::Usage(format!(
        "this ecomgen was built without --format {feature}: rebuild with the '{feature}' cargo feature"
    ))
}

pub(crate) fn encoding_error(e: impl std::fmt::Display) -> Error {
    Error::Runtime(format!("could not encode a row: {e}"))
}

/// A text format: its files' opening and closing, and one row's bytes. Rows need no
/// state between them, so every worker encodes with a copy of the format itself.
pub trait TextFormat: Clone + Send + Sync + 'static {
    fn format(&self) -> Format;

    /// The format as one encoder of `tables` uses it: a format may work out once what
    /// every row of those tables repeats (XML's tags).
    fn prepare(&self, _tables: &[&'static TableSpec]) -> Self {
        self.clone()
    }

    fn prologue(&self, _table: &TableSpec, _out: &mut Vec<u8>) {}

    fn epilogue(&self, _table: &TableSpec, _out: &mut Vec<u8>) {}

    fn stream_prologue(&self, _tables: &[&'static TableSpec]) -> Vec<u8> {
        Vec::new()
    }

    fn scripts(
        &self,
        _data_files: &[String],
        _tables: &[&'static TableSpec],
        _first_part: bool,
    ) -> Vec<Script> {
        Vec::new()
    }

    /// Writes one row of an entity with `tables`: to `out[0]` the row, to `out[1]`
    /// its children when the format writes them to a file of their own.
    fn row(&self, tables: &[&'static TableSpec], row: &RowCells, out: &mut [Encoded])
    -> Result<()>;
}

struct TextEncoder<F> {
    format: F,
    tables: Vec<&'static TableSpec>,
}

impl<F: TextFormat> Encoder for TextEncoder<F> {
    fn encode(&mut self, row: &RowCells, files: &mut [Encoded]) -> Result<()> {
        self.format.row(&self.tables, row, files)
    }
}

impl<F: TextFormat> Writer for F {
    fn format(&self) -> Format {
        TextFormat::format(self)
    }

    fn encoder(&self, tables: &[&'static TableSpec]) -> Box<dyn Encoder> {
        Box::new(TextEncoder {
            format: self.prepare(tables),
            tables: tables.to_vec(),
        })
    }

    fn prologue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        TextFormat::prologue(self, table, out)
    }

    fn epilogue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        TextFormat::epilogue(self, table, out)
    }

    fn stream_prologue(&self, tables: &[&'static TableSpec]) -> Vec<u8> {
        TextFormat::stream_prologue(self, tables)
    }

    fn scripts(
        &self,
        data_files: &[String],
        tables: &[&'static TableSpec],
        first_part: bool,
    ) -> Vec<Script> {
        TextFormat::scripts(self, data_files, tables, first_part)
    }
}
