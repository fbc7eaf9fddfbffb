//! Regression tests for issue 12, the command-line half: what a new user tripped on
//! with seeds read outside Rust, help, man pages, completions and the licence files.

use crate::harness::*;
use std::path::{Path, PathBuf};

/// What jq and JavaScript do to a JSON document: every number becomes a double, and
/// the document is written back from those doubles.
fn through_doubles(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let double = n.as_f64().expect("every JSON number reads as a double");
            // jq prints an integral double as an integer (its exact value).
            if double.fract() == 0.0 && (0.0..1.8e19).contains(&double) {
                Value::Number((double as u64).into())
            } else {
                serde_json::Number::from_f64(double).map_or(Value::Null, Value::Number)
            }
        }
        Value::Array(items) => Value::Array(items.iter().map(through_doubles).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), through_doubles(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The manifest of `dir` read twice through doubles, as `jq . | jq .` would.
fn manifest_through_doubles(dir: &Path) -> serde_json::Value {
    let text = std::fs::read(dir.join("manifest.json")).unwrap();
    let once = through_doubles(&serde_json::from_slice(&text).unwrap());
    let written = serde_json::to_vec(&once).unwrap();
    through_doubles(&serde_json::from_slice(&written).unwrap())
}

fn exact_seed(dir: &Path) -> u64 {
    let text = std::fs::read(dir.join("manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(&text).unwrap();
    manifest["seed"].as_u64().unwrap()
}

#[test]
fn a_drawn_seed_survives_a_reader_of_doubles_and_repeats_the_run() {
    let root = tempdir();
    let args = ["--entities", "users", "--count", "users=20"];
    for run in 0..4 {
        let dir = root.path().join(format!("drawn{run}"));
        let dir_text = dir.to_str().unwrap();
        let output = ecomgen(&[&["generate", "-q", "--out", dir_text][..], &args].concat());
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(output.stderr.is_empty(), "-q prints nothing");
        let seed = exact_seed(&dir);
        assert!(seed < 1 << 53, "a drawn seed is exact in a double: {seed}");
        let read = manifest_through_doubles(&dir);
        assert_eq!(read["seed"].as_f64(), Some(seed as f64));
        assert_eq!(read["seed"].as_f64().map(|s| s as u64), Some(seed));
        assert_eq!(read["seed_text"].as_str(), Some(seed.to_string().as_str()));
        // What README.md tells a script: the seed from the manifest repeats the run.
        let again = generate(
            &root.path().join(format!("again{run}")),
            &[&["--seed", read["seed_text"].as_str().unwrap()][..], &args].concat(),
        );
        assert_eq!(data_files(&dir), data_files(&again));
    }
}

#[test]
fn any_u64_seed_is_taken_and_kept_exactly_as_text() {
    let root = tempdir();
    for seed in [
        "18446744073709551615",
        "803835009412147508",
        "9007199254740993",
    ] {
        let dir = generate(
            &root.path().join(seed),
            &["--seed", seed, "--entities", "users", "--count", "users=5"],
        );
        assert_eq!(exact_seed(&dir).to_string(), seed);
        let read = manifest_through_doubles(&dir);
        assert_eq!(read["seed_text"].as_str(), Some(seed), "seed_text is exact");
    }
}

#[test]
fn help_takes_help_and_prints_what_subcommand_help_prints() {
    let output = ecomgen(&["help", "--help"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Usage: ecomgen help"));
    let via_help = ecomgen(&["help", "generate"]);
    let via_flag = ecomgen(&["generate", "--help"]);
    assert!(via_help.status.success());
    assert_eq!(via_help.stdout, via_flag.stdout);
    assert_eq!(ecomgen(&["help"]).stdout, ecomgen(&["--help"]).stdout);
    let unknown = ecomgen(&["help", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).starts_with("ecomgen: "));
}

#[test]
fn stdout_help_says_sql_streams_every_entity() {
    let help = String::from_utf8(ecomgen(&["generate", "--help"]).stdout).unwrap();
    let stdout = help
        .split("--stdout")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap()
        .to_string();
    assert!(stdout.contains("--format sql every entity"), "{stdout}");
    // And it does: one stream holds every table's COPY block.
    let sql = ecomgen(&[
        "generate", "-q", "--seed", "1", "--format", "sql", "--stdout", "--scale", "0.01",
    ]);
    assert!(sql.status.success(), "{}", stderr(&sql));
    let text = String::from_utf8(sql.stdout).unwrap();
    for table in [
        "users",
        "orders",
        "order_items",
        "payments",
        "product_analytics",
    ] {
        assert!(text.contains(&format!("\nCOPY {table} (")), "{table}");
    }
}

#[test]
fn every_subcommand_has_a_man_page_with_every_flag() {
    let top = String::from_utf8(ecomgen(&["man"]).stdout).unwrap();
    for command in ecomgen::cli::SUBCOMMANDS {
        assert!(
            top.contains(&format!("ecomgen\\-{command}(1)")),
            "ecomgen(1) lists {command}"
        );
        let output = ecomgen(&["man", command]);
        assert!(
            output.status.success(),
            "man {command}: {}",
            stderr(&output)
        );
        let page = String::from_utf8(output.stdout).unwrap();
        assert!(
            page.contains(&format!(".TH ecomgen-{command} 1")),
            "{command}"
        );
        let help = String::from_utf8(ecomgen(&[command, "--help"]).stdout).unwrap();
        for flag in help
            .split_whitespace()
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| w.trim_end_matches([',', '.', ')', '\'']))
            .filter(|w| {
                w.chars()
                    .skip(2)
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            })
        {
            let roff = flag.replace('-', "\\-");
            assert!(page.contains(&roff), "ecomgen-{command}(1) lacks {flag}");
        }
    }
    let bad = ecomgen(&["man", "nope"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn shells_complete_count_with_entities_not_file_names() {
    let bash = String::from_utf8(ecomgen(&["completions", "bash"]).stdout).unwrap();
    let count = bash
        .split("--count)")
        .nth(1)
        .and_then(|rest| rest.split(";;").next())
        .unwrap();
    assert!(count.contains("users= "), "{count}");
    assert!(count.contains("orders="), "{count}");
    assert!(!count.contains("payments="), "payments' count is derived");
    assert!(!count.contains("compgen -f"), "no file names: {count}");
    let zsh = String::from_utf8(ecomgen(&["completions", "zsh"]).stdout).unwrap();
    assert!(zsh.contains("users="), "zsh");
    let fish = String::from_utf8(ecomgen(&["completions", "fish"]).stdout).unwrap();
    assert!(fish.contains("users="), "fish");
    // Completion values are not a list the parser enforces: any count still parses.
    let dir = tempdir();
    generate(
        dir.path(),
        &["--seed", "1", "--entities", "users", "--count", "users=3"],
    );
}

#[test]
fn both_licences_cargo_toml_names_are_shipped() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(cargo.contains("license = \"MIT OR Apache-2.0\""));
    for (file, needle) in [
        (
            "LICENSE-MIT",
            "Permission is hereby granted, free of charge",
        ),
        (
            "LICENSE-APACHE",
            "Apache License\n                           Version 2.0",
        ),
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(text.contains(needle), "{file}");
        assert!(
            text.contains("Copyright (c) 2026 The ecomgen developers"),
            "{file}"
        );
    }
}

#[test]
fn average_rating_is_typed_a_rating_not_money() {
    let schema: serde_json::Value = serde_json::from_slice(
        &ecomgen(&["schema", "product_analytics", "--format", "json"]).stdout,
    )
    .unwrap();
    let field = schema[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "average_rating")
        .unwrap();
    assert_eq!(field["type"], "decimal");
    let ddl = ecomgen(&["schema", "product_analytics", "--format", "sql"]);
    assert!(String::from_utf8_lossy(&ddl.stdout).contains("average_rating NUMERIC(5,2)"));
    if !installed("python3", &["-c", "import pyarrow"]) {
        return;
    }
    let dir = tempdir();
    generate(
        dir.path(),
        &[SMALL, &["--seed", "3", "--format", "parquet"]].concat(),
    );
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            "import pyarrow.parquet as pq, sys; s = pq.read_schema(sys.argv[1]); \
             print(s.field('average_rating').type, s.field('revenue').type)",
        ])
        .arg(dir.path().join("product_analytics.parquet"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "decimal128(5, 2) decimal128(12, 2)"
    );
}
