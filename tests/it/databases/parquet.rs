//! `--format parquet` read back typed, and what the binary formats refuse.

use super::*;

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
    if !installed("python3", &["-c", "import duckdb"]) {
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
    if !installed("python3", &["-c", "import pyarrow"]) {
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

/// The metadata of `column` in the first row group of `file` in `dir`.
fn first_chunk(
    dir: &Path,
    file: &str,
    column: &str,
) -> ::parquet::file::metadata::ColumnChunkMetaData {
    use ::parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(dir.join(file)).unwrap()).unwrap();
    let group = reader.metadata().row_group(0);
    group
        .columns()
        .iter()
        .find(|c| c.column_path().string() == column)
        .unwrap_or_else(|| panic!("{file} has no {column}"))
        .clone()
}

/// Unique UUID columns are random hex that Snappy cannot shrink: they are stored plain,
/// while keys that repeat and text keep Snappy (where it pays).
#[test]
fn unique_uuid_columns_are_stored_uncompressed_and_the_rest_with_snappy() {
    use ::parquet::basic::Compression;
    let dir = tempdir();
    generate(
        dir.path(),
        &[SMALL, &["--seed", "5", "--format", "parquet"]].concat(),
    );
    let compression =
        |file: &str, column: &str| first_chunk(dir.path(), file, column).compression();
    assert_eq!(
        compression("users.parquet", "user_id"),
        Compression::UNCOMPRESSED
    );
    assert_eq!(
        compression("orders.parquet", "order_id"),
        Compression::UNCOMPRESSED
    );
    assert_eq!(
        compression("orders.parquet", "user_id"),
        Compression::SNAPPY
    );
    assert_eq!(compression("users.parquet", "email"), Compression::SNAPPY);
    assert_eq!(
        compression("order_items.parquet", "order_id"),
        Compression::SNAPPY
    );
}

/// Ids and free text come in no order, so their minimum and maximum would let a reader
/// skip nothing: they carry no statistics. Numbers, times and enumerations keep theirs,
/// for readers that prune row groups.
#[test]
fn statistics_are_kept_for_numbers_times_and_enumerations_only() {
    let dir = tempdir();
    generate(
        dir.path(),
        &[SMALL, &["--seed", "6", "--format", "parquet"]].concat(),
    );
    let has_statistics =
        |file: &str, column: &str| first_chunk(dir.path(), file, column).statistics().is_some();
    for (file, column) in [
        ("orders.parquet", "order_id"),
        ("orders.parquet", "user_id"),
        ("users.parquet", "email"),
        ("notifications.parquet", "message"),
    ] {
        assert!(!has_statistics(file, column), "{file} {column}");
    }
    for (file, column) in [
        ("orders.parquet", "subtotal"),
        ("orders.parquet", "created_at"),
        ("orders.parquet", "status"),
        ("notifications.parquet", "kind"),
        ("users.parquet", "loyalty_points"),
    ] {
        assert!(has_statistics(file, column), "{file} {column}");
    }
}
