//! The database formats proven against the real engines: SQL loads into PostgreSQL,
//! SQLite and DuckDB with every key, unique and check constraint on, `--format sqlite`
//! is that same SQLite database, and DuckDB and pyarrow read `--format parquet` with its
//! types; the reconciliation query finds no mismatch anywhere. CI installs the engines
//! (see .ci/run); elsewhere a missing engine skips its test with a notice.

use crate::harness::*;
use std::path::Path;
use std::process::{Command, Stdio};

mod parquet;
mod sql;
mod sqlite;

pub(crate) use sql::{postgres, psql};

/// Asserts the reconciliation output (`name|mismatches` lines) is all zeros.
pub(crate) fn assert_reconciled(output: &[u8], engine: &str) {
    let text = String::from_utf8_lossy(output);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains('|')).collect();
    assert_eq!(lines.len(), 10, "{engine}: ten checks expected:\n{text}");
    for line in lines {
        assert!(line.ends_with("|0"), "{engine}: {line}");
    }
}

fn sql_dataset(dir: &Path, dialect: &str) {
    sql_dataset_into(dir, dialect, "17");
}

fn sql_dataset_into(dir: &Path, dialect: &str, seed: &str) {
    generate(
        dir,
        &[
            SMALL,
            &["--seed", seed, "--format", "sql", "--dialect", dialect],
        ]
        .concat(),
    );
    for script in ["schema.sql", "load.sql", "reconcile.sql"] {
        assert!(dir.join(script).is_file(), "{script}");
    }
}

/// Counts of every table of a run, from its CSV files.
fn csv_counts(dir: &Path, seed: &str) -> std::collections::BTreeMap<String, usize> {
    generate(dir, &[SMALL, &["--seed", seed]].concat());
    data_files(dir)
        .keys()
        .map(|name| {
            let stem = name.trim_end_matches(".csv").to_string();
            (stem, csv_rows(&dir.join(name)).len())
        })
        .collect()
}
