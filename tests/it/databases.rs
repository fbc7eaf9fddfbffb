//! The database formats proven against the real engines: SQL loads into PostgreSQL,
//! SQLite and DuckDB with every key, unique and check constraint on, `--format sqlite`
//! is that same SQLite database, and DuckDB and pyarrow read `--format parquet` with its
//! types; the reconciliation query finds no mismatch anywhere. CI installs the engines
//! (see .ci/run); elsewhere a missing engine skips its test with a notice.

use crate::harness::*;
use std::path::Path;
use std::process::{Command, Stdio};

/// Whether `program --version` runs; in CI a missing engine is a failure.
pub(crate) fn engine(program: &str, args: &[&str]) -> bool {
    let found = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide {program}"
        );
        eprintln!("skipping: {program} is not installed");
    }
    found
}

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

#[test]
fn sqlite_loads_every_row_under_every_constraint() {
    if !engine("sqlite3", &["--version"]) {
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
    if !engine("python3", &["-c", "import duckdb"]) {
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

fn sqlite3(db: &Path, sql: &str) -> std::process::Output {
    let output = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(output.status.success(), "{sql}: {}", stderr(&output));
    output
}

#[test]
fn sqlite_format_is_one_database_with_every_constraint_and_row() {
    if !engine("sqlite3", &["--version"]) {
        return;
    }
    let dir = tempdir();
    let out = dir.path().join("db");
    generate(
        &out,
        &[SMALL, &["--seed", "17", "--format", "sqlite"]].concat(),
    );
    let names: Vec<String> = read_dir(&out).into_keys().collect();
    assert_eq!(names, ["ecomgen.db", "manifest.json", "reconcile.sql"]);
    let db = out.join("ecomgen.db");

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    let counts = csv_counts(&dir.path().join("csv"), "17");
    assert_eq!(files[0]["file"], "ecomgen.db");
    assert_eq!(files[0]["rows"], counts.values().sum::<usize>());
    let bytes = std::fs::read(&db).unwrap();
    assert_eq!(files[0]["bytes"], bytes.len());
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(files[0]["sha256"], sha);

    for (table, n) in &counts {
        let found = sqlite3(&db, &format!("SELECT COUNT(*) FROM {table};"));
        assert_eq!(String::from_utf8_lossy(&found.stdout).trim(), n.to_string());
    }
    let fk = sqlite3(&db, "PRAGMA foreign_key_check;");
    assert!(
        fk.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&fk.stdout)
    );
    let integrity = sqlite3(&db, "PRAGMA integrity_check;");
    assert_eq!(String::from_utf8_lossy(&integrity.stdout).trim(), "ok");
    assert_reconciled(
        &sqlite3(&db, &ecomgen::output::sql::RECONCILE).stdout,
        "sqlite file",
    );

    // The same database, value for value, as the SQL format's load script builds.
    let sql = dir.path().join("sql");
    sql_dataset_into(&sql, "sqlite", "17");
    let load = Command::new("sqlite3")
        .arg("shop.db")
        .current_dir(&sql)
        .stdin(std::fs::File::open(sql.join("load.sql")).unwrap())
        .output()
        .unwrap();
    assert!(load.status.success(), "{}", stderr(&load));
    let dump = |db: &Path| sqlite3(db, ".dump").stdout;
    assert_same_bytes(
        ".dump of ecomgen.db",
        &dump(&sql.join("shop.db")),
        &dump(&db),
    );

    // The constraints are in the file: a broken row is refused.
    let broken = Command::new("sqlite3")
        .arg(&db)
        .arg("PRAGMA foreign_keys = ON; INSERT INTO order_items SELECT * FROM order_items LIMIT 1;")
        .output()
        .unwrap();
    assert!(!broken.status.success());
}

#[test]
fn sqlite_parts_merge_into_the_whole_database() {
    if !engine("sqlite3", &["--version"]) {
        return;
    }
    let dir = tempdir();
    let base = [SMALL, &["--seed", "9", "--format", "sqlite"]].concat();
    let whole = dir.path().join("whole");
    generate(&whole, &base);
    let parts = dir.path().join("parts");
    for part in ["1", "2", "3"] {
        generate(
            &parts,
            &[&base[..], &["--parts", "3", "--part", part]].concat(),
        );
    }
    let names: Vec<String> = data_files(&parts).into_keys().collect();
    assert_eq!(
        names,
        [
            "ecomgen.part-0001-of-0003.db",
            "ecomgen.part-0002-of-0003.db",
            "ecomgen.part-0003-of-0003.db",
            "reconcile.sql"
        ]
    );
    // What README.md tells users to do: copy every part's rows into one database.
    let merged = parts.join("merged.db");
    let schema = dir.path().join("schema.sql");
    std::fs::write(
        &schema,
        ecomgen::output::sql::ddl(ecomgen::output::sql::Dialect::Sqlite),
    )
    .unwrap();
    sqlite3(&merged, &format!(".read {}", schema.display()));
    let mut script = String::new();
    for name in names.iter().filter(|n| n.ends_with(".db")) {
        script.push_str(&format!(
            "ATTACH '{}' AS part;\n",
            parts.join(name).display()
        ));
        for table in ecomgen::schema::Table::load_order() {
            let t = table.name;
            script.push_str(&format!("INSERT INTO main.{t} SELECT * FROM part.{t};\n"));
        }
        script.push_str("DETACH part;\n");
    }
    sqlite3(&merged, &script);
    let fk = sqlite3(&merged, "PRAGMA foreign_key_check;");
    assert!(
        fk.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&fk.stdout)
    );
    let dump = |db: &Path| sqlite3(db, ".dump").stdout;
    assert_same_bytes(
        "3 parts merged",
        &dump(&whole.join("ecomgen.db")),
        &dump(&merged),
    );
}

/// Runs a Python `script` with `dir` as its argument, returning stdout.
fn python(script: &str, dir: &Path) -> String {
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn parquet_files_read_back_typed_in_duckdb_and_reconcile() {
    if !engine("python3", &["-c", "import duckdb"]) {
        return;
    }
    let dir = tempdir();
    let parquet = dir.path().join("parquet");
    generate(
        &parquet,
        &[SMALL, &["--seed", "17", "--format", "parquet"]].concat(),
    );
    let csv = dir.path().join("csv");
    let counts = csv_counts(&csv, "17");
    let names: Vec<String> = data_files(&parquet).into_keys().collect();
    let expected: Vec<String> = counts.keys().map(|t| format!("{t}.parquet")).collect();
    assert_eq!(names, expected);

    // Each table as a view on its file; the CSV of the same run, read with the types
    // the Parquet file declares, holds exactly the same rows.
    let script = r#"
import duckdb, os, sys
d = sys.argv[1]
con = duckdb.connect()
for f in sorted(os.listdir(os.path.join(d, "parquet"))):
    if not f.endswith(".parquet"):
        continue
    t = f[: -len(".parquet")]
    con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{os.path.join(d, 'parquet', f)}')")
    types = {name: ty for name, ty, *_ in con.execute(f"DESCRIBE {t}").fetchall()}
    csv = f"read_csv('{os.path.join(d, 'csv', t)}.csv', header = true, columns = $types)"
    rows = con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
    extra = con.execute(f"SELECT COUNT(*) FROM (SELECT * FROM {t} EXCEPT ALL SELECT * FROM {csv})", {"types": types}).fetchone()[0]
    missing = con.execute(f"SELECT COUNT(*) FROM (SELECT * FROM {csv} EXCEPT ALL SELECT * FROM {t})", {"types": types}).fetchone()[0]
    print(f"rows {t} {rows} {extra} {missing}")
    for name, ty in types.items():
        print(f"type {t}.{name} {ty}")
for name, n in con.execute(open(os.path.join(d, "reconcile.sql")).read()).fetchall():
    print(f"{name}|{n}")
"#;
    std::fs::write(
        dir.path().join("reconcile.sql"),
        ecomgen::output::sql::RECONCILE.as_str(),
    )
    .unwrap();
    let output = python(script, dir.path());
    for line in output.lines().filter(|l| l.starts_with("rows ")) {
        let fields: Vec<&str> = line.split(' ').collect();
        let (table, rows) = (fields[1], fields[2]);
        assert_eq!(rows, counts[table].to_string(), "{line}");
        assert_eq!(&fields[3..], ["0", "0"], "differs from CSV: {line}");
    }
    let types: std::collections::BTreeMap<&str, &str> = output
        .lines()
        .filter_map(|l| l.strip_prefix("type ")?.split_once(' '))
        .collect();
    for (column, ty) in [
        ("orders.total", "DECIMAL(12,2)"),
        ("products.price", "DECIMAL(12,2)"),
        ("orders.created_at", "TIMESTAMP"),
        ("users.created_at", "TIMESTAMP"),
        ("users.is_active", "BOOLEAN"),
        ("users.loyalty_points", "BIGINT"),
        ("promotions.start_date", "DATE"),
        ("orders.order_id", "VARCHAR"),
    ] {
        assert_eq!(types.get(column), Some(&ty), "{column}");
    }
    assert_reconciled(output.as_bytes(), "duckdb on parquet");
}

#[test]
fn parquet_columns_are_nullable_exactly_where_the_schema_says() {
    if !engine("python3", &["-c", "import pyarrow"]) {
        return;
    }
    let dir = tempdir();
    generate(
        dir.path(),
        &[
            SMALL,
            &[
                "--seed",
                "5",
                "--format",
                "parquet",
                "--entities",
                "orders,promotions",
            ],
        ]
        .concat(),
    );
    let script = r#"
import pyarrow.parquet as pq, sys, os
for t in ["orders", "order_items", "promotions"]:
    table = pq.read_table(os.path.join(sys.argv[1], t + ".parquet"))
    print(t, table.num_rows)
    for field in table.schema:
        print(t, field.name, field.type, field.nullable)
"#;
    let output = python(script, dir.path());
    let schema: serde_json::Value =
        serde_json::from_slice(&ecomgen(&["schema", "--format", "json"]).stdout).unwrap();
    for entity in schema.as_array().unwrap() {
        let name = entity["entity"].as_str().unwrap();
        if name != "orders" && name != "promotions" {
            continue;
        }
        for field in entity["fields"].as_array().unwrap() {
            let ty = match field["type"].as_str().unwrap() {
                "money" => "decimal128(12, 2)",
                "timestamp" => "timestamp[ms]",
                "date" => "date32[day]",
                "boolean" => "bool",
                "integer" => "int64",
                _ => "string",
            };
            let line = format!("{name} {} {ty} {}", field["name"].as_str().unwrap(), {
                if field["nullable"].as_bool().unwrap() {
                    "True"
                } else {
                    "False"
                }
            });
            assert!(output.lines().any(|l| l == line), "{line} in\n{output}");
        }
    }
    assert!(output.lines().any(|l| l == "orders 400"), "{output}");
}

#[test]
fn binary_formats_refuse_standard_output() {
    for format in ["parquet", "sqlite"] {
        for to in [&["--stdout"][..], &["--out", "-"]] {
            let output = ecomgen(
                &[
                    &[
                        "generate",
                        "--seed",
                        "1",
                        "--entities",
                        "users",
                        "--format",
                        format,
                    ][..],
                    to,
                ]
                .concat(),
            );
            let err = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{format} {to:?}: {err}");
            assert!(
                err.starts_with("ecomgen: ") && err.lines().count() == 1,
                "{err}"
            );
            assert!(err.contains("--out DIR"), "{err}");
            assert!(output.stdout.is_empty());
        }
    }
}

#[test]
fn validate_does_not_mistake_binary_output_for_a_dataset() {
    let dir = tempdir();
    generate(
        dir.path(),
        &[
            SMALL,
            &["--seed", "1", "--format", "parquet", "--entities", "users"],
        ]
        .concat(),
    );
    std::fs::write(dir.path().join("ecomgen.db"), b"").unwrap();
    // The manifest says the run wrote Parquet: the stray database is not read.
    let output = ecomgen(&["validate", dir.path().to_str().unwrap()]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.starts_with("ok: 1 file, 60 rows in all"), "{out}");
    // Without the manifest, the files themselves tell: two formats, so no dataset.
    std::fs::remove_file(dir.path().join("manifest.json")).unwrap();
    let output = ecomgen(&["validate", dir.path().to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("more than one format"), "{err}");
}
