//! What validate says beyond one rule: untouched datasets, subsets, the checks it could
//! not make, edited files, its summary, and the parts of a partitioned run.

use super::*;

#[test]
fn untouched_datasets_hold_every_rule() {
    for &base in Base::ALL {
        let output = ecomgen(&["validate", base.dir().to_str().unwrap()]);
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{base:?}: {}", stderr(&output));
        assert!(
            out.starts_with("ok: ") && out.contains("every invariant holds"),
            "{out}"
        );
    }
}

#[test]
fn records_count_from_one_in_locations_and_messages() {
    let (_temp, dir) = copy_of(Base::Csv);
    a_repeated_email(&dir);
    let (_, _, err) = reported(&dir);
    let line = err.lines().next().unwrap();
    assert!(
        line.starts_with("ecomgen: users record 4: [2 users: unique] email "),
        "{err}"
    );
    assert!(line.ends_with(" repeats record 1"), "{err}");
    // Records a message names count from 1 too.
    let (_temp, dir) = copy_of(Base::Csv);
    a_user_without_analytics(&dir);
    let (_, _, err) = reported(&dir);
    assert!(err.contains(" (users record 1) has no row"), "{err}");
    let (_temp, dir) = copy_of(Base::Csv);
    a_promotion_naming_an_order(&dir);
    edit(&dir, "notifications", |n| {
        let row = n.find("an order notification", |x| &x["kind"] == "review_reminder");
        n.set(row, "order_id", "");
    });
    let (_, _, err) = reported(&dir);
    assert!(
        err.contains("] a promotion notification names order "),
        "{err}"
    );
    assert!(
        err.contains("] a review_reminder notification names no order"),
        "{err}"
    );
}

#[test]
fn a_window_that_takes_in_the_day_accepts_it() {
    let (_temp, dir) = copy_of(Base::Jsonl);
    saved_after_the_window(&dir);
    let dir = dir.to_str().unwrap();
    let output = ecomgen(&["validate", dir, "--end-date", "2024-01-01"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_subset_is_checked_without_its_missing_parents() {
    let dir = tempdir();
    let args = [
        "--seed",
        "3",
        "--format",
        "xml",
        "--entities",
        "orders,payments",
    ];
    generate(dir.path(), &[SMALL, &args].concat());
    let output = ecomgen(&["validate", dir.path().to_str().unwrap()]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.starts_with("ok: 2 files, "), "{out}");
}

// What validate could not check.

/// Validates `dir` expecting no violation; returns what it printed.
fn validated_ok(dir: &Path) -> String {
    let output = ecomgen(&["validate", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_subset_says_which_keys_and_rules_it_could_not_check() {
    let temp = tempdir();
    let dir = temp.path().join("orders");
    generate(
        &dir,
        &[SMALL, &["--seed", "7", "--entities", "orders"]].concat(),
    );
    let out = validated_ok(&dir);
    assert!(!out.contains("every invariant holds"), "{out}");
    for unchecked in [
        "orders.user_id -> users",
        "orders.promotion_id -> promotions",
        "order_items.product_id -> products",
        "5 orders: created_at (users)",
        "5 orders: unit_price (products)",
    ] {
        assert!(out.contains(unchecked), "{unchecked}: {out}");
    }
    assert!(!out.contains("order_items.order_id"), "{out}");
    // A user_id that names no user cannot be found without users.csv: it says so.
    edit(&dir, "orders", |orders| {
        orders.set(0, "user_id", fresh_id(1))
    });
    let out = validated_ok(&dir);
    assert!(out.contains("a key that names no row goes unseen"), "{out}");
}

#[test]
fn a_whole_dataset_holds_every_invariant_and_names_no_gap() {
    let out = validated_ok(Base::Csv.dir());
    assert!(out.contains("every invariant holds"), "{out}");
    assert!(!out.contains("not checked"), "{out}");
}

#[test]
fn files_edited_since_they_were_generated_are_named() {
    let (_temp, dir) = copy_of(Base::Csv);
    assert!(!validated_ok(&dir).contains("edited"));
    edit(&dir, "users", |users| users.set(0, "first_name", "Zed"));
    let out = validated_ok(&dir);
    let note = out
        .lines()
        .find(|l| l.contains("users.csv"))
        .unwrap_or_default();
    assert!(
        note.starts_with("note: users.csv was edited since"),
        "{out}"
    );
    assert_eq!(out.matches(" was edited since").count(), 1, "{out}");
    // The same bytes again are the generated file, whatever its modification time.
    std::fs::write(
        dir.join("users.csv"),
        &read_dir(Base::Csv.dir())["users.csv"],
    )
    .unwrap();
    assert!(!validated_ok(&dir).contains("edited"));
}

/// 12345 as "12,345".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_summary_counts_rows_as_generate_does() {
    let items = csv_rows(&Base::Csv.dir().join("order_items.csv")).len();
    let nested = format!(
        "and {} order items nested in the orders",
        thousands(items as u64)
    );
    for (format, files, items) in [
        ("csv", 18, "(order items included)"),
        ("xml", 17, nested.as_str()),
    ] {
        let temp = tempdir();
        let dir = temp.path().join(format);
        let args = [&["generate", "--seed", "7", "--format", format][..], SMALL].concat();
        let output = ecomgen(&[&args[..], &["--out", dir.to_str().unwrap()]].concat());
        let wrote: u64 = stderr(&output)
            .lines()
            .filter_map(|l| {
                l.split_once(" (")?
                    .1
                    .split_once(" rows")?
                    .0
                    .parse::<u64>()
                    .ok()
            })
            .sum();
        let out = validated_ok(&dir);
        let expected = format!(
            "ok: {files} files, 400 orders with {} rows in all {items}, every invariant holds",
            thousands(wrote)
        );
        assert_eq!(out.lines().next(), Some(expected.as_str()), "{format}");
    }
}

// Parts of a partitioned run.

/// Every part of a run in a window that is not the default one, into one directory.
fn parts_of_a_run(dir: &Path, format: &str) {
    for part in ["1", "2"] {
        let args = [
            "--seed",
            "7",
            "--format",
            format,
            "--parts",
            "2",
            "--part",
            part,
            "--start-date",
            "2024-02-01",
            "--end-date",
            "2024-03-31",
        ];
        generate(dir, &[SMALL, &args].concat());
    }
}

#[test]
fn the_parts_of_a_run_are_checked_in_the_window_their_manifests_give() {
    for format in ["csv", "json", "xml"] {
        let temp = tempdir();
        let dir = temp.path().join(format);
        parts_of_a_run(&dir, format);
        let out = validated_ok(&dir);
        assert!(out.contains("every invariant holds"), "{format}: {out}");
        // An edited part is named, like an edited file.
        let part = format!("users.part-0002-of-0002.{format}");
        rewrite(&dir, &part, |text| text.replacen("@", "@x", 1));
        let out = validated_ok(&dir);
        assert!(
            out.contains(&format!("note: {part} was edited since")),
            "{out}"
        );
    }
}

#[test]
fn parts_concatenated_back_are_checked_in_their_window() {
    let temp = tempdir();
    let dir = temp.path().join("data");
    parts_of_a_run(&dir, "csv");
    let names: Vec<String> = read_dir(&dir).into_keys().collect();
    for name in &names {
        let Some((stem, rest)) = name.split_once(".part-") else {
            continue;
        };
        if rest.ends_with(".csv") {
            let mut whole = std::fs::read(dir.join(format!("{stem}.csv"))).unwrap_or_default();
            whole.extend(std::fs::read(dir.join(name)).unwrap());
            std::fs::write(dir.join(format!("{stem}.csv")), whole).unwrap();
            std::fs::remove_file(dir.join(name)).unwrap();
        }
    }
    let out = validated_ok(&dir);
    assert!(out.contains("every invariant holds"), "{out}");
    // Without the part manifests, the window must be given again.
    for name in names.iter().filter(|n| n.starts_with("manifest.part-")) {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    let output = ecomgen(&["validate", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("[14 window]"));
}

#[test]
fn a_missing_part_is_named() {
    let temp = tempdir();
    let dir = temp.path().join("data");
    parts_of_a_run(&dir, "jsonl");
    for name in read_dir(&dir).into_keys() {
        if name.contains(".part-0001-of-0002.") {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
    }
    let output = ecomgen(&["validate", dir.to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("holds parts of a partitioned run") && err.contains("part 1 of 2"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
