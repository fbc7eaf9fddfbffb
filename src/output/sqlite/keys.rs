//! Primary keys and UNIQUE constraints built after the rows are in: SQLite keeps each
//! in an index, and inserting random UUIDs into a growing index one row at a time took
//! three fifths of a load, where `CREATE UNIQUE INDEX` over the finished table sorts the
//! keys once (a quarter of that time).
//!
//! SQLite cannot add a primary key to an existing table, so the tables are created
//! without their keys, filled, given one unique index per key, and their schema is then
//! made the declared one: each table's entry in `sqlite_schema` takes the text of its
//! declared `CREATE TABLE`, and each index the name SQLite gives the index of that key
//! (`sqlite_autoindex_<table>_<n>`, stored without SQL). Those indexes hold exactly
//! what SQLite's own would (the key's columns, then the rowid, in the same order), so the
//! file is the database the declared schema and the same INSERTs build: the tests
//! compare their `.dump`s and run `PRAGMA integrity_check`. The edit follows SQLite's
//! documented procedure for schema changes that leave the stored rows as they are
//! (`PRAGMA writable_schema`, then a new `schema_version`).

use rusqlite::{Connection, params};

/// What the declared schema creates, as SQLite stores it.
#[derive(Debug)]
pub struct Declared {
    /// Each table's name and its `CREATE TABLE` text.
    tables: Vec<(String, String)>,
    indexes: Vec<KeyIndex>,
}

/// The index SQLite creates for one PRIMARY KEY or UNIQUE constraint.
#[derive(Debug)]
struct KeyIndex {
    name: String,
    table: String,
    columns: Vec<String>,
}

impl Declared {
    /// Runs `ddl` in an empty database in memory and reads back its tables and the
    /// indexes of their keys: SQLite itself names them and orders their columns.
    pub fn read(ddl: &str) -> rusqlite::Result<Declared> {
        let scratch = Connection::open_in_memory()?;
        scratch.execute_batch(ddl)?;
        let mut tables = Vec::new();
        let mut index_names = Vec::new();
        let mut schema = scratch.prepare(
            "SELECT type, name, tbl_name, sql FROM sqlite_schema \
             WHERE type IN ('table', 'index') ORDER BY rowid",
        )?;
        let mut rows = schema.query([])?;
        while let Some(row) = rows.next()? {
            let kind: String = row.get(0)?;
            let name: String = row.get(1)?;
            let sql: Option<String> = row.get(3)?;
            match (kind.as_str(), sql) {
                ("table", Some(sql)) => tables.push((name, sql)),
                // An index with SQL was declared by CREATE INDEX, not by a key: the
                // declared schema has none, and such an index would be built as any.
                ("index", None) => index_names.push((name, row.get::<_, String>(2)?)),
                _ => {}
            }
        }
        let mut indexes = Vec::new();
        let mut info = scratch.prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")?;
        for (name, table) in index_names {
            let columns = info
                .query_map([&name], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            indexes.push(KeyIndex {
                name,
                table,
                columns,
            });
        }
        Ok(Declared { tables, indexes })
    }

    /// Builds every key's index over the rows `connection` holds, failing as an
    /// INSERT would if two rows share a key, then gives the database the declared
    /// schema. The tables must have been created from the same fields without keys.
    pub fn build(&self, connection: &Connection) -> rusqlite::Result<()> {
        for (i, index) in self.indexes.iter().enumerate() {
            let columns: Vec<String> = index.columns.iter().map(|c| quoted(c)).collect();
            connection.execute_batch(&format!(
                "CREATE UNIQUE INDEX {} ON {} ({})",
                building(i),
                quoted(&index.table),
                columns.join(", ")
            ))?;
        }
        let version: i64 = connection.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
        connection.execute_batch("BEGIN; PRAGMA writable_schema = ON;")?;
        let edit = || -> rusqlite::Result<()> {
            for (name, sql) in &self.tables {
                connection.execute(
                    "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1",
                    params![name, sql],
                )?;
            }
            for (i, index) in self.indexes.iter().enumerate() {
                connection.execute(
                    "UPDATE sqlite_schema SET name = ?2, sql = NULL \
                     WHERE type = 'index' AND name = ?1",
                    params![building(i), index.name],
                )?;
            }
            connection.execute_batch(&format!("PRAGMA schema_version = {}", version + 1))
        };
        let edited = edit();
        connection.execute_batch("PRAGMA writable_schema = OFF;")?;
        match edited {
            Ok(()) => connection.execute_batch("COMMIT")?,
            Err(e) => {
                connection.execute_batch("ROLLBACK")?;
                return Err(e);
            }
        }
        self.check(connection)
    }

    /// Reads the schema back: SQLite reparses it, and each key's index must be the
    /// one it finds for its table.
    fn check(&self, connection: &Connection) -> rusqlite::Result<()> {
        for index in &self.indexes {
            let found: i64 = connection.query_row(
                "SELECT count(*) FROM pragma_index_list(?1) WHERE name = ?2 AND origin != 'c'",
                params![index.table, index.name],
                |r| r.get(0),
            )?;
            if found != 1 {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                    Some(format!(
                        "the index of a key of {} did not take its place",
                        index.table
                    )),
                ));
            }
        }
        Ok(())
    }
}

/// The name of the `i`th key's index while it is built.
fn building(i: usize) -> String {
    format!("ecomgen_key_{i}")
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECLARED: &str = "CREATE TABLE p (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE);
        CREATE TABLE c (id TEXT PRIMARY KEY, p_id TEXT REFERENCES p (id), n INTEGER,
            CONSTRAINT \"pair\" UNIQUE (n, p_id));";
    const DEFERRED: &str = "CREATE TABLE p (id TEXT, code TEXT NOT NULL);
        CREATE TABLE c (id TEXT, p_id TEXT REFERENCES p (id), n INTEGER);";
    const ROWS: &str = "INSERT INTO p VALUES ('b', 'x'), ('a', 'y');
        INSERT INTO c VALUES ('z', 'a', 2), ('y', 'b', 2), ('x', 'a', 1);";

    fn database(ddl: &str, rows: &str) -> Connection {
        let connection = Connection::open_in_memory().unwrap();
        // As in the loader: the tables without keys have no parent key to check.
        connection
            .execute_batch("PRAGMA foreign_keys = OFF;")
            .unwrap();
        connection.execute_batch(ddl).unwrap();
        connection.execute_batch(rows).unwrap();
        connection
    }

    /// The schema and every index's entries, in their order, of `connection`.
    fn contents(connection: &Connection) -> Vec<String> {
        let mut out = Vec::new();
        let mut schema = connection
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")
            .unwrap();
        let entries: Vec<(String, String, String, Option<String>)> = schema
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (kind, name, table, sql) in entries {
            out.push(format!("{kind} {name} {table} {sql:?}"));
            if kind == "index" {
                let columns: Vec<String> = connection
                    .prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")
                    .unwrap()
                    .query_map([&name], |r| r.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                // Reading through the index returns its entries in its order.
                let query = format!(
                    "SELECT {0}, rowid FROM {table} INDEXED BY {name} ORDER BY {0}",
                    columns.join(", ")
                );
                let mut statement = connection.prepare(&query).unwrap();
                let width = columns.len() + 1;
                let rows = statement
                    .query_map([], |r| {
                        (0..width)
                            .map(|i| r.get::<_, rusqlite::types::Value>(i))
                            .collect::<rusqlite::Result<Vec<_>>>()
                    })
                    .unwrap()
                    .map(|r| format!("  {:?}", r.unwrap()));
                out.extend(rows);
            }
        }
        out
    }

    #[test]
    fn built_keys_make_the_declared_database() {
        let expected = database(DECLARED, ROWS);
        let built = database(DEFERRED, ROWS);
        Declared::read(DECLARED).unwrap().build(&built).unwrap();
        assert_eq!(contents(&built), contents(&expected));
        let check: String = built
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        // Two tables, four indexes and their entries: the comparison saw every one.
        assert_eq!(contents(&built).len(), 2 + 4 + (2 + 2 + 3 + 3));
    }

    #[test]
    fn built_keys_refuse_a_duplicate_afterwards() {
        let built = database(DEFERRED, ROWS);
        Declared::read(DECLARED).unwrap().build(&built).unwrap();
        for duplicate in [
            "INSERT INTO p VALUES ('a', 'new')",
            "INSERT INTO p VALUES ('new', 'x')",
            "INSERT INTO c VALUES ('new', 'a', 1)",
        ] {
            let error = built.execute_batch(duplicate).unwrap_err().to_string();
            assert!(
                error.contains("UNIQUE constraint failed"),
                "{duplicate}: {error}"
            );
        }
        built
            .execute_batch("INSERT INTO c VALUES ('new', 'b', 1)")
            .unwrap();
    }

    #[test]
    fn a_duplicate_key_in_the_rows_fails_the_build() {
        for rows in [
            "INSERT INTO p VALUES ('a', 'x'), ('a', 'y');",
            "INSERT INTO p VALUES ('a', 'x'), ('b', 'x');",
            "INSERT INTO p VALUES ('a', 'x'); INSERT INTO c VALUES ('z', 'a', 2), ('y', 'a', 2);",
        ] {
            let built = database(DEFERRED, rows);
            let error = Declared::read(DECLARED)
                .unwrap()
                .build(&built)
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("UNIQUE constraint failed"),
                "{rows}: {error}"
            );
        }
    }
}
