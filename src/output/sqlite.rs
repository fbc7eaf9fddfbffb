//! SQLite, so a whole dataset opens with one `sqlite3 ecomgen.db`: the tables, keys and
//! checks of `--format sql --dialect sqlite`, filled through prepared statements with
//! the values that format's INSERTs hold.

use super::encoding_error;
use crate::error::{Error, Result};
use crate::schema::FileSpec;
use crate::sql::Dialect;
use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Appends one row's values in field order, as the SQL format's SQLite INSERTs write
/// them: booleans as 0 and 1, money as its decimal text (which the NUMERIC column
/// stores as the number the literal would give), timestamps and dates as ISO text.
pub fn append_row(file: &FileSpec, row: &Value, out: &mut Vec<SqlValue>) -> Result<()> {
    for field in file.fields {
        let value = match row.get(field.name) {
            None | Some(Value::Null) => Some(SqlValue::Null),
            Some(Value::Bool(b)) => Some(SqlValue::Integer(i64::from(*b))),
            Some(Value::String(s)) => Some(SqlValue::Text(s.clone())),
            Some(Value::Number(n)) => n.as_i64().map(SqlValue::Integer),
            Some(_) => None,
        };
        let Some(value) = value else {
            return Err(encoding_error(format_args!(
                "{}.{}: {} is not a {} value",
                file.name,
                field.name,
                row[field.name],
                field.ty.name()
            )));
        };
        out.push(value);
    }
    Ok(())
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
        let connection = Connection::open(file).map_err(error)?;
        // The file stays temporary until it is complete and synced, so no rollback
        // journal on disk is needed; rollback itself still works from memory.
        connection
            .execute_batch(
                "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;",
            )
            .map_err(error)?;
        connection
            .execute_batch(&crate::sql::ddl(Dialect::Sqlite))
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
    pub fn insert(&self, file: &FileSpec, values: &[SqlValue]) -> Result<()> {
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

fn sql_error(path: &Path, table: Option<&str>, e: rusqlite::Error) -> Error {
    match table {
        Some(table) => Error::Runtime(format!("{}: table {table}: {e}", path.display())),
        None => Error::Runtime(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Field, FieldType};
    use serde_json::json;

    const FIELDS: &[Field] = &[
        Field::new("total", FieldType::Money, ""),
        Field::new("at", FieldType::Timestamp, "").nullable(),
        Field::new("active", FieldType::Boolean, ""),
        Field::new("n", FieldType::Integer, ""),
    ];
    const FILE: FileSpec = FileSpec {
        name: "t",
        row_tag: "t",
        fields: FIELDS,
    };

    #[test]
    fn values_are_those_of_the_sqlite_inserts() {
        let mut values = Vec::new();
        append_row(
            &FILE,
            &json!({"total": "1.50", "at": null, "active": true, "n": 7}),
            &mut values,
        )
        .unwrap();
        assert_eq!(
            values,
            [
                SqlValue::Text("1.50".into()),
                SqlValue::Null,
                SqlValue::Integer(1),
                SqlValue::Integer(7)
            ]
        );
        assert!(append_row(&FILE, &json!({"n": 1.5}), &mut values).is_err());
    }

    #[test]
    fn money_text_is_stored_as_the_literal_would_be() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.db");
        let db = Database::create(&file, &file, true).unwrap();
        db.connection
            .execute_batch("CREATE TABLE m (v NUMERIC(12,2)); INSERT INTO m VALUES (1.50), (5.00);")
            .unwrap();
        let mut values = Vec::new();
        for text in ["1.50", "5.00"] {
            values.push(SqlValue::Text(text.into()));
        }
        const M: &[Field] = &[Field::new("v", FieldType::Money, "")];
        db.insert(
            &FileSpec {
                name: "m",
                row_tag: "m",
                fields: M,
            },
            &values,
        )
        .unwrap();
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
