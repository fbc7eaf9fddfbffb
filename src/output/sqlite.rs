//! SQLite, so a whole dataset opens with one `sqlite3 ecomgen.db`: the tables, keys and
//! checks of `--format sql --dialect sqlite`, filled through prepared statements with
//! the values that format's INSERTs hold.

use super::sql::Dialect;
use super::{Encoded, Encoder, Format, Script, Sink, Writer};
use crate::error::{Error, Result};
use crate::model::Id;
use crate::model::cells::{RowCells, Value};
use crate::schema::TableSpec;
use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Appends one row's values as the SQL format's SQLite INSERTs write them: booleans as
/// 0 and 1, money as its decimal text (which the NUMERIC column stores as the number
/// the literal would give), timestamps, dates and ids as text.
pub fn append_row<'a>(values: impl Iterator<Item = Value<'a>>, out: &mut Vec<SqlValue>) {
    for value in values {
        out.push(match value {
            Value::Null => SqlValue::Null,
            Value::Boolean(b) => SqlValue::Integer(i64::from(b)),
            Value::Integer(v) => SqlValue::Integer(v),
            Value::Text(s) => SqlValue::Text(s.to_string()),
            Value::Uuid(bytes) => SqlValue::Text(Id(*bytes).encode(&mut [0; 36]).to_string()),
            other => {
                let mut text = Vec::with_capacity(24);
                other.write_text(&mut text);
                SqlValue::Text(String::from_utf8(text).expect("ascii"))
            }
        });
    }
}

/// The run's database file, open for writing.
pub struct Database {
    connection: Connection,
    /// The file's final name, for messages.
    path: PathBuf,
}

impl Database {
    /// Creates every table in the empty file `file`, which becomes `path` when the run
    /// completes. `enforce_keys` is false when rows point into rows written elsewhere
    /// (a subset of entities, one part of several).
    pub fn create(file: &Path, path: &Path, enforce_keys: bool) -> Result<Database> {
        let error = |e| sql_error(path, None, e);
        // One thread writes the database: SQLite's own locking would only cost time.
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
            | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(file, flags).map_err(error)?;
        // The file stays temporary until it is complete and synced, and a failed run
        // deletes it, so nothing needs a journal to roll back to.
        connection
            .execute_batch(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;",
            )
            .map_err(error)?;
        connection
            .execute_batch(&super::sql::ddl(Dialect::Sqlite))
            .map_err(error)?;
        if !enforce_keys {
            connection
                .execute_batch("PRAGMA foreign_keys = OFF;")
                .map_err(error)?;
        }
        Ok(Database {
            connection,
            path: path.to_path_buf(),
        })
    }

    pub fn begin(&self) -> Result<()> {
        self.connection
            .execute_batch("BEGIN")
            .map_err(|e| sql_error(&self.path, None, e))
    }

    pub fn commit(&self) -> Result<()> {
        self.connection
            .execute_batch("COMMIT")
            .map_err(|e| sql_error(&self.path, None, e))
    }

    /// Inserts rows of `file` given as values in field order (see `append_row`).
    pub fn insert(&self, file: &TableSpec, values: &[SqlValue]) -> Result<()> {
        let error = |e| sql_error(&self.path, Some(file.name), e);
        let columns: Vec<&str> = file.fields.iter().map(|f| f.name).collect();
        let placeholders = vec!["?"; columns.len()].join(", ");
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "INSERT INTO {} ({}) VALUES ({placeholders})",
                file.name,
                columns.join(", ")
            ))
            .map_err(error)?;
        for row in values.chunks(columns.len()) {
            statement
                .execute(rusqlite::params_from_iter(row))
                .map_err(error)?;
        }
        Ok(())
    }

    /// Closes the database; its file is complete once this returns.
    pub fn close(self) -> Result<()> {
        self.connection
            .close()
            .map_err(|(_, e)| sql_error(&self.path, None, e))
    }
}

/// The SQLite format: the run's one database, which every table's sink fills.
pub struct Sqlite {
    database: Database,
}

impl Sqlite {
    pub fn new(database: Database) -> Sqlite {
        Sqlite { database }
    }
}

impl Writer for Sqlite {
    fn format(&self) -> Format {
        Format::Sqlite
    }

    fn encoder(&self, tables: &[&'static TableSpec]) -> Box<dyn Encoder> {
        Box::new(ValuesEncoder {
            files: vec![Vec::new(); tables.len()],
        })
    }

    fn sink<'a>(
        &'a self,
        table: &'static TableSpec,
        _: Option<File>,
        _: &Path,
    ) -> Result<Box<dyn Sink + 'a>> {
        Ok(Box::new(TableSink {
            database: &self.database,
            table,
        }))
    }

    // One transaction per entity: order items must follow their orders' rows, which
    // arrive chunk by chunk, for their foreign key to resolve.
    fn begin_entity(&self) -> Result<()> {
        self.database.begin()
    }

    fn end_entity(&self) -> Result<()> {
        self.database.commit()
    }

    // The same reconciliation query as the SQL format's, for `sqlite3 ecomgen.db
    // < reconcile.sql`: every count is 0 for data ecomgen wrote.
    fn scripts(
        &self,
        _data_files: &[String],
        _tables: &[&'static TableSpec],
        _first_part: bool,
    ) -> Vec<Script> {
        vec![Script {
            stem: "reconcile",
            per_part: false,
            text: super::sql::RECONCILE.to_string(),
        }]
    }

    fn finish(self: Box<Self>) -> Result<()> {
        self.database.close()
    }
}

struct ValuesEncoder {
    files: Vec<Vec<SqlValue>>,
}

impl Encoder for ValuesEncoder {
    fn encode(&mut self, row: &RowCells, files: &mut [Encoded]) -> Result<()> {
        append_row(row.own(), &mut self.files[0]);
        files[0].rows += 1;
        if let Some(children) = self.files.get_mut(1) {
            for child in 0..row.child_count() {
                append_row(row.child(child), children);
                files[1].rows += 1;
            }
        }
        Ok(())
    }

    fn finish_chunk(&mut self, files: &mut [Encoded]) -> Result<()> {
        for (encoded, values) in files.iter_mut().zip(&mut self.files) {
            encoded.typed = Some(Box::new(std::mem::take(values)));
        }
        Ok(())
    }
}

struct TableSink<'a> {
    database: &'a Database,
    table: &'static TableSpec,
}

impl Sink for TableSink<'_> {
    fn write(&mut self, chunk: Encoded) -> Result<()> {
        match chunk.typed.and_then(|t| t.downcast::<Vec<SqlValue>>().ok()) {
            Some(values) => self.database.insert(self.table, &values),
            None => Err(Error::Runtime(format!(
                "{}: a chunk without its values",
                self.table.name
            ))),
        }
    }

    fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}

fn sql_error(path: &Path, table: Option<&str>, e: rusqlite::Error) -> Error {
    match table {
        Some(table) => Error::Runtime(format!("{}: table {table}: {e}", path.display())),
        None => Error::Runtime(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Field, FieldType, Table};

    #[test]
    fn money_text_is_stored_as_the_literal_would_be() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.db");
        let db = Database::create(&file, &file, true).unwrap();
        db.connection
            .execute_batch("CREATE TABLE m (v NUMERIC(12,2)); INSERT INTO m VALUES (1.50), (5.00);")
            .unwrap();
        let mut values = Vec::new();
        append_row(
            [Value::Cents(150), Value::Cents(500)].into_iter(),
            &mut values,
        );
        assert_eq!(values[0], SqlValue::Text("1.50".into()));
        const M: &[Field] = &[Field::new("v", FieldType::Money, "")];
        let table = TableSpec {
            table: Table::Users,
            name: "m",
            row_tag: "m",
            fields: M,
            nesting: None,
        };
        db.insert(&table, &values).unwrap();
        let mut statement = db
            .connection
            .prepare("SELECT typeof(v), v FROM m ORDER BY rowid")
            .unwrap();
        let rows: Vec<(String, f64)> = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows[..2], rows[2..]);
        assert_eq!(rows[0], ("real".to_string(), 1.5));
        assert_eq!(rows[1], ("integer".to_string(), 5.0));
    }
}
