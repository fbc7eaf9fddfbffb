//! The scripts beside SQL data files: `load.sql`, which creates the tables and loads
//! every data file of a run, and `reconcile.sql`, which counts, per rule, the rows
//! that break a rule SQL constraints cannot state (totals from items, analytics from
//! facts, payments from totals and refunds): every count is 0 for data ecomgen wrote.

use super::Dialect;
use crate::rules::{Rule, Sql};
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

/// The script that creates the tables and loads every data file of a run, run from
/// the output directory: `psql -f load.sql`, `sqlite3 shop.db < load.sql`,
/// `duckdb shop.duckdb < load.sql`.
pub fn load_script(dialect: Dialect, files: &[String]) -> String {
    let mut out = String::new();
    match dialect {
        Dialect::Postgres => {
            out.push_str("\\set ON_ERROR_STOP on\n\\ir schema.sql\n");
            for file in files {
                let _ = writeln!(out, "\\ir {file}");
            }
        }
        Dialect::Sqlite | Dialect::Duckdb => {
            out.push_str(".bail on\n.read schema.sql\n");
            for file in files {
                let _ = writeln!(out, ".read {file}");
            }
        }
    }
    out
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
