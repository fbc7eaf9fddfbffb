//! Limits a run meets before it writes (issue 12): windows the data model cannot fill
//! are refused with the range it can, a run too big for its disk is refused at once
//! with the estimate and the free space unless forced, and huge numbers are echoed
//! short.

use crate::harness::*;
use crate::ux::Mount;
use ecomgen::config::Config;
use ecomgen::engine::{Parts, space};
use ecomgen::generate::Plan;
use ecomgen::output::Format;
use ecomgen::schema::Entity;

/// Runs `generate --seed 1` with `args` into a directory that must not be created, and
/// returns its one line of error.
fn refused(args: &[&str], code: i32) -> String {
    refused_after(&["--seed", "1"], args, code)
}

/// `refused`, with `seed` (none: ecomgen draws one) before `args`.
fn refused_after(seed: &[&str], args: &[&str], code: i32) -> String {
    let dir = tempdir();
    let out = dir.path().join("out");
    let mut all = vec!["generate", "--out", out.to_str().unwrap()];
    all.extend_from_slice(seed);
    all.extend_from_slice(args);
    let output = ecomgen(&all);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{all:?}: {err}");
    assert!(err.starts_with("ecomgen: "), "{all:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{all:?}: {err}");
    assert!(!out.exists(), "{all:?} wrote {}", out.display());
    err
}

/// Generates SMALL with many promotions (they reach furthest past the window) in
/// `window` and validates it.
fn generates_valid_data(window: &[&str]) {
    let dir = tempdir();
    let args = [SMALL, &["--seed", "8", "--count", "promotions=300"], window].concat();
    generate(dir.path(), &args);
    let output = ecomgen(&["validate", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "{window:?}: {}", stderr(&output));
}

#[test]
fn windows_the_model_cannot_fill_are_refused_with_the_range_it_can() {
    let range = "windows run from 0005-01-01 to 9998-12-31";
    // Promotions of 9999 ran into year 10000 and ended before they started.
    let err = refused(
        &["--start-date", "9999-01-01", "--end-date", "9999-12-31"],
        2,
    );
    assert!(err.contains("too late") && err.contains(range), "{err}");
    let err = refused(
        &["--start-date", "9998-06-01", "--end-date", "9999-01-01"],
        2,
    );
    assert!(err.contains(range), "{err}");
    // Accounts of a shop open four years reached back before year 1.
    let err = refused(
        &["--start-date", "0004-12-31", "--end-date", "0005-12-31"],
        2,
    );
    assert!(err.contains("too early") && err.contains(range), "{err}");
    let err = refused(
        &[
            "--start-date",
            "0001-12-31",
            "--end-date",
            "0002-12-31",
            "--opened",
            "0001-01-01",
        ],
        2,
    );
    assert!(
        err.contains("windows run from 0002-01-01 to 9998-12-31"),
        "{err}"
    );
}

#[test]
fn the_earliest_and_latest_windows_give_valid_data() {
    generates_valid_data(&["--start-date", "0005-01-01", "--end-date", "0005-12-31"]);
    generates_valid_data(&["--start-date", "9998-01-01", "--end-date", "9998-12-31"]);
    generates_valid_data(&[
        "--start-date",
        "0002-01-01",
        "--end-date",
        "0002-03-31",
        "--opened",
        "0001-01-01",
    ]);
}

#[test]
fn a_refusal_is_the_one_line_even_when_the_seed_was_drawn() {
    let err = refused_after(&[], &["--count", "orders=99999999999999"], 1);
    assert!(err.contains("would write about "), "{err}");
}

#[test]
fn a_run_too_big_for_the_disk_is_refused_at_once() {
    let err = refused(&["--count", "orders=99999999999999"], 1);
    assert!(err.contains("would write about "), "{err}");
    assert!(err.contains(" PB into "), "{err}");
    assert!(err.contains(" free: ") && err.contains("--force"), "{err}");
    // Parts are each a share of the whole.
    let err = refused(
        &[
            "--count",
            "orders=99999999999999",
            "--parts",
            "1000",
            "--part",
            "3",
        ],
        1,
    );
    assert!(err.contains(" TB into "), "{err}");
}

#[test]
fn a_small_disk_refuses_what_it_cannot_hold_unless_forced() {
    let dir = tempdir();
    let Some(_mount) = Mount::tmpfs(dir.path(), "size=2m") else {
        return;
    };
    generate(
        dir.path(),
        &["--seed", "1", "--entities", "users", "--count", "users=100"],
    );
    let before = read_dir(dir.path());
    let out = dir.path().to_str().unwrap();
    let big = [
        "generate",
        "--seed",
        "2",
        "--out",
        out,
        "--entities",
        "users,orders",
    ];
    let output = ecomgen(&[&big[..], &["--count", "users=100000"]].concat());
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("ecomgen: this run would write about ") && err.contains(" MB into "),
        "{err}"
    );
    assert!(
        err.contains("which has 2.") && err.contains(" MB free"),
        "{err}"
    );
    assert_eq!(read_dir(dir.path()), before);
    // What fits is not refused.
    let output = ecomgen(&[&big[..], &["--count", "users=200", "--count", "orders=100"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn huge_scales_are_echoed_short() {
    let digits = format!("1{}", "0".repeat(300));
    let err = refused(&["--scale", &digits], 2);
    assert!(err.contains("--scale 1e300 "), "{err}");
    let dir = tempdir();
    let config = dir.path().join("big.toml");
    std::fs::write(&config, "scale = 1e300\n").unwrap();
    let err = refused(&["--config", config.to_str().unwrap()], 2);
    assert!(err.contains(" 1e300 ") && err.len() < 120, "{err}");
}

/// The estimate of a shop several times the sample's size, and what it wrote.
fn estimated_and_written(format: Format, parts: u64) -> (u64, u64) {
    let dir = tempdir();
    let mut config = Config::new(7, dir.path());
    config.format = format;
    for (entity, rows) in [
        (Entity::Users, 4000),
        (Entity::Orders, 9000),
        (Entity::Products, 1500),
        (Entity::Inventory, 3000),
    ] {
        config.input.counts.set(entity, rows);
    }
    config.parts = Parts {
        count: parts,
        index: 1,
    };
    let plan = Plan::new(&config.input).unwrap();
    let job = config.job(&plan);
    let estimate = space::estimate(&job).unwrap().unwrap();
    let summary = ecomgen::engine::run(&job).unwrap();
    (estimate, summary.files.iter().map(|f| f.bytes).sum())
}

#[test]
fn the_estimate_is_near_what_a_run_writes() {
    let mut formats = vec![(Format::Csv, 1), (Format::Json, 1), (Format::Xml, 3)];
    if cfg!(all(feature = "parquet", feature = "sqlite")) {
        formats.extend([(Format::Parquet, 1), (Format::Sqlite, 1)]);
    }
    for (format, parts) in formats {
        let (estimate, written) = estimated_and_written(format, parts);
        let ratio = estimate as f64 / written as f64;
        assert!(
            (0.8..1.25).contains(&ratio),
            "{}: estimated {estimate}, wrote {written}",
            format.name()
        );
    }
}
