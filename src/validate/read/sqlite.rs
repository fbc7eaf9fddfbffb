//! SQLite databases (`ecomgen.db`, or one per part): each table of the schema read
//! back into the data model's text, in rowid order (the order rows were written), so
//! every rule runs on them as on CSV. SQLite stores each value with its own type, so
//! a value can be of the wrong kind even where it reads well as text (the text
//! `true` in a boolean column, which `WHERE is_active = 1` does not find): that is
//! reported.

use super::super::report::Findings;
use super::super::value::well_formed;
use super::loader::{Loader, shape_problem};
use crate::model::Money;
use crate::rules::Rule;
use crate::schema::{Field, FieldType};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Opens a database for reading, and makes sure it is one.
pub fn open(path: &Path) -> Result<Connection, String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(path, flags).map_err(|e| e.to_string())?;
    connection
        .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(|e| format!("not a SQLite database: {e}"))?;
    Ok(connection)
}

/// Reads the loader's table from each database in turn (the parts of a run, or one).
pub fn read(
    databases: &[Connection],
    loader: &mut Loader,
    found: &mut Findings,
) -> Result<(), String> {
    for database in databases {
        read_table(database, loader, found).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn read_table(
    database: &Connection,
    loader: &mut Loader,
    found: &mut Findings,
) -> Result<(), String> {
    let table = loader.name();
    let columns = column_names(database, table)?;
    if columns.is_empty() {
        return Err(format!("the database has no table {table}"));
    }
    let names: Vec<&str> = columns.iter().map(String::as_str).collect();
    if let Some(problem) = shape_problem(loader.expected(), &names) {
        return Err(format!("the table {table} {problem}"));
    }
    let list: Vec<String> = loader
        .fields()
        .iter()
        .map(|f| format!("\"{}\"", f.name))
        .collect();
    let select = format!("SELECT {} FROM \"{table}\"", list.join(", "));
    // Rowid order is the order rows were inserted, unless the table has no rowid.
    let mut statement = match database.prepare(&format!("{select} ORDER BY rowid")) {
        Ok(statement) => statement,
        Err(_) => database.prepare(&select).map_err(|e| e.to_string())?,
    };
    let mut rows = statement.query([]).map_err(|e| e.to_string())?;
    let fields = loader.fields();
    let mut values: Vec<Option<String>> = Vec::with_capacity(fields.len());
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let record = loader.len();
        values.clear();
        for (i, field) in fields.iter().enumerate() {
            let value = row.get_ref(i).map_err(|e| e.to_string())?;
            let (text, problem) = text(value, field);
            if let Some(stored) = problem {
                found.of_record(
                    table,
                    record,
                    Rule::FormatColumnType,
                    format!(
                        "{} is stored as {stored}; the data model stores {} as {}",
                        field.name,
                        field.ty.name(),
                        expected(field.ty)
                    ),
                );
            }
            values.push(text);
        }
        loader.push_in_order(values.iter().map(|v| v.as_deref()))?;
    }
    Ok(())
}

fn column_names(database: &Connection, table: &str) -> Result<Vec<String>, String> {
    let mut statement = database
        .prepare(&format!("PRAGMA table_info(\"{table}\")"))
        .map_err(|e| e.to_string())?;
    let names = statement
        .query_map([], |row| row.get::<_, String>(1))
        .map_err(|e| e.to_string())?;
    names
        .collect::<Result<Vec<String>, _>>()
        .map_err(|e| e.to_string())
}

/// How ecomgen stores a field's type, for messages.
fn expected(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Uuid | FieldType::Text | FieldType::Timestamp | FieldType::Date => "TEXT",
        FieldType::Integer => "INTEGER",
        FieldType::Boolean => "INTEGER 0 or 1",
        FieldType::Money | FieldType::Decimal => "a number",
    }
}

/// A value as the data model's text (`None` when NULL), and how it was stored when
/// that is not how the field's type is stored although its text reads well (a value
/// that does not read well is reported by the format checks instead).
fn text(value: ValueRef, field: &Field) -> (Option<String>, Option<&'static str>) {
    let (text, stored, right_kind) = match value {
        ValueRef::Null => return (None, None),
        ValueRef::Integer(i) => {
            let text = match (field.ty, i) {
                (FieldType::Boolean, 0) => "false".to_string(),
                (FieldType::Boolean, 1) => "true".to_string(),
                (FieldType::Money | FieldType::Decimal, _) => {
                    Money(i.saturating_mul(100)).to_string()
                }
                _ => i.to_string(),
            };
            let kind = matches!(
                field.ty,
                FieldType::Integer | FieldType::Boolean | FieldType::Money | FieldType::Decimal
            );
            (text, "INTEGER", kind)
        }
        ValueRef::Real(f) => (real(f, field.ty), "REAL", two_places(field.ty)),
        ValueRef::Text(bytes) => {
            let kind = !matches!(
                field.ty,
                FieldType::Integer | FieldType::Boolean | FieldType::Money | FieldType::Decimal
            );
            (String::from_utf8_lossy(bytes).into_owned(), "TEXT", kind)
        }
        ValueRef::Blob(bytes) => {
            return (
                Some(format!("a blob of {} bytes", bytes.len())),
                Some("BLOB"),
            );
        }
    };
    let problem = (!right_kind && well_formed(field.ty, &text)).then_some(stored);
    (Some(text), problem)
}

/// Money, and the other decimals the data model writes with two places.
fn two_places(ty: FieldType) -> bool {
    matches!(ty, FieldType::Money | FieldType::Decimal)
}

/// A REAL as text; money to the cent when it is a whole number of cents, so that
/// 107.99 reads as `107.99` and 0.125 is reported.
fn real(f: f64, ty: FieldType) -> String {
    let cents = f * 100.0;
    if two_places(ty)
        && cents.is_finite()
        && (cents - cents.round()).abs() < 1e-6
        && cents.abs() < 9e15
    {
        return Money(cents.round() as i64).to_string();
    }
    f.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Field;

    #[test]
    fn values_read_as_the_data_model_writes_them() {
        let money = Field::new("amount", FieldType::Money, "");
        let flag = Field::new("is_active", FieldType::Boolean, "");
        let count = Field::new("quantity", FieldType::Integer, "");
        assert_eq!(
            text(ValueRef::Real(107.99), &money),
            (Some("107.99".into()), None)
        );
        assert_eq!(
            text(ValueRef::Integer(12), &money),
            (Some("12.00".into()), None)
        );
        assert_eq!(
            text(ValueRef::Real(0.125), &money).0.as_deref(),
            Some("0.125")
        );
        assert_eq!(
            text(ValueRef::Integer(1), &flag),
            (Some("true".into()), None)
        );
        assert_eq!(text(ValueRef::Integer(2), &flag), (Some("2".into()), None));
        // Text that reads well but is stored as the wrong kind.
        assert_eq!(text(ValueRef::Text(b"true"), &flag).1, Some("TEXT"));
        assert_eq!(text(ValueRef::Text(b"many"), &count).1, None);
        assert_eq!(text(ValueRef::Null, &count), (None, None));
    }
}
