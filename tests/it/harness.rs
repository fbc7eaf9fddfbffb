//! Running the binary and reading what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_ecomgen");

/// Small counts that still exercise every entity and most order fates.
pub const SMALL: &[&str] = &[
    "--count",
    "users=60",
    "--count",
    "categories=25",
    "--count",
    "vendors=6",
    "--count",
    "warehouses=3",
    "--count",
    "products=80",
    "--count",
    "inventory=150",
    "--count",
    "promotions=12",
    "--count",
    "orders=400",
    "--count",
    "support_tickets=40",
    "--count",
    "wishlists=90",
];

pub fn ecomgen(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Generates into a fresh directory and returns it; panics with stderr on failure.
pub fn generate(dir: &Path, args: &[&str]) -> PathBuf {
    let out = dir.to_str().expect("utf-8 temp path");
    let mut all = vec!["generate", "--quiet", "--out", out];
    all.extend_from_slice(args);
    let output = ecomgen(&all);
    assert!(
        output.status.success(),
        "ecomgen {all:?} failed: {}",
        stderr(&output)
    );
    dir.to_path_buf()
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Every file of a directory, name -> bytes, in name order.
pub fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("readable output directory")
        .map(|entry| {
            let entry = entry.expect("directory entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(entry.path()).expect("readable file"))
        })
        .collect()
}

/// The data files of a directory (the manifest describes a run, so it differs
/// between a subset and a full run).
pub fn data_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = read_dir(dir);
    files.retain(|name, _| !name.starts_with("manifest"));
    files
}

/// Asserts two files are identical, naming the first differing line.
pub fn assert_same_bytes(name: &str, expected: &[u8], actual: &[u8]) {
    if expected == actual {
        return;
    }
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    for (n, (le, la)) in e.lines().zip(a.lines()).enumerate() {
        assert_eq!(le, la, "{name}: first difference at line {}", n + 1);
    }
    panic!(
        "{name}: one file is a prefix of the other ({} vs {} lines)",
        e.lines().count(),
        a.lines().count()
    );
}

/// Rows of a CSV file as field -> text maps.
pub fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed record");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The values of one column.
pub fn column(rows: &[BTreeMap<String, String>], name: &str) -> Vec<String> {
    rows.iter().map(|r| r[name].clone()).collect()
}

/// Whether an outside program (a database engine, a browser, a tool) runs as
/// `program args`; in CI, which installs them all (see .ci/run), a missing one fails
/// the test rather than skipping it.
pub fn installed(program: &str, args: &[&str]) -> bool {
    let found = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide {program} (see .ci/run)"
        );
        eprintln!("skipped: {program} is not installed");
    }
    found
}
