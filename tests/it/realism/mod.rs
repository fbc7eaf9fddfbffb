//! Realism: does the data behave like a real shop? Each row of `../shared/REALISM.md`'s
//! tables (Customers, Calendar, Orders goods and money, Cause and effect, Text people
//! and places) is a measure, a pure function from a dataset's parsed tables to a few
//! numbers, and a check that compares them with REALISM.md's range and says in one
//! line what it found ("buyers with 2+ orders: 66.0%, want 18-45%").
//!
//! - `tables/`: the CSV files as columns, dates, local time, departments.
//! - `stats.rs`: median, quantiles, Spearman, calendar days (Black Friday, Easter...).
//! - `check.rs`: aims, findings, the `Check` a test runs.
//! - one file or folder per family of REALISM.md: `customers.rs`, `calendar.rs`,
//!   `goods/`, `effects/`, `text/`, each with its measures, their checks, one test per
//!   check and the older realism tests of the family (a folder's `rows.rs`).
//! - `uniform/`: the negative controls, synthetic datasets in the same shapes where
//!   everything is uniform and independent; every check must fail on its control.
//!
//! Each check runs on seeds 1 and 2, at the default size and at `--scale 20`
//! (`REALISM_SEEDS=7,8` picks others). The generator writes only the entities a check
//! needs, each at most once per dataset and test run (`--entities` files equal the full
//! run's). `cargo test --test it realism::report -- --ignored --nocapture` prints
//! every measure of every dataset.

mod calendar;
mod check;
mod customers;
mod effects;
mod goods;
mod stats;
mod tables;
mod text;
mod uniform;

use crate::harness::{generate, tempdir};
use check::{Check, Control, lines, passed};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tables::{Data, Table, Window};

/// One generated dataset, whose entities are written and read on first use.
struct Dataset {
    seed: String,
    scale: f64,
    dir: tempfile::TempDir,
    tables: Mutex<BTreeMap<String, Arc<Table>>>,
    runs: AtomicUsize,
}

/// The entity (`--entities` value) that writes a table.
fn entity_of(table: &str) -> &str {
    match table {
        "order_items" => "orders",
        other => other,
    }
}

impl Dataset {
    fn new(seed: &str, scale: f64) -> Dataset {
        Dataset {
            seed: seed.to_string(),
            scale,
            dir: tempdir(),
            tables: Mutex::new(BTreeMap::new()),
            runs: AtomicUsize::new(0),
        }
    }

    fn label(&self) -> String {
        if self.scale == 1.0 {
            format!("seed {}, default size", self.seed)
        } else {
            format!("seed {}, --scale {}", self.seed, self.scale)
        }
    }

    /// The tables `needs` names, generating the entities not written yet.
    fn data(&self, needs: &[&str]) -> Data {
        let mut tables = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        let missing: BTreeSet<&str> = needs
            .iter()
            .filter(|t| !tables.contains_key(**t))
            .map(|t| entity_of(t))
            .collect();
        if !missing.is_empty() {
            let run = self.runs.fetch_add(1, Ordering::Relaxed);
            let out: PathBuf = self.dir.path().join(format!("run-{run}"));
            let entities = missing.iter().copied().collect::<Vec<_>>().join(",");
            let scale = self.scale.to_string();
            let mut args = vec!["--seed", &self.seed, "--entities", &entities];
            if self.scale != 1.0 {
                args.extend(["--scale", &scale]);
            }
            generate(&out, &args);
            for entry in std::fs::read_dir(&out).expect("the output directory") {
                let path = entry.expect("a directory entry").path();
                if path.extension().is_some_and(|e| e == "csv") {
                    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                    let table = Table::from_csv(&name, &path);
                    std::fs::remove_file(&path).ok();
                    tables.insert(name, Arc::new(table));
                }
            }
        }
        Data {
            label: self.label(),
            window: Window::default_year(),
            scale: self.scale,
            tables: needs
                .iter()
                .map(|t| {
                    let table = tables
                        .get(*t)
                        .unwrap_or_else(|| panic!("{}: ecomgen wrote no {t}.csv", self.label()));
                    (t.to_string(), table.clone())
                })
                .collect(),
        }
    }
}

/// Seeds 1 and 2 (or `REALISM_SEEDS`), each at the default size and at `--scale 20`.
fn datasets() -> &'static [Dataset] {
    static ALL: OnceLock<Vec<Dataset>> = OnceLock::new();
    ALL.get_or_init(|| {
        let seeds = std::env::var("REALISM_SEEDS").unwrap_or_else(|_| "1,2".to_string());
        let seeds: Vec<&str> = seeds
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        [1.0, 20.0]
            .iter()
            .flat_map(|&scale| seeds.iter().map(move |s| Dataset::new(s, scale)))
            .collect()
    })
}

/// The default-sized datasets, for the tests written against one dataset.
fn default_sized(needs: &[&str]) -> Vec<Data> {
    datasets()
        .iter()
        .filter(|d| d.scale == 1.0)
        .map(|d| d.data(needs))
        .collect()
}

/// Asserts a check passes on every dataset, listing every finding of those it fails.
fn assert_realistic(check: &Check) {
    let mut failures = Vec::new();
    for dataset in datasets() {
        let data = dataset.data(check.needs);
        match (check.run)(&data) {
            Err(missing) => failures.push(format!("{}: {missing}", data.label)),
            Ok(findings) if !passed(&findings) => {
                failures.push(format!("{}:\n{}", data.label, lines(&findings)))
            }
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} is not realistic:\n{}",
        check.name,
        failures.join("\n")
    );
}

/// Asserts each check fails on its synthetic control for a measured reason (not for
/// a missing field).
fn assert_fails_on_controls(checks: &[&Check]) {
    let mut wrong = Vec::new();
    for check in checks {
        let data = uniform::control(check.control);
        match (check.run)(&data) {
            Err(missing) => wrong.push(format!(
                "{}: the control lacks a field: {missing}",
                check.name
            )),
            Ok(findings) if passed(&findings) => wrong.push(format!(
                "{} passes on {:?} data:\n{}",
                check.name,
                check.control,
                lines(&findings)
            )),
            Ok(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn every_check() -> Vec<&'static Check> {
    [
        customers::ALL,
        calendar::ALL,
        goods::ALL,
        effects::ALL,
        text::ALL,
    ]
    .concat()
}

#[test]
#[ignore = "prints every measure; run with -- --ignored --nocapture"]
fn report() {
    let mut out = String::new();
    for dataset in datasets() {
        out += &format!("\n== {}\n", dataset.label());
        for check in every_check() {
            let data = dataset.data(check.needs);
            out += &match (check.run)(&data) {
                Err(missing) => format!("{}\n  MISSING {missing}\n", check.name),
                Ok(findings) => format!("{}\n{}\n", check.name, lines(&findings)),
            };
        }
    }
    for control in [
        Control::Uniform,
        Control::OpensWithTheWindow,
        Control::MonthlySteps,
    ] {
        out += &format!("\n== control: {control:?}\n");
        let data = uniform::control(control);
        for check in every_check().into_iter().filter(|c| c.control == control) {
            out += &match (check.run)(&data) {
                Err(missing) => format!("{}\n  MISSING {missing}\n", check.name),
                Ok(findings) => format!("{}\n{}\n", check.name, lines(&findings)),
            };
        }
    }
    println!("{out}");
}
