//! Partitioned runs: every part can be generated alone, its keys point into the whole
//! dataset, and the parts concatenated in order are exactly the single-run files.

use crate::harness::*;
use std::collections::BTreeSet;

#[test]
fn parts_concatenate_to_the_single_run_files() {
    let dir = tempdir();
    for format in ["csv", "json", "jsonl", "xml"] {
        let whole_dir = dir.path().join(format!("{format}-whole"));
        let base = [SMALL, &["--seed", "21", "--format", format]].concat();
        generate(&whole_dir, &base);
        let whole = data_files(&whole_dir);
        for parts in [1u32, 2, 3, 7] {
            let parts_dir = dir.path().join(format!("{format}-{parts}"));
            for part in 1..=parts {
                let (p, k) = (parts.to_string(), part.to_string());
                generate(
                    &parts_dir,
                    &[&base[..], &["--parts", &p, "--part", &k]].concat(),
                );
            }
            let written = read_dir(&parts_dir);
            for (name, expected) in &whole {
                let (stem, ext) = name.rsplit_once('.').unwrap();
                let joined: Vec<u8> = if parts == 1 {
                    written[name].clone()
                } else {
                    (1..=parts)
                        .flat_map(|k| {
                            written[&format!("{stem}.part-{k:04}-of-{parts:04}.{ext}")].clone()
                        })
                        .collect()
                };
                assert_same_bytes(&format!("{name} from {parts} parts"), expected, &joined);
            }
        }
    }
}

/// Rows of a headerless part file, read with the whole file's header.
fn part_rows(
    whole_file: &std::path::Path,
    part_file: &std::path::Path,
) -> Vec<std::collections::BTreeMap<String, String>> {
    let body = std::fs::read_to_string(part_file).unwrap();
    let header = std::fs::read_to_string(whole_file)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(!body.starts_with(&header), "only part 1 carries the header");
    let text = format!("{header}\n{body}");
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .map(|r| r.expect("a well-formed record"))
        .collect()
}

#[test]
fn a_part_alone_points_into_the_whole_dataset() {
    let dir = tempdir();
    let base = [SMALL, &["--seed", "4"]].concat();
    let whole = dir.path().join("whole");
    generate(&whole, &base);
    let part = dir.path().join("part");
    generate(
        &part,
        &[
            &base[..],
            &[
                "--parts",
                "3",
                "--part",
                "3",
                "--entities",
                "orders,reviews",
            ],
        ]
        .concat(),
    );
    let ids = |file: &str, field: &str| -> BTreeSet<String> {
        column(&csv_rows(&whole.join(file)), field)
            .into_iter()
            .collect()
    };
    let users = ids("users.csv", "user_id");
    let products = ids("products.csv", "product_id");
    let orders = ids("orders.csv", "order_id");

    let part_orders = part_rows(
        &whole.join("orders.csv"),
        &part.join("orders.part-0003-of-0003.csv"),
    );
    assert!(!part_orders.is_empty() && part_orders.len() < orders.len());
    for order in &part_orders {
        assert!(users.contains(&order["user_id"]));
        assert!(orders.contains(&order["order_id"]));
    }
    let part_reviews = part_rows(
        &whole.join("reviews.csv"),
        &part.join("reviews.part-0003-of-0003.csv"),
    );
    assert!(!part_reviews.is_empty());
    for review in &part_reviews {
        assert!(products.contains(&review["product_id"]));
        assert!(orders.contains(&review["order_id"]));
        assert!(users.contains(&review["user_id"]));
    }
}
