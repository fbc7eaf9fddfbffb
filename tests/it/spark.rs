//! Parts on a real distributed engine: Apache Spark (pyspark in local mode) runs
//! `examples/spark/parts.py`, which makes each part of a run a Spark task, reads the
//! Parquet parts back as one dataset per table and compares them with a single run.
//! CI installs pyspark (see .ci/run); elsewhere a missing pyspark or java skips the
//! test with a notice.

use crate::harness::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spark/parts.py");

/// Whether java and pyspark are there; in CI their absence is a failure.
fn spark_available() -> bool {
    let requirements: [(&str, &[&str]); 2] = [
        ("java", &["-version"]),
        ("python3", &["-c", "import pyspark"]),
    ];
    let missing = requirements.iter().find(|(program, args)| {
        !Command::new(program)
            .args(*args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    let Some((program, args)) = missing else {
        return true;
    };
    let what = format!("`{program} {}` fails", args.join(" "));
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must provide java and pyspark: {what}"
    );
    eprintln!("skipped: {what} (Spark needs java and the pyspark package)");
    false
}

/// Runs the Spark script in local mode on two cores.
fn parts_py(args: &[&str]) -> Output {
    Command::new("python3")
        .arg(SCRIPT)
        .args(["--ecomgen", BIN, "--master", "local[2]"])
        // A check this small is mostly the JVM warming up: the quick compiler alone
        // gets there sooner.
        .args([
            "--conf",
            "spark.driver.extraJavaOptions=-XX:TieredStopAtLevel=1",
        ])
        .args(args)
        .output()
        .expect("python3 runs")
}

fn show(output: &Output) -> String {
    format!(
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    )
}

/// The script's table lines: table -> (rows, verdict).
fn table_lines(output: &Output, tables: &BTreeMap<String, u64>) -> BTreeMap<String, (u64, String)> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let table = words.next()?;
            tables.contains_key(table).then_some(())?;
            let rows = words.next()?.parse().ok()?;
            let _checksum = words.next()?;
            Some((
                table.to_string(),
                (rows, words.collect::<Vec<_>>().join(" ")),
            ))
        })
        .collect()
}

/// Rows per table as a single run's manifest records them.
fn manifest_rows(dir: &Path) -> BTreeMap<String, u64> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            let table = file.strip_suffix(".parquet").unwrap().to_string();
            (table, f["rows"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn spark_tasks_write_parts_that_read_back_as_the_single_run() {
    if !spark_available() {
        return;
    }
    let dir = tempdir();
    let args = [SMALL, &["--seed", "11"]].concat();
    let single = dir.path().join("single");
    generate(&single, &[&args[..], &["--format", "parquet"]].concat());
    let tables = manifest_rows(&single);
    let parts = dir.path().join("parts");
    let (parts_arg, single_arg) = (parts.to_str().unwrap(), single.to_str().unwrap());

    let output = parts_py(
        &[
            &[
                "--parts",
                "3",
                "--out",
                parts_arg,
                "--reference",
                single_arg,
                "--",
            ],
            &args[..],
        ]
        .concat(),
    );
    assert!(output.status.success(), "{}", show(&output));
    // The tasks wrote every part of every table.
    for table in tables.keys() {
        for k in 1..=3 {
            let name = format!("{table}.part-{k:04}-of-0003.parquet");
            assert!(parts.join(&name).is_file(), "{name}\n{}", show(&output));
        }
    }
    // Spark counted, for every table of the single run, its rows, and found its
    // checksum equal.
    let printed = table_lines(&output, &tables);
    assert_eq!(
        printed.keys().collect::<Vec<_>>(),
        tables.keys().collect::<Vec<_>>(),
        "{}",
        show(&output)
    );
    for (table, (rows, verdict)) in &printed {
        assert_eq!(*rows, tables[table], "{table}: rows read by Spark");
        assert_eq!(verdict, "same as reference", "{table}");
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let keys: Vec<&str> = stdout.lines().filter(|l| l.starts_with("key ")).collect();
    assert!(keys.len() >= 25, "every foreign key is checked:\n{stdout}");
    assert!(keys.iter().all(|l| l.ends_with(": joins")), "{stdout}");
    assert!(keys.contains(&"key orders.user_id -> users.user_id: joins"));
    assert!(keys.contains(&"key returns.order_item_id -> order_items.order_item_id: joins"));

    // The same check fails when a part is lost: users lose a third of their rows, and
    // the tables pointing at them find no parent for some rows; the rest still agree.
    std::fs::remove_file(parts.join("users.part-0002-of-0003.parquet")).unwrap();
    let output = parts_py(&[
        "--skip-generate",
        "--parts",
        "3",
        "--out",
        parts_arg,
        "--reference",
        single_arg,
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    let errors = stderr(&output);
    for failure in [
        "FAILED: users: 1 of 3 part files missing",
        "FAILED: users: manifests say",
        "FAILED: orders.user_id -> users.user_id: ",
    ] {
        assert!(errors.contains(failure), "{failure}\n{}", show(&output));
    }
    let printed = table_lines(&output, &tables);
    assert_ne!(printed["users"].1, "same as reference");
    assert_eq!(
        printed["orders"].1,
        "same as reference",
        "{}",
        show(&output)
    );
}
