//! README.md's examples, run as a reader would copy them, so they cannot rot: the
//! Makefile with its config file generates and loads into PostgreSQL.

use crate::databases::{assert_reconciled, engine, postgres};
use crate::harness::*;
use std::process::Command;

/// The fenced block of `lang` that follows `heading` in README.md.
fn readme_block(heading: &str, lang: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split_once(heading)
        .unwrap_or_else(|| panic!("README.md has no '{heading}'"))
        .1;
    let block = section
        .split_once(&format!("```{lang}\n"))
        .unwrap_or_else(|| panic!("no {lang} block after '{heading}'"))
        .1;
    block
        .split_once("```")
        .expect("a closed block")
        .0
        .to_string()
}

#[test]
fn the_makefile_example_generates_and_loads() {
    if !engine("make", &["--version"]) {
        return;
    }
    let Some((url, _)) = postgres() else { return };
    let dir = tempdir();
    let heading = "## In a Makefile or a pipeline";
    std::fs::write(
        dir.path().join("ecomgen.toml"),
        readme_block(heading, "toml"),
    )
    .unwrap();
    let makefile = readme_block(heading, "make");
    assert!(makefile.contains("\n\t"), "recipes are indented with tabs");
    std::fs::write(dir.path().join("Makefile"), makefile).unwrap();
    let make = Command::new("make")
        .args([
            "load",
            &format!("ECOMGEN={BIN}"),
            &format!("DATABASE_URL={url}"),
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        make.status.success(),
        "make load: {}\n{}",
        String::from_utf8_lossy(&make.stdout),
        stderr(&make)
    );
    assert!(dir.path().join("data/manifest.json").is_file());
    // reconcile.sql's rows, as psql prints them aligned: "name | mismatches".
    let printed = String::from_utf8_lossy(&make.stdout).replace(' ', "");
    let rows: Vec<&str> = printed
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains('|'))
        .collect();
    assert_reconciled(rows.join("\n").as_bytes(), "README Makefile");
    // Make knows the dataset is up to date; a second load is refused before any row.
    let again = Command::new("make")
        .args([
            "load",
            &format!("ECOMGEN={BIN}"),
            &format!("DATABASE_URL={url}"),
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(stderr(&again).contains(ecomgen::output::sql::scripts::NOT_EMPTY));
}
