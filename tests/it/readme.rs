//! README.md's examples, run as a reader would copy them, so they cannot rot: the
//! examples by task, the seed a script learns from the manifest, and the Makefile with
//! its config file generating and loading into PostgreSQL.

use crate::databases::{assert_reconciled, postgres};
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
    if !installed("make", &["--version"]) {
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
    let make_load = || {
        Command::new("make")
            .args([
                "load",
                &format!("ECOMGEN={BIN}"),
                &format!("DATABASE_URL={url}"),
            ])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let make = make_load();
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
    let again = make_load();
    assert!(!again.status.success());
    assert!(stderr(&again).contains(ecomgen::output::sql::scripts::NOT_EMPTY));
}

/// Runs a README shell block line by line in a fresh directory with `ecomgen` on the
/// path, and says which line failed.
fn run_lines(block: &str, rewrite: impl Fn(&str) -> String) {
    let dir = tempdir();
    let bin_dir = std::path::Path::new(BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // No pipefail: `| head` closes the pipe early by design.
    let mut script = String::from("set -eu\n");
    for line in block
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let code = line.split_once("  #").map_or(line, |(code, _)| code);
        let line = rewrite(code.trim_end());
        script.push_str(&format!(
            "{line} >/dev/null || {{ echo 'README line failed: {}' >&2; exit 1; }}\n",
            line.replace('\'', "")
        ));
    }
    let output = Command::new("bash")
        .args(["-c", &script])
        .env("PATH", path)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn the_examples_by_task_run() {
    if !installed("jq", &["--version"]) {
        return;
    }
    // The hundredfold example as a twofold one: the flags are what is checked here.
    run_lines(&readme_block("## Examples by task", "sh"), |line| {
        line.replace("--scale 100", "--scale 2")
    });
}

#[test]
fn a_script_learns_the_drawn_seed_from_the_manifest() {
    if !installed("jq", &["--version"]) {
        return;
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let after = readme
        .split_once("learns the seed from the manifest")
        .unwrap()
        .1;
    let block = after
        .split_once("```sh\n")
        .unwrap()
        .1
        .split_once("```")
        .unwrap()
        .0;
    let check = "cmp data/users.csv again/users.csv";
    run_lines(&format!("{block}{check}\n"), |line| line.to_string());
}
