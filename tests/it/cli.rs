//! Bad input: one `ecomgen: ...` line naming the problem, exit 2 for usage and 1 for
//! runtime errors, no panic, and nothing written.

use crate::harness::*;

/// Runs `generate` with `args` into a directory that must not be created.
fn refused(args: &[&str], code: i32, mentions: &str) {
    let dir = tempdir();
    let out = dir.path().join("out");
    let mut all = vec!["generate", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let output = ecomgen(&all);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{all:?}: {err}");
    assert!(err.starts_with("ecomgen: "), "{all:?}: {err}");
    assert!(
        err.contains(mentions),
        "{all:?} should mention {mentions:?}: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.lines().count() <= 2,
        "one line plus a hint at most: {err}"
    );
    assert!(!out.exists(), "{all:?} wrote {}", out.display());
}

#[test]
fn unknown_format_lists_the_valid_ones() {
    refused(&["--format", "yaml"], 2, "csv, json, jsonl, xml");
}

#[test]
fn unknown_entity_lists_the_valid_ones() {
    refused(&["--entities", "orders,buyers"], 2, "users");
    refused(&["--count", "buyers=5"], 2, "valid: users");
}

#[test]
fn seeds_must_be_whole_non_negative_numbers() {
    refused(&["--seed", "abc"], 2, "seed");
    refused(&["--seed", "-1"], 2, "seed");
    refused(&["--seed", "18446744073709551616"], 2, "seed");
}

#[test]
fn counts_must_be_entity_equals_number() {
    refused(&["--count", "users"], 2, "ENTITY=N");
    refused(&["--count", "users=-5"], 2, "row count");
    refused(&["--count", "users=many"], 2, "row count");
    refused(&["--count", "payments=10"], 2, "cannot be set");
    refused(&["--scale", "-2"], 2, "non-negative");
    refused(
        &["--count", "users=99999999999999999999"],
        2,
        "more rows than ecomgen can count",
    );
    refused(&["--scale", "1e12"], 2, "pairs than ecomgen can number");
}

#[test]
fn dates_must_exist_and_be_in_order() {
    refused(&["--start-date", "2023-02-30"], 2, "YYYY-MM-DD");
    refused(&["--end-date", "31/12/2023"], 2, "YYYY-MM-DD");
    refused(
        &["--start-date", "2023-06-01", "--end-date", "2023-05-31"],
        2,
        "after",
    );
    refused(
        &["--start-date", "2024-01-01"],
        2,
        "after the default end date 2023-12-31; give both dates",
    );
}

#[test]
fn unsatisfiable_counts_are_refused_before_writing() {
    refused(
        &[
            "--count",
            "products=10",
            "--count",
            "warehouses=2",
            "--count",
            "inventory=21",
        ],
        2,
        "pairs",
    );
    refused(
        &[
            "--count",
            "users=3",
            "--count",
            "products=3",
            "--count",
            "wishlists=10",
        ],
        2,
        "pairs",
    );
    refused(
        &["--count", "orders=10", "--count", "reviews=1000000"],
        2,
        "delivered purchases",
    );
    refused(&["--count", "users=0"], 2, "without users");
}

#[test]
fn parts_must_be_consistent() {
    refused(&["--parts", "2", "--part", "3"], 2, "part");
    refused(&["--part", "1"], 2, "--parts");
    refused(&["--parts", "0", "--part", "1"], 2, "at least 1");
}

#[test]
fn out_that_is_a_file_is_refused() {
    let dir = tempdir();
    let file = dir.path().join("data.csv");
    std::fs::write(&file, "keep me").unwrap();
    let output = ecomgen(&["generate", "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("ecomgen: "));
    assert!(stderr(&output).contains("is a file"));
    // A device is no directory either (writing to it would fail half-way).
    let output = ecomgen(&["generate", "--seed", "1", "--out", "/dev/null"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/null is not a directory"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn out_below_a_file_is_the_same_usage_error_naming_the_file() {
    let dir = tempdir();
    let file = dir.path().join("plain");
    std::fs::write(&file, "").unwrap();
    // A directory cannot be created below a regular file (issue 12: this was exit 1).
    for out in [file.join("sub"), file.join("sub/deeper")] {
        let output = ecomgen(&[
            "generate",
            "--seed",
            "1",
            "--entities",
            "users",
            "--out",
            out.to_str().unwrap(),
        ]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(err.starts_with("ecomgen: "), "{err}");
        assert!(
            err.contains(&format!("{} is a file", file.display())),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn unknown_flags_and_subcommands_are_usage_errors() {
    let output = ecomgen(&["generate", "--colour", "red"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("ecomgen: "),
        "{}",
        stderr(&output)
    );
    let output = ecomgen(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("ecomgen: "));
}

#[test]
fn help_reads_well_for_every_command() {
    for args in [
        &["--help"][..],
        &["generate", "--help"],
        &["entities", "--help"],
        &["schema", "--help"],
    ] {
        let output = ecomgen(args);
        assert!(output.status.success(), "{args:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("Usage: ecomgen"), "{args:?}: {text}");
    }
    let text = String::from_utf8(ecomgen(&["generate", "--help"]).stdout).unwrap();
    for flag in [
        "--seed",
        "--format",
        "--out",
        "--count",
        "--scale",
        "--entities",
        "--start-date",
        "--end-date",
        "--threads",
        "--parts",
    ] {
        assert!(text.contains(flag), "generate --help lacks {flag}");
    }
}

#[test]
fn entities_lists_parents_and_default_counts() {
    let output = ecomgen(&["entities"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let orders = text
        .lines()
        .find(|l| l.starts_with("orders "))
        .expect("an orders line");
    assert!(
        orders.contains("users") && orders.contains("5000") && orders.contains("set"),
        "{orders}"
    );
    let payments = text
        .lines()
        .find(|l| l.starts_with("payments "))
        .expect("a payments line");
    assert!(payments.contains("derived"), "{payments}");
    assert_eq!(
        text.lines().count(),
        18,
        "a header and 17 entities:\n{text}"
    );
}

#[test]
fn schema_prints_every_field_from_the_code() {
    let text = String::from_utf8(ecomgen(&["schema"]).stdout).unwrap();
    for field in [
        "user_id",
        "loyalty_points",
        "parent_category_id",
        "quantity_on_hand",
        "refund_amount",
        "average_rating",
    ] {
        assert!(text.contains(field), "schema lacks {field}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&ecomgen(&["schema", "--format", "json"]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 17);
    let orders = ecomgen(&["schema", "orders", "--format", "json"]);
    let orders: serde_json::Value = serde_json::from_slice(&orders.stdout).unwrap();
    assert_eq!(orders[0]["entity"], "orders");
    assert!(orders[0]["items"]["fields"].as_array().unwrap().len() >= 5);
}

#[test]
fn schema_sql_prints_the_tables_asked_for() {
    let tables = |args: &[&str]| -> Vec<String> {
        let output = ecomgen(&[&["schema", "--format", "sql"][..], args].concat());
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix("CREATE TABLE IF NOT EXISTS "))
            .map(|l| l.trim_end_matches(" (").to_string())
            .collect()
    };
    assert_eq!(tables(&[]).len(), 18);
    assert_eq!(tables(&["orders"]), ["orders", "order_items"]);
    assert_eq!(tables(&["reviews", "--dialect", "duckdb"]), ["reviews"]);
    let sqlite = ecomgen(&["schema", "users", "--format", "sql", "--dialect", "sqlite"]);
    assert!(
        String::from_utf8_lossy(&sqlite.stdout).starts_with("-- ecomgen ")
            && String::from_utf8_lossy(&sqlite.stdout).contains("schema (SQLite)")
    );
    // A dialect means nothing to the text and JSON forms: say so rather than ignore it.
    let output = ecomgen(&["schema", "--dialect", "sqlite"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--dialect is for --format sql"));
    let output = ecomgen(&["generate", "--dialect", "sqlite", "--out", "/nonexistent"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--dialect is for --format sql"));
}

#[test]
fn choices_are_taken_in_any_case() {
    let dir = tempdir();
    let (lower, upper) = (dir.path().join("lower"), dir.path().join("upper"));
    generate(
        &lower,
        &[
            "--seed",
            "4",
            "--format",
            "jsonl",
            "--entities",
            "users",
            "--count",
            "users=7",
        ],
    );
    generate(
        &upper,
        &[
            "--seed",
            "4",
            "--format",
            "JSONL",
            "--entities",
            "Users",
            "--count",
            "USERS=7",
        ],
    );
    assert_eq!(read_dir(&lower), read_dir(&upper));
    let schema = ecomgen(&["schema", "Orders", "--format", "JSON"]);
    assert!(schema.status.success(), "{}", stderr(&schema));
}

#[test]
fn a_drawn_seed_is_printed_so_the_run_can_be_repeated() {
    let dir = tempdir();
    let out = dir.path().join("a");
    let output = ecomgen(&[
        "generate",
        "--entities",
        "users",
        "--count",
        "users=5",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let err = stderr(&output);
    let seed = err
        .lines()
        .find_map(|l| l.strip_prefix("seed: "))
        .expect("the seed on stderr")
        .to_string();
    let again = dir.path().join("b");
    generate(
        &again,
        &["--seed", &seed, "--entities", "users", "--count", "users=5"],
    );
    assert_eq!(read_dir(&out), read_dir(&again));
}

#[test]
fn zero_counts_give_empty_but_well_formed_files() {
    let dir = tempdir();
    for (format, users, expected) in [
        ("csv", "users.csv", "user_id,email,username"),
        ("json", "users.json", "[\n]\n"),
        ("jsonl", "users.jsonl", ""),
        ("xml", "users.xml", "<users>\n</users>"),
    ] {
        let out = dir.path().join(format);
        generate(
            &out,
            &[
                "--format",
                format,
                "--entities",
                "users",
                "--count",
                "users=0",
            ],
        );
        let text = std::fs::read_to_string(out.join(users)).unwrap();
        assert!(
            text.contains(expected) || (expected.is_empty() && text.is_empty()),
            "{format}: {text:?}"
        );
    }
}

#[test]
fn counts_left_unset_shrink_to_fit_the_ones_set() {
    let dir = tempdir();
    // Default inventory (6,000) and wishlists (3,000) exceed 10 products x 5 warehouses
    // and 100 users x 10 products; unset, they shrink instead of failing.
    generate(
        dir.path(),
        &[
            "--seed",
            "1",
            "--count",
            "products=10",
            "--count",
            "users=100",
            "--entities",
            "inventory,wishlists",
        ],
    );
    assert_eq!(csv_rows(&dir.path().join("inventory.csv")).len(), 50);
    assert_eq!(csv_rows(&dir.path().join("wishlists.csv")).len(), 1_000);
    // A tiny scale keeps at least one row of everything.
    let small = dir.path().join("small");
    generate(
        &small,
        &["--seed", "1", "--scale", "0.01", "--entities", "warehouses"],
    );
    assert_eq!(csv_rows(&small.join("warehouses.csv")).len(), 1);
}
