//! Shell, Makefile and pipeline use: standard output, the manifest, the config file,
//! completions that match the CLI, and failing well (full disk, read-only directory,
//! Ctrl-C, re-runs, any argument list).

use crate::harness::*;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod config;
mod failures;
mod manifest;
mod stdout;

pub use failures::Mount;

#[test]
fn completions_and_man_page_match_the_cli() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("ECOMGEN_BLESS").is_some();
    let expected = [
        ("bash", "completions/ecomgen.bash"),
        ("zsh", "completions/_ecomgen"),
        ("fish", "completions/ecomgen.fish"),
        ("powershell", "completions/_ecomgen.ps1"),
        ("elvish", "completions/ecomgen.elv"),
    ];
    let mut files: Vec<(Vec<u8>, PathBuf)> = expected
        .iter()
        .map(|(shell, path)| (ecomgen(&["completions", shell]).stdout, root.join(path)))
        .collect();
    files.push((ecomgen(&["man"]).stdout, root.join("doc/ecomgen.1")));
    for command in ecomgen::cli::SUBCOMMANDS {
        let page = root.join(format!("doc/ecomgen-{command}.1"));
        files.push((ecomgen(&["man", command]).stdout, page));
    }
    for (generated, path) in files {
        assert!(!generated.is_empty());
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date: ECOMGEN_BLESS=1 cargo test completions",
            path.display()
        );
    }
    let bash = String::from_utf8(ecomgen(&["completions", "bash"]).stdout).unwrap();
    for flag in [
        "--seed",
        "--format",
        "--entities",
        "--stdout",
        "--config",
        "--parts",
    ] {
        assert!(bash.contains(flag), "bash completion lacks {flag}");
    }
}
