//! SQLite, so a whole dataset opens with one `sqlite3 ecomgen.db`: the tables, keys and
//! checks of `--format sql --dialect sqlite`, filled through prepared statements with
//! the values that format's INSERTs hold.

mod keys;

use super::sql::{Dialect, Keys};
use super::{Encoded, Encoder, Format, Script, Sink, Writer};
use crate::error::{Error, Result};
use crate::model::cells::{RowCells, Value};
use crate::schema::{Table, TableSpec};
use keys::Declared;
use rusqlite::Connection;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Rows per INSERT statement: a statement's own cost is paid once for all of them.
/// More rows stop paying off when their text outgrows the connection's small
/// allocations (measured: 16 beats both 4 and 64).
const ROWS_PER_INSERT: usize = 16;

/// One value as SQLite binds it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cell {
    Null,
    Integer(i64),
    /// A range of `Rows::text`.
    Text(usize, usize),
}

/// A chunk's rows of one table, values in field order, as the SQL format's SQLite
/// INSERTs write them: booleans as 0 and 1, money as its decimal text (which the
/// NUMERIC column stores as the number the literal would give), timestamps, dates and
/// ids as text. The text of every value shares one buffer, so a row allocates nothing.
#[derive(Debug)]
pub struct Rows {
    text: String,
    cells: Vec<Cell>,
}

/// `Rows` being filled by a worker: each value's text as `Value::write_text` writes
/// it, checked to be UTF-8 once per chunk rather than once per value.
#[derive(Debug, Default)]
pub struct RowsBuilder {
    text: Vec<u8>,
    cells: Vec<Cell>,
}

impl RowsBuilder {
    pub fn push<'a>(&mut self, values: impl Iterator<Item = Value<'a>>) {
        for value in values {
            let cell = match value {
                Value::Null => Cell::Null,
                Value::Boolean(b) => Cell::Integer(i64::from(b)),
                Value::Integer(v) => Cell::Integer(v),
                text => {
                    let start = self.text.len();
                    text.write_text(&mut self.text);
                    Cell::Text(start, self.text.len())
                }
            };
            self.cells.push(cell);
        }
    }

    /// The rows pushed since the last call.
    pub fn finish(&mut self) -> Rows {
        let text = std::mem::take(&mut self.text);
        Rows {
            text: String::from_utf8(text).expect("values write their text as UTF-8"),
            cells: std::mem::take(&mut self.cells),
        }
    }
}

impl Rows {
    fn bind(
        &self,
        cell: Cell,
        statement: &mut rusqlite::Statement,
        index: usize,
    ) -> rusqlite::Result<()> {
        match cell {
            Cell::Null => statement.raw_bind_parameter(index, rusqlite::types::Null),
            Cell::Integer(v) => statement.raw_bind_parameter(index, v),
            Cell::Text(start, end) => statement.raw_bind_parameter(index, &self.text[start..end]),
        }
    }
}

/// The run's database file, open for writing.
pub struct Database {
    connection: Connection,
    /// The schema the finished file has; the tables are loaded without its keys.
    declared: Declared,
    /// The file's final name, for messages.
    path: PathBuf,
}

impl Database {
    /// Creates every table in the empty file `file`, which becomes `path` when the run
    /// completes.
    pub fn create(file: &Path, path: &Path) -> Result<Database> {
        let error = |e| sql_error(path, None, e);
        // One thread writes the database: SQLite's own locking would only cost time.
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
            | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(file, flags).map_err(error)?;
        // The file stays temporary until it is complete and synced, and a failed run
        // deletes it, so nothing needs a journal to roll back to.
        // Pages of 16 KiB rather than 4: a quarter of the pages to fill, split and sort
        // into indexes (measured: about 7% less time for the whole load).
        connection
            .execute_batch(
                "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; \
                 PRAGMA cache_size = -65536;",
            )
            .map_err(error)?;
        // Both schemas from the same tables: the keys are built over these columns.
        let tables = Table::load_order();
        let ddl = |keys| super::sql::ddl_with_keys(Dialect::Sqlite, &tables, keys);
        let declared = Declared::read(&ddl(Keys::Declared)).map_err(error)?;
        connection
            .execute_batch(&ddl(Keys::Deferred))
            .map_err(error)?;
        // The schema declares every key and check, and any later connection has them
        // enforced (foreign keys once it turns them on, as the SQL format's script
        // does). The load itself skips foreign keys and CHECKs, as a bulk load does:
        // the generator makes every row meet them (the tests run `PRAGMA
        // foreign_key_check` on its databases and load the SQL format's same values
        // with every check on), and checking them row by row took a third of the
        // load: a lookup in the parent's index per key, and a search of a temporary
        // index per `IN (...)` list. Primary keys and UNIQUE stay checked, at the
        // end, when their indexes are built (see `keys`).
        connection
            .execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;")
            .map_err(error)?;
        connection.set_prepared_statement_cache_capacity(64);
        Ok(Database {
            connection,
            declared,
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

    /// Inserts rows of `file`, `ROWS_PER_INSERT` to a statement.
    pub fn insert(&self, file: &TableSpec, rows: &Rows) -> Result<()> {
        let error = |e| sql_error(&self.path, Some(file.name), e);
        let width = file.fields.len();
        for batch in rows.cells.chunks(width * ROWS_PER_INSERT) {
            let mut statement = self
                .connection
                .prepare_cached(&insert_statement(file, batch.len() / width))
                .map_err(error)?;
            for (index, cell) in batch.iter().enumerate() {
                rows.bind(*cell, &mut statement, index + 1).map_err(error)?;
            }
            statement.raw_execute().map_err(error)?;
        }
        Ok(())
    }

    /// Builds the keys' indexes and closes the database; its file is complete once
    /// this returns.
    pub fn close(self) -> Result<()> {
        self.declared
            .build(&self.connection)
            .map_err(|e| sql_error(&self.path, None, e))?;
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
            files: tables.iter().map(|_| RowsBuilder::default()).collect(),
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

    // One transaction per entity (or per pass over orders, which fills several tables
    // at once): each commit writes out those pages, where a transaction for the whole
    // run would hold every changed page until its end.
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
    files: Vec<RowsBuilder>,
}

impl Encoder for ValuesEncoder {
    fn encode(&mut self, row: &RowCells, files: &mut [Encoded]) -> Result<()> {
        self.files[0].push(row.own());
        files[0].rows += 1;
        if let Some(children) = self.files.get_mut(1) {
            for child in 0..row.child_count() {
                children.push(row.child(child));
                files[1].rows += 1;
            }
        }
        Ok(())
    }

    fn finish_chunk(&mut self, files: &mut [Encoded]) -> Result<()> {
        for (encoded, values) in files.iter_mut().zip(&mut self.files) {
            encoded.typed = Some(Box::new(values.finish()));
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
        match chunk.typed.and_then(|t| t.downcast::<Rows>().ok()) {
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

/// `INSERT INTO file (fields) VALUES (?, ...), ...` for `rows` rows.
fn insert_statement(file: &TableSpec, rows: usize) -> String {
    let columns: Vec<&str> = file.fields.iter().map(|f| f.name).collect();
    let row = format!("({})", vec!["?"; columns.len()].join(", "));
    let values = vec![row.as_str(); rows].join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES {values}",
        file.name,
        columns.join(", ")
    )
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

    const M: &[Field] = &[Field::new("v", FieldType::Money, "").nullable()];
    const TABLE: TableSpec = TableSpec {
        table: Table::Users,
        name: "m",
        row_tag: "m",
        fields: M,
        nesting: None,
    };

    fn values(db: &Database) -> Vec<(String, Option<f64>)> {
        let mut statement = db
            .connection
            .prepare("SELECT typeof(v), v FROM m ORDER BY rowid")
            .unwrap();
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    /// A new database with table `m` (one money column), after `sql`.
    fn database(sql: &str) -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.db");
        let db = Database::create(&file, &file).unwrap();
        db.connection
            .execute_batch(&format!("CREATE TABLE m (v NUMERIC(12,2)); {sql}"))
            .unwrap();
        (dir, db)
    }

    #[test]
    fn money_text_is_stored_as_the_literal_would_be() {
        let (_dir, db) = database("INSERT INTO m VALUES (1.50), (5.00);");
        let mut builder = RowsBuilder::default();
        builder.push([Value::Cents(150), Value::Cents(500)].into_iter());
        let rows = builder.finish();
        assert_eq!((rows.cells[0], &rows.text[..4]), (Cell::Text(0, 4), "1.50"));
        db.insert(&TABLE, &rows).unwrap();
        let stored = values(&db);
        assert_eq!(stored[..2], stored[2..]);
        assert_eq!(stored[0], ("real".to_string(), Some(1.5)));
        assert_eq!(stored[1], ("integer".to_string(), Some(5.0)));
    }

    #[test]
    fn rows_past_a_whole_statement_are_inserted_in_order() {
        let (_dir, db) = database("");
        let n = 2 * ROWS_PER_INSERT + 3;
        let mut rows = RowsBuilder::default();
        for i in 0..n as i64 {
            let value = if i % 5 == 4 {
                Value::Null
            } else {
                Value::Cents(i * 100)
            };
            rows.push(std::iter::once(value));
        }
        db.insert(&TABLE, &rows.finish()).unwrap();
        let stored = values(&db);
        assert_eq!(stored.len(), n);
        for (i, (_, v)) in stored.iter().enumerate() {
            let expected = (i % 5 != 4).then_some(i as f64);
            assert_eq!(*v, expected, "row {i}");
        }
    }
}
