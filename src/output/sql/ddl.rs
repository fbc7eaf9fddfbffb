//! `CREATE TABLE` statements from the schema: types per dialect, primary and foreign
//! keys, NOT NULL, UNIQUE, the range of every number, the values of every enumeration,
//! and each rule SQL can state as a constraint named after the rule.

use super::Dialect;
use crate::rules::{Rule, Sql};
use crate::schema::{Bound, Entity, Field, FieldType, Key, Table, TableSpec};
use std::fmt::Write;

fn column_type(ty: FieldType, dialect: Dialect) -> &'static str {
    use Dialect::*;
    use FieldType as F;
    match (ty, dialect) {
        (F::Uuid, Postgres | Duckdb) => "UUID",
        (F::Uuid | F::Text, _) => "TEXT",
        (F::Integer, Sqlite) => "INTEGER",
        (F::Integer, _) => "BIGINT",
        (F::Boolean, Sqlite) => "INTEGER",
        (F::Boolean, _) => "BOOLEAN",
        (F::Money, Duckdb) => "DECIMAL(12,2)",
        (F::Money, _) => "NUMERIC(12,2)",
        (F::Decimal, Duckdb) => "DECIMAL(5,2)",
        (F::Decimal, _) => "NUMERIC(5,2)",
        // SQLite has no date type; ISO text sorts and compares correctly.
        (F::Timestamp | F::Date, Sqlite) => "TEXT",
        (F::Timestamp, _) => "TIMESTAMP",
        (F::Date, _) => "DATE",
    }
}

/// The check of a single column: its range, or its enumerated values.
fn column_check(field: &Field) -> Option<String> {
    let name = field.name;
    if let Some(bound) = field.range() {
        return Some(match bound {
            Bound::NonNegative => format!("{name} >= 0"),
            Bound::Positive => format!("{name} > 0"),
            Bound::AtLeast(n) => format!("{name} >= {n}"),
            Bound::Between(lo, hi) => format!("{name} BETWEEN {lo} AND {hi}"),
        });
    }
    if field.values.is_empty() {
        return None;
    }
    let list: Vec<String> = field.values.iter().map(|v| format!("'{v}'")).collect();
    Some(format!("{name} IN ({})", list.join(", ")))
}

/// The DDL of every table, in load order.
pub fn ddl(dialect: Dialect) -> String {
    ddl_of(dialect, None)
}

/// The DDL of one entity's tables (orders come with their items), or of every table.
pub fn ddl_of(dialect: Dialect, only: Option<Entity>) -> String {
    let tables: Vec<_> = Table::load_order()
        .into_iter()
        .filter(|t| only.is_none_or(|e| t.table.entity() == e))
        .collect();
    ddl_of_tables(dialect, &tables)
}

/// Whether a table's DDL declares its primary key and UNIQUE constraints, or leaves
/// them out for a loader that builds their indexes once the rows are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    Declared,
    Deferred,
}

/// The DDL of `tables`, each `CREATE TABLE IF NOT EXISTS`: a subset's script creates
/// its own tables and loads beside the parents' already in the database.
pub fn ddl_of_tables(dialect: Dialect, tables: &[&TableSpec]) -> String {
    ddl_with_keys(dialect, tables, Keys::Declared)
}

/// `ddl_of_tables`, with or without the keys.
pub fn ddl_with_keys(dialect: Dialect, tables: &[&TableSpec], keys: Keys) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "-- ecomgen {} schema ({})",
        env!("CARGO_PKG_VERSION"),
        dialect.product_name()
    );
    if dialect == Dialect::Sqlite {
        out.push_str("PRAGMA foreign_keys = ON;\n");
    }
    for table in tables {
        let _ = writeln!(out, "\nCREATE TABLE IF NOT EXISTS {} (", table.name);
        let mut lines: Vec<String> = table
            .fields
            .iter()
            .enumerate()
            .map(|(i, field)| column(field, i == 0, dialect, keys))
            .collect();
        for rule in Rule::of(table.table) {
            let constraint = match rule.spec().sql {
                Sql::Check(check) => format!("CHECK ({check})"),
                Sql::Unique(columns) if keys == Keys::Declared => format!("UNIQUE ({columns})"),
                Sql::Unique(_) => continue,
                Sql::None | Sql::Reconcile(_) => continue,
            };
            lines.push(format!("    CONSTRAINT \"{}\" {constraint}", rule.id()));
        }
        out.push_str(&lines.join(",\n"));
        out.push_str("\n);\n");
    }
    out
}

fn column(field: &Field, first: bool, dialect: Dialect, keys: Keys) -> String {
    let mut line = format!("    {} {}", field.name, column_type(field.ty, dialect));
    // The first field is the key: its own id, or (analytics) the id it summarises.
    if first {
        if keys == Keys::Declared {
            line.push_str(" PRIMARY KEY");
        }
    } else if !field.nullable {
        line.push_str(" NOT NULL");
    }
    match field.key {
        Key::Unique if keys == Keys::Declared => line.push_str(" UNIQUE"),
        Key::Unique => {}
        Key::Foreign(to) => {
            let to = to.spec();
            let _ = write!(line, " REFERENCES {} ({})", to.name, to.key_field().name);
        }
        Key::None | Key::Primary => {}
    }
    if dialect == Dialect::Sqlite && field.ty == FieldType::Boolean {
        let _ = write!(line, " CHECK ({} IN (0, 1))", field.name);
    }
    if let Some(check) = column_check(field) {
        let _ = write!(line, " CHECK ({check})");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_a_primary_key_and_references_created_before_it() {
        let names: Vec<&str> = Table::load_order().iter().map(|t| t.name).collect();
        for dialect in Dialect::ALL {
            let ddl = ddl(dialect);
            assert_eq!(
                ddl.matches("PRIMARY KEY").count(),
                names.len(),
                "{dialect:?}"
            );
            let mut created = Vec::new();
            for line in ddl.lines() {
                if let Some(rest) = line.strip_prefix("CREATE TABLE IF NOT EXISTS ") {
                    created.push(rest.split(' ').next().unwrap());
                }
                if let Some((_, rest)) = line.split_once("REFERENCES ") {
                    let to = rest.split(' ').next().unwrap();
                    assert!(created.contains(&to), "{line}: {to} is created later");
                }
            }
        }
    }

    #[test]
    fn constraints_are_named_after_their_rules() {
        let ddl = ddl(Dialect::Postgres);
        assert!(ddl.contains(
            "CONSTRAINT \"5 orders: total\" CHECK (ABS(total - (subtotal + tax + shipping_cost - discount)) < 0.005)"
        ));
        assert!(ddl.contains("CONSTRAINT \"4 inventory: pair\" UNIQUE (product_id, warehouse_id)"));
        assert!(ddl.contains("rating BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5)"));
        assert!(ddl.contains("order_item_id UUID NOT NULL REFERENCES order_items (order_item_id)"));
    }
}
