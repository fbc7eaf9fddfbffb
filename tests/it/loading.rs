//! SQL loaded the way people load it (issue 12): parents in one call and children in
//! another, a subset's script creating only its own tables, a second `load.sql` into
//! a database that already holds the rows stopping before it loads anything, and
//! `--format sqlite` shipping the reconciliation script.

use crate::databases::{assert_reconciled, postgres, psql};
use crate::harness::*;
use ecomgen::output::sql::scripts::NOT_EMPTY;
use std::path::Path;
use std::process::{Command, Stdio};

/// Every entity orders point at, so `--entities orders` loads after them.
const PARENTS: &str = "users,categories,vendors,warehouses,products,promotions";

fn sql_args<'a>(entities: &'a str, dialect: &'a str) -> Vec<&'a str> {
    [
        SMALL,
        &[
            "--seed",
            "11",
            "--format",
            "sql",
            "--dialect",
            dialect,
            "--entities",
            entities,
        ],
    ]
    .concat()
}

fn created_tables(schema: &str) -> Vec<&str> {
    schema
        .lines()
        .filter_map(|l| l.strip_prefix("CREATE TABLE IF NOT EXISTS "))
        .map(|l| l.trim_end_matches(" ("))
        .collect()
}

#[test]
fn a_subset_creates_only_its_own_tables_and_only_if_missing() {
    let root = tempdir();
    let dir = generate(root.path(), &sql_args("orders", "postgres"));
    let schema = std::fs::read_to_string(dir.join("schema.sql")).unwrap();
    assert_eq!(created_tables(&schema), ["orders", "order_items"]);
    assert!(!schema.contains("CREATE TABLE users"), "{schema}");
    let stream = ecomgen(
        &[
            &["generate", "-q", "--stdout"][..],
            &sql_args("orders", "postgres"),
        ]
        .concat(),
    );
    assert!(stream.status.success(), "{}", stderr(&stream));
    let stream = String::from_utf8(stream.stdout).unwrap();
    assert_eq!(created_tables(&stream), ["orders", "order_items"]);
}

/// `ecomgen generate ... --stdout | psql URL`, returning psql's output.
fn pipe_to_psql(url: &str, args: &[&str]) -> std::process::Output {
    let mut generator = Command::new(BIN)
        .args([&["generate", "-q", "--stdout"][..], args].concat())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let load = Command::new("psql")
        .args([url, "-X", "-q", "-v", "ON_ERROR_STOP=1"])
        .stdin(generator.stdout.take().unwrap())
        .output()
        .unwrap();
    assert!(generator.wait().unwrap().success());
    load
}

fn count(url: &str, table: &str, dir: &Path) -> String {
    let output = psql(url, &["-c", &format!("SELECT COUNT(*) FROM {table}")], dir);
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn postgres_loads_parents_then_children_in_two_calls() {
    let Some((url, _)) = postgres() else { return };
    let dir = tempdir();
    let parents = pipe_to_psql(&url, &sql_args(PARENTS, "postgres"));
    assert!(parents.status.success(), "parents: {}", stderr(&parents));
    let children = pipe_to_psql(&url, &sql_args("orders", "postgres"));
    assert!(children.status.success(), "orders: {}", stderr(&children));
    assert_eq!(count(&url, "orders", dir.path()), "400");
    assert_eq!(count(&url, "users", dir.path()), "60");
}

#[test]
fn postgres_load_sql_twice_stops_before_loading_with_what_to_do() {
    let Some((url, _)) = postgres() else { return };
    let root = tempdir();
    let dir = generate(root.path(), &sql_args(PARENTS, "postgres"));
    let first = psql(&url, &["-q", "-f", "load.sql"], &dir);
    assert!(first.status.success(), "{}", stderr(&first));
    let second = psql(&url, &["-q", "-f", "load.sql"], &dir);
    assert!(!second.status.success());
    let message = stderr(&second);
    assert!(message.contains(NOT_EMPTY), "{message}");
    assert!(!message.contains("duplicate key"), "{message}");
    assert_eq!(count(&url, "users", &dir), "60");
    // The children's own script then loads beside the parents.
    let orders = generate(&dir.join("orders"), &sql_args("orders", "postgres"));
    let load = psql(&url, &["-q", "-f", "load.sql"], &orders);
    assert!(load.status.success(), "{}", stderr(&load));
    assert_eq!(count(&url, "orders", &dir), "400");
}

fn sqlite_load(db: &Path, dir: &Path) -> std::process::Output {
    Command::new("sqlite3")
        .arg(db)
        .stdin(std::fs::File::open(dir.join("load.sql")).unwrap())
        .current_dir(dir)
        .output()
        .unwrap()
}

fn sqlite_count(db: &Path, table: &str) -> String {
    let output = Command::new("sqlite3")
        .arg(db)
        .arg(format!("SELECT COUNT(*) FROM {table}"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn sqlite_loads_in_two_calls_and_refuses_a_second_load_at_once() {
    if !installed("sqlite3", &["--version"]) {
        return;
    }
    let root = tempdir();
    let db = root.path().join("shop.db");
    let parents = generate(&root.path().join("parents"), &sql_args(PARENTS, "sqlite"));
    let orders = generate(&root.path().join("orders"), &sql_args("orders", "sqlite"));
    let first = sqlite_load(&db, &parents);
    assert!(first.status.success(), "{}", stderr(&first));
    let children = sqlite_load(&db, &orders);
    assert!(children.status.success(), "{}", stderr(&children));
    assert_eq!(sqlite_count(&db, "orders"), "400");
    let again = sqlite_load(&db, &parents);
    assert!(!again.status.success());
    assert!(stderr(&again).contains(NOT_EMPTY), "{}", stderr(&again));
    assert_eq!(sqlite_count(&db, "users"), "60");
    let check = Command::new("sqlite3")
        .arg(&db)
        .arg("PRAGMA foreign_key_check")
        .output()
        .unwrap();
    assert!(
        check.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn sqlite_format_ships_a_reconcile_script_sqlite3_runs() {
    if !installed("sqlite3", &["--version"]) {
        return;
    }
    let root = tempdir();
    let dir = generate(
        root.path(),
        &[SMALL, &["--seed", "5", "--format", "sqlite"]].concat(),
    );
    let script = std::fs::read_to_string(dir.join("reconcile.sql")).unwrap();
    assert_eq!(script, *ecomgen::output::sql::RECONCILE);
    let output = Command::new("sqlite3")
        .arg(dir.join("ecomgen.db"))
        .stdin(std::fs::File::open(dir.join("reconcile.sql")).unwrap())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_reconciled(&output.stdout, "sqlite format");
    // README's cast: a money sum rounded to cents is the exact sum of the cents.
    let sums = Command::new("sqlite3")
        .arg(dir.join("ecomgen.db"))
        .arg("SELECT round(sum(total), 2), sum(CAST(round(total * 100) AS INTEGER)) FROM orders")
        .output()
        .unwrap();
    let sums = String::from_utf8_lossy(&sums.stdout).trim().to_string();
    let (rounded, cents) = sums.split_once('|').expect("two sums");
    assert_eq!(
        rounded.parse::<f64>().unwrap(),
        cents.parse::<i64>().unwrap() as f64 / 100.0,
        "{sums}"
    );
}
