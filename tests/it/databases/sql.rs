//! `--format sql` loaded into SQLite, PostgreSQL and DuckDB, and `ecomgen schema`'s DDL.

use super::*;

#[test]
fn sqlite_loads_every_row_under_every_constraint() {
    if !installed("sqlite3", &["--version"]) {
        return;
    }
    let dir = tempdir();
    sql_dataset(dir.path(), "sqlite");
    let load = Command::new("sqlite3")
        .arg("shop.db")
        .current_dir(dir.path())
        .stdin(std::fs::File::open(dir.path().join("load.sql")).unwrap())
        .output()
        .unwrap();
    assert!(load.status.success(), "{}", stderr(&load));
    let fk = Command::new("sqlite3")
        .args(["shop.db", "PRAGMA foreign_key_check;"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        fk.status.success() && fk.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&fk.stdout)
    );
    let counts = Command::new("sqlite3")
        .args(["shop.db", "SELECT COUNT(*) FROM orders;"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&counts.stdout).trim(), "400");
    let reconcile = Command::new("sqlite3")
        .args(["shop.db", ".read reconcile.sql"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_reconciled(&reconcile.stdout, "sqlite");
    // The constraints are really on: a broken row is refused.
    let broken = Command::new("sqlite3")
        .args([
            "shop.db",
            "PRAGMA foreign_keys = ON; INSERT INTO reviews SELECT * FROM reviews LIMIT 1;",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!broken.status.success());
}

/// A fresh database on the throwaway PostgreSQL cluster CI starts.
pub(crate) fn postgres() -> Option<(String, String)> {
    let Some(url) = std::env::var("ECOMGEN_TEST_PG").ok() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must start PostgreSQL and set ECOMGEN_TEST_PG"
        );
        eprintln!("skipping: ECOMGEN_TEST_PG is not set");
        return None;
    };
    let name = format!("ecomgen_{}_{}", std::process::id(), rand_suffix());
    let created = Command::new("psql")
        .args([&url, "-q", "-c", &format!("CREATE DATABASE {name}")])
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let base = url
        .rsplit_once('/')
        .map_or(url.as_str(), |(b, _)| b)
        .to_string();
    Some((format!("{base}/{name}"), name))
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
        % 1_000_000
}

pub(crate) fn psql(url: &str, args: &[&str], dir: &Path) -> std::process::Output {
    Command::new("psql")
        .arg(url)
        .args(["-X", "-v", "ON_ERROR_STOP=1", "-At", "-F", "|"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn postgres_loads_every_row_under_every_constraint() {
    let Some((url, _)) = postgres() else { return };
    let dir = tempdir();
    sql_dataset(dir.path(), "postgres");
    let load = psql(&url, &["-q", "-f", "load.sql"], dir.path());
    assert!(load.status.success(), "{}", stderr(&load));
    let count = psql(
        &url,
        &["-c", "SELECT COUNT(*) FROM order_items"],
        dir.path(),
    );
    let items = csv_rows(&{
        // The same run as CSV, to compare counts.
        let csv = dir.path().join("csv");
        generate(
            &csv,
            &[SMALL, &["--seed", "17", "--entities", "orders"]].concat(),
        );
        csv.join("order_items.csv")
    })
    .len();
    assert_eq!(
        String::from_utf8_lossy(&count.stdout).trim(),
        items.to_string()
    );
    let reconcile = psql(&url, &["-f", "reconcile.sql"], dir.path());
    assert!(reconcile.status.success(), "{}", stderr(&reconcile));
    assert_reconciled(&reconcile.stdout, "postgres");
}

#[test]
fn postgres_is_seeded_by_one_pipeline() {
    let Some((url, _)) = postgres() else { return };
    let dir = tempdir();
    // ecomgen generate --format sql --stdout | psql "$URL"
    let mut generator = Command::new(BIN)
        .args(
            [
                &[
                    "generate", "--quiet", "--seed", "3", "--format", "sql", "--stdout",
                ][..],
                SMALL,
            ]
            .concat(),
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let load = Command::new("psql")
        .args([url.as_str(), "-X", "-q", "-v", "ON_ERROR_STOP=1"])
        .stdin(generator.stdout.take().unwrap())
        .output()
        .unwrap();
    assert!(generator.wait().unwrap().success());
    assert!(load.status.success(), "{}", stderr(&load));
    std::fs::write(
        dir.path().join("reconcile.sql"),
        ecomgen::output::sql::RECONCILE.as_str(),
    )
    .unwrap();
    let reconcile = psql(&url, &["-f", "reconcile.sql"], dir.path());
    assert_reconciled(&reconcile.stdout, "postgres pipeline");
}

#[test]
fn duckdb_loads_every_row_under_every_constraint() {
    if !installed("python3", &["-c", "import duckdb"]) {
        return;
    }
    let dir = tempdir();
    sql_dataset(dir.path(), "duckdb");
    let script = r#"
import duckdb, os, sys
d = sys.argv[1]
con = duckdb.connect()
for line in open(os.path.join(d, "load.sql")):
    if line.startswith(".read "):
        con.execute(open(os.path.join(d, line[6:].strip())).read())
for name, n in con.execute(open(os.path.join(d, "reconcile.sql")).read()).fetchall():
    print(f"{name}|{n}")
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_reconciled(&output.stdout, "duckdb");
}

#[test]
fn schema_prints_the_ddl_a_dataset_ships() {
    let dir = tempdir();
    for dialect in ["postgres", "sqlite", "duckdb"] {
        let out = dir.path().join(dialect);
        generate(
            &out,
            &[
                SMALL,
                &[
                    "--seed",
                    "1",
                    "--format",
                    "sql",
                    "--dialect",
                    dialect,
                    "--entities",
                    "users",
                ],
            ]
            .concat(),
        );
        // A subset ships the DDL of its own tables, as `schema ENTITY` prints it.
        let printed = ecomgen(&["schema", "users", "--format", "sql", "--dialect", dialect]);
        assert!(printed.status.success());
        assert_eq!(
            printed.stdout,
            std::fs::read(out.join("schema.sql")).unwrap()
        );
        let printed = ecomgen(&["schema", "--format", "sql", "--dialect", dialect]);
        let ddl = String::from_utf8(printed.stdout).unwrap();
        for needle in [
            "CREATE TABLE IF NOT EXISTS order_items",
            "UNIQUE (product_id, warehouse_id)",
            "UNIQUE (user_id, product_id)",
            "rating BETWEEN 1 AND 5",
            "NUMERIC(12,2)",
        ] {
            assert!(
                ddl.contains(needle) || (dialect == "duckdb" && needle == "NUMERIC(12,2)"),
                "{dialect}: {needle}"
            );
        }
    }
}
