//! Same arguments, same bytes: across runs, thread counts and entity subsets; and
//! every format of one run holds the same records.

use crate::harness::*;
use std::collections::BTreeMap;

const FORMATS: [&str; 4] = ["csv", "json", "jsonl", "xml"];

fn run(dir: &std::path::Path, name: &str, args: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let out = dir.join(name);
    let mut all = SMALL.to_vec();
    all.extend_from_slice(args);
    generate(&out, &all);
    data_files(&out)
}

#[test]
fn reruns_are_byte_identical_in_every_format() {
    let dir = tempdir();
    for format in FORMATS {
        let first = run(
            dir.path(),
            &format!("{format}-1"),
            &["--seed", "11", "--format", format],
        );
        let second = run(
            dir.path(),
            &format!("{format}-2"),
            &["--seed", "11", "--format", format],
        );
        assert_eq!(
            first.keys().collect::<Vec<_>>(),
            second.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &first {
            assert_same_bytes(name, bytes, &second[name]);
        }
        let other = run(
            dir.path(),
            &format!("{format}-3"),
            &["--seed", "12", "--format", format],
        );
        let users = format!("users.{format}");
        assert_ne!(first[&users], other[&users]);
    }
}

#[test]
fn thread_counts_do_not_change_a_byte() {
    let dir = tempdir();
    for format in ["json", "parquet", "sqlite"] {
        // Enough orders for several chunks per thread.
        let args = ["--seed", "5", "--count", "orders=9000", "--format", format];
        let one = run(
            dir.path(),
            &format!("{format}-t1"),
            &[&args[..], &["--threads", "1"]].concat(),
        );
        for threads in ["2", "3", "8"] {
            let many = run(
                dir.path(),
                &format!("{format}-t{threads}"),
                &[&args[..], &["--threads", threads]].concat(),
            );
            assert_eq!(one.len(), many.len());
            for (name, bytes) in &one {
                assert_same_bytes(
                    &format!("{name} with {threads} threads"),
                    bytes,
                    &many[name],
                );
            }
        }
    }
}

#[test]
fn a_subset_holds_exactly_the_full_runs_rows() {
    let dir = tempdir();
    for format in FORMATS {
        let full = run(
            dir.path(),
            &format!("full-{format}"),
            &["--seed", "3", "--format", format],
        );
        for subset in [
            "orders",
            "reviews",
            "payments,user_analytics",
            "product_analytics",
            "returns,notifications",
        ] {
            let name = format!("{format}-{}", subset.replace(',', "-"));
            let part = run(
                dir.path(),
                &name,
                &["--seed", "3", "--format", format, "--entities", subset],
            );
            assert!(!part.is_empty());
            for (file, bytes) in &part {
                assert_same_bytes(
                    &format!("{file} of --entities {subset}"),
                    &full[file],
                    bytes,
                );
            }
            let expected_files =
                subset.split(',').count() + usize::from(format == "csv" && subset == "orders");
            assert_eq!(
                part.len(),
                expected_files,
                "{subset} in {format}: {:?}",
                part.keys()
            );
        }
    }
}

/// A JSON value as the text CSV writes for it.
fn as_csv_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn csv_and_json_lines_hold_the_same_records() {
    let dir = tempdir();
    let csv_dir = dir.path().join("csv");
    let jsonl_dir = dir.path().join("jsonl");
    generate(&csv_dir, &[SMALL, &["--seed", "8"]].concat());
    generate(
        &jsonl_dir,
        &[SMALL, &["--seed", "8", "--format", "jsonl"]].concat(),
    );
    for entry in std::fs::read_dir(&csv_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        if stem == "order_items" {
            continue;
        }
        let rows = csv_rows(&path);
        let text = std::fs::read_to_string(jsonl_dir.join(format!("{stem}.jsonl"))).unwrap();
        let objects: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), objects.len(), "{stem}");
        for (row, object) in rows.iter().zip(&objects) {
            for (field, value) in row {
                assert_eq!(value, &as_csv_text(&object[field]), "{stem}.{field}");
            }
        }
    }
    // Nested items match order_items.csv, in order.
    let items = csv_rows(&csv_dir.join("order_items.csv"));
    let orders = std::fs::read_to_string(jsonl_dir.join("orders.jsonl")).unwrap();
    let nested: Vec<(String, serde_json::Value)> = orders
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .flat_map(|o| {
            let id = o["order_id"].as_str().unwrap().to_string();
            o["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |i| (id.clone(), i.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(items.len(), nested.len());
    for (row, (order_id, item)) in items.iter().zip(&nested) {
        assert_eq!(&row["order_id"], order_id);
        for field in [
            "order_item_id",
            "product_id",
            "quantity",
            "unit_price",
            "total",
        ] {
            assert_eq!(row[field], as_csv_text(&item[field]), "order_items.{field}");
        }
    }
}

#[test]
fn json_keys_keep_one_fixed_order() {
    let dir = tempdir();
    generate(
        dir.path(),
        &[
            SMALL,
            &["--seed", "2", "--format", "jsonl", "--entities", "users"],
        ]
        .concat(),
    );
    let text = std::fs::read_to_string(dir.path().join("users.jsonl")).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&ecomgen(&["schema", "users", "--format", "json"]).stdout).unwrap();
    let fields: Vec<String> = schema[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("\"{}\":", f["name"].as_str().unwrap()))
        .collect();
    for line in text.lines() {
        let positions: Vec<usize> = fields
            .iter()
            .map(|f| line.find(f.as_str()).expect("every field"))
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "keys out of schema order: {line}"
        );
    }
}
