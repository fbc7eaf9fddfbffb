//! The scripts beside SQL data files: `load.sql`, which creates the tables and loads
//! every data file of a run, and `reconcile.sql`, which counts, per rule, the rows
//! that break a rule SQL constraints cannot state (totals from items, analytics from
//! facts, payments from totals and refunds): every count is 0 for data ecomgen wrote.

use super::Dialect;
use crate::rules::{Rule, Sql};
use crate::schema::TableSpec;
use std::fmt::Write;

/// The reconciliation query: one row per rule, its id and its number of mismatches.
/// Portable across the three dialects.
pub fn reconcile() -> String {
    let mut out = String::new();
    for rule in Rule::ALL {
        let Sql::Reconcile(mismatches) = rule.spec().sql else {
            continue;
        };
        let union = if out.is_empty() {
            "SELECT"
        } else {
            "UNION ALL SELECT"
        };
        let _ = writeln!(
            out,
            "{union} '{}' AS name, COUNT(*) AS mismatches FROM {mismatches}",
            rule.id()
        );
    }
    out.pop();
    out.push_str(";\n");
    out
}

/// The reconciliation query, built once.
pub static RECONCILE: std::sync::LazyLock<String> = std::sync::LazyLock::new(reconcile);

/// What a load into tables that already hold rows says, before it loads anything.
pub const NOT_EMPTY: &str = "ecomgen load.sql: these tables already hold rows; \
     load into a new database, or drop the tables first";

/// The script that creates the run's tables where missing and loads every data file
/// of a run, run from the output directory: `psql -f load.sql`,
/// `sqlite3 shop.db < load.sql`, `duckdb shop.duckdb < load.sql`. The first (or only)
/// part first checks that its tables are empty, so a second load stops before its
/// first row rather than at a duplicate key half-way; later parts load into the rows
/// of the earlier ones.
pub fn load_script(
    dialect: Dialect,
    files: &[String],
    tables: &[&TableSpec],
    first_part: bool,
) -> String {
    let mut out = String::new();
    let (include, opening) = match dialect {
        Dialect::Postgres => ("\\ir", "\\set ON_ERROR_STOP on\n"),
        Dialect::Sqlite | Dialect::Duckdb => (".read", ".bail on\n"),
    };
    out.push_str(opening);
    let _ = writeln!(out, "{include} schema.sql");
    if first_part && !tables.is_empty() {
        out.push_str(&empty_guard(dialect, tables));
    }
    for file in files {
        let _ = writeln!(out, "{include} {file}");
    }
    out
}

/// A statement that fails with `NOT_EMPTY` when one of `tables` holds a row.
fn empty_guard(dialect: Dialect, tables: &[&TableSpec]) -> String {
    let any_row = tables
        .iter()
        .map(|t| format!("EXISTS (SELECT 1 FROM {})", t.name))
        .collect::<Vec<_>>()
        .join(" OR ");
    match dialect {
        Dialect::Postgres => format!(
            "DO $$ BEGIN IF {any_row} THEN RAISE EXCEPTION '{NOT_EMPTY}'; END IF; END $$;\n"
        ),
        // SQLite has no RAISE outside triggers: a row that breaks a CHECK named after
        // the message stops the shell with that name.
        Dialect::Sqlite => format!(
            "CREATE TEMP TABLE ecomgen_load_guard (empty INTEGER CONSTRAINT \"{NOT_EMPTY}\" CHECK (empty));\n\
             INSERT INTO ecomgen_load_guard SELECT NOT ({any_row});\n\
             DROP TABLE ecomgen_load_guard;\n"
        ),
        Dialect::Duckdb => {
            format!(
                "SELECT CASE WHEN {any_row} THEN error('{NOT_EMPTY}') END AS ecomgen_load_guard;\n"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconcile_counts_every_reconcilable_rule_by_its_id() {
        let query = reconcile();
        let rules = Rule::ALL
            .iter()
            .filter(|r| matches!(r.spec().sql, Sql::Reconcile(_)))
            .count();
        assert_eq!(query.matches("COUNT(*) AS mismatches").count(), rules);
        assert!(query.starts_with("SELECT '5 orders: subtotal' AS name"));
        assert!(query.ends_with(";\n"));
    }
}
