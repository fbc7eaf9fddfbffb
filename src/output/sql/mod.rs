//! SQL for the databases users load data into: per table a data file of COPY blocks
//! (PostgreSQL) or INSERTs (SQLite, DuckDB), beside `schema.sql` (the DDL), `load.sql`
//! and `reconcile.sql`. Rows are written straight from their cells.

pub mod ddl;
pub mod scripts;

use super::scan::any_byte;
use super::{Encoded, Format, FormatSpec, Script, TextFormat};
use crate::error::Result;
use crate::model::cells::{RowCells, Value};
use crate::schema::TableSpec;
use serde::{Deserialize, Serialize};

pub use ddl::{Keys, ddl, ddl_of, ddl_of_tables, ddl_with_keys};
pub use scripts::{RECONCILE, load_script, reconcile};

pub const SPEC: FormatSpec = FormatSpec {
    name: "sql",
    extension: "sql",
    about: "SQL for --dialect's database: COPY blocks (PostgreSQL) or INSERTs, plus schema.sql and load.sql; order items in order_items.sql",
    flat: true,
    binary: false,
    frames_every_part: true,
    leading_separator: 0,
    single_file: None,
};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// PostgreSQL (data as COPY blocks that `psql -f` runs).
    #[default]
    Postgres,
    /// SQLite (data as INSERTs, one transaction per table, for the sqlite3 shell).
    Sqlite,
    /// DuckDB (data as INSERTs, one transaction per table, for the duckdb shell).
    Duckdb,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Postgres, Dialect::Sqlite, Dialect::Duckdb];

    /// The value of `--dialect`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Sqlite => "sqlite",
            Dialect::Duckdb => "duckdb",
        }
    }

    /// One line of help.
    pub fn about(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL (data as COPY blocks that `psql -f` runs)",
            Dialect::Sqlite => {
                "SQLite (data as INSERTs, one transaction per table, for the sqlite3 shell)"
            }
            Dialect::Duckdb => {
                "DuckDB (data as INSERTs, one transaction per table, for the duckdb shell)"
            }
        }
    }

    /// The database's own name, as SQL comments name it.
    pub fn product_name(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL",
            Dialect::Sqlite => "SQLite",
            Dialect::Duckdb => "DuckDB",
        }
    }
}

impl std::str::FromStr for Dialect {
    type Err = String;

    fn from_str(s: &str) -> Result<Dialect, String> {
        Dialect::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown dialect '{s}' (valid: postgres, sqlite, duckdb)"))
    }
}

/// The SQL format for one dialect.
#[derive(Clone, Copy, Debug)]
pub struct Sql {
    pub dialect: Dialect,
}

impl TextFormat for Sql {
    fn format(&self) -> Format {
        Format::Sql
    }

    fn prologue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        match self.dialect {
            Dialect::Postgres => {
                let columns: Vec<&str> = table.fields.iter().map(|f| f.name).collect();
                let line = format!("COPY {} ({}) FROM stdin;\n", table.name, columns.join(", "));
                out.extend_from_slice(line.as_bytes());
            }
            Dialect::Sqlite | Dialect::Duckdb => out.extend_from_slice(b"BEGIN;\n"),
        }
    }

    fn epilogue(&self, _: &TableSpec, out: &mut Vec<u8>) {
        out.extend_from_slice(match self.dialect {
            Dialect::Postgres => b"\\.\n",
            Dialect::Sqlite | Dialect::Duckdb => b"COMMIT;\n",
        });
    }

    fn stream_prologue(&self, tables: &[&'static TableSpec]) -> Vec<u8> {
        // One script for `| psql`: the tables, then the data. Only the stream's own
        // tables, and only if missing, so parents and children load in two calls.
        ddl_of_tables(self.dialect, tables).into_bytes()
    }

    fn scripts(
        &self,
        data_files: &[String],
        tables: &[&'static TableSpec],
        first_part: bool,
    ) -> Vec<Script> {
        vec![
            Script {
                stem: "schema",
                per_part: false,
                text: ddl_of_tables(self.dialect, tables),
            },
            Script {
                stem: "load",
                per_part: true,
                text: load_script(self.dialect, data_files, tables, first_part),
            },
            Script {
                stem: "reconcile",
                per_part: false,
                text: RECONCILE.to_string(),
            },
        ]
    }

    fn row(
        &self,
        tables: &[&'static TableSpec],
        row: &RowCells,
        out: &mut [Encoded],
    ) -> Result<()> {
        self.write_row(tables[0], row.own(), &mut out[0]);
        if out.len() > 1 {
            for child in 0..row.child_count() {
                self.write_row(tables[1], row.child(child), &mut out[1]);
            }
        }
        Ok(())
    }
}

impl Sql {
    fn write_row<'a>(
        &self,
        table: &TableSpec,
        values: impl Iterator<Item = Value<'a>>,
        out: &mut Encoded,
    ) {
        match self.dialect {
            Dialect::Postgres => copy_line(values, &mut out.bytes),
            Dialect::Sqlite | Dialect::Duckdb => self.insert(table, values, &mut out.bytes),
        }
        out.rows += 1;
    }

    fn insert<'a>(
        &self,
        table: &TableSpec,
        values: impl Iterator<Item = Value<'a>>,
        out: &mut Vec<u8>,
    ) {
        out.extend_from_slice(b"INSERT INTO ");
        out.extend_from_slice(table.name.as_bytes());
        out.extend_from_slice(b" (");
        for (i, field) in table.fields.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.extend_from_slice(field.name.as_bytes());
        }
        out.extend_from_slice(b") VALUES (");
        for (i, value) in values.enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            match value {
                Value::Null => out.extend_from_slice(b"NULL"),
                Value::Boolean(b) => out.extend_from_slice(match (self.dialect, b) {
                    (Dialect::Sqlite, true) => b"1",
                    (Dialect::Sqlite, false) => b"0",
                    (_, true) => b"TRUE",
                    (_, false) => b"FALSE",
                }),
                Value::Integer(_) | Value::Cents(_) => value.write_text(out),
                Value::Text(s) => quoted(s, out),
                Value::Seconds(_) | Value::Days(_) | Value::Uuid(_) => {
                    out.push(b'\'');
                    value.write_text(out);
                    out.push(b'\'');
                }
            }
        }
        out.extend_from_slice(b");\n");
    }
}

/// A line of COPY's text format: tab-separated, `\N` for null, backslash escapes for
/// the characters that end a field or row.
fn copy_line<'a>(values: impl Iterator<Item = Value<'a>>, out: &mut Vec<u8>) {
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        match value {
            Value::Null => out.extend_from_slice(b"\\N"),
            Value::Text(s) => copy_escape(s, out),
            other => other.write_text(out),
        }
    }
    out.push(b'\n');
}

/// Text in COPY's format: backslash, tab and line ends escaped. Most text has none of
/// them, and a scan the compiler vectorises, then one copy, is what keeps the common
/// field cheap (a byte-by-byte push took a tenth of a SQL run).
fn copy_escape(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    if !any_byte(bytes, |b| {
        (b == b'\\') | (b == b'\t') | (b == b'\n') | (b == b'\r')
    }) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// A SQL string literal: single quotes doubled, found with memchr.
fn quoted(s: &str, out: &mut Vec<u8>) {
    out.push(b'\'');
    let mut rest = s.as_bytes();
    while let Some(at) = memchr::memchr(b'\'', rest) {
        out.extend_from_slice(&rest[..=at]);
        out.push(b'\'');
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'\'');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Field, FieldType, Table};
    use serde::Serialize;

    proptest::proptest! {
        /// The fast paths write what escaping byte by byte writes.
        #[test]
        fn escapes_match_a_byte_by_byte_escape(text in "[a-z'\\\\\t\n\r é]{0,24}") {
            let mut copy = Vec::new();
            copy_escape(&text, &mut copy);
            let mut expected = Vec::new();
            for b in text.bytes() {
                match b {
                    b'\\' => expected.extend_from_slice(b"\\\\"),
                    b'\t' => expected.extend_from_slice(b"\\t"),
                    b'\n' => expected.extend_from_slice(b"\\n"),
                    b'\r' => expected.extend_from_slice(b"\\r"),
                    _ => expected.push(b),
                }
            }
            proptest::prop_assert_eq!(copy, expected);
            let mut literal = Vec::new();
            quoted(&text, &mut literal);
            let doubled = format!("'{}'", text.replace('\'', "''"));
            proptest::prop_assert_eq!(literal, doubled.into_bytes());
        }
    }

    #[test]
    fn copy_text_escapes_field_and_row_ends() {
        let mut out = Vec::new();
        copy_escape("a\tb\\c\nd", &mut out);
        assert_eq!(out, b"a\\tb\\\\c\\nd");
    }

    #[test]
    fn inserts_quote_text_and_spell_nulls() {
        const FIELDS: &[Field] = &[
            Field::new("a", FieldType::Text, ""),
            Field::new("b", FieldType::Money, ""),
            Field::new("c", FieldType::Boolean, ""),
            Field::new("d", FieldType::Text, "").nullable(),
        ];
        const TABLE: TableSpec = TableSpec {
            table: Table::Users,
            name: "t",
            row_tag: "t",
            fields: FIELDS,
            nesting: None,
        };
        #[derive(Serialize)]
        struct Row {
            a: &'static str,
            b: crate::model::Money,
            c: bool,
            d: Option<&'static str>,
        }
        let mut cells = RowCells::default();
        cells.push_row(&Row {
            a: "O'Brien",
            b: crate::model::Money(150),
            c: true,
            d: None,
        });
        let mut out = [Encoded::default()];
        let sql = Sql {
            dialect: Dialect::Sqlite,
        };
        sql.row(&[&TABLE], &cells, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(std::mem::take(&mut out[0].bytes)).unwrap(),
            "INSERT INTO t (a, b, c, d) VALUES ('O''Brien', 1.50, 1, NULL);\n"
        );
    }
}
