//! Shell, Makefile and pipeline use: standard output, the manifest, the config file,
//! completions that match the CLI, and failing well (full disk, read-only directory,
//! Ctrl-C, re-runs, any argument list).

use crate::harness::*;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[test]
fn stdout_streams_exactly_the_file_a_directory_run_writes() {
    let dir = tempdir();
    generate(
        dir.path(),
        &[
            SMALL,
            &["--seed", "3", "--format", "jsonl", "--entities", "orders"],
        ]
        .concat(),
    );
    let file = std::fs::read(dir.path().join("orders.jsonl")).unwrap();
    for flag in [&["--stdout"][..], &["--out", "-"]] {
        let output = ecomgen(
            &[
                &[
                    "generate",
                    "--seed",
                    "3",
                    "--format",
                    "jsonl",
                    "--entities",
                    "orders",
                ][..],
                SMALL,
                flag,
            ]
            .concat(),
        );
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(output.stdout, file);
        assert!(output.stderr.is_empty() || !String::from_utf8_lossy(&output.stderr).contains('{'));
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(BIN)
        .args([
            "generate",
            "--seed",
            "1",
            "--entities",
            "users",
            "--count",
            "users=2000000",
            "--format",
            "jsonl",
            "--stdout",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"user_id\""));
    // The reader is gone (like `| head -1`).
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

/// Runs ecomgen with a standard error whose reader is already gone (like
/// `2>&1 | head -0`), and returns its exit code.
fn exit_code_with_closed_stderr(args: &[&str]) -> Option<i32> {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    Command::new(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(writer)
        .status()
        .expect("ecomgen runs")
        .code()
}

#[test]
fn a_closed_stderr_changes_no_exit_code() {
    let dir = tempdir();
    let data = dir.path().join("data");
    let out = data.to_str().unwrap();
    // Success with "wrote ..." lines to report.
    let generate = [&["generate", "--seed", "3", "--out", out][..], SMALL].concat();
    assert_eq!(exit_code_with_closed_stderr(&generate), Some(0));
    // Usage errors and their hint.
    assert_eq!(
        exit_code_with_closed_stderr(&["generate", "--seed", "x"]),
        Some(2)
    );
    // Violations to list: every order's user is unknown.
    let orders = data.join("orders.csv");
    let mut reader = csv::Reader::from_path(&orders).unwrap();
    let header = reader.headers().unwrap().clone();
    let user = header.iter().position(|c| c == "user_id").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut writer = csv::Writer::from_path(&orders).unwrap();
    writer.write_record(&header).unwrap();
    for row in rows {
        let mut fields: Vec<&str> = row.iter().collect();
        fields[user] = "00000000-0000-4000-8000-000000000000";
        writer.write_record(fields).unwrap();
    }
    writer.flush().unwrap();
    assert_eq!(exit_code_with_closed_stderr(&["validate", out]), Some(1));
}

#[test]
fn stdout_takes_exactly_one_file() {
    for args in [
        &["--entities", "users,orders"][..],
        &["--entities", "orders"],
        &[],
    ] {
        let output = ecomgen(&[&["generate", "--seed", "1", "--stdout"][..], args].concat());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("ecomgen: "));
        assert!(output.stdout.is_empty());
    }
}

fn sha256(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_manifest_describes_every_file() {
    let dir = tempdir();
    generate(
        dir.path(),
        &[SMALL, &["--seed", "6", "--format", "xml"]].concat(),
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["tool"], "ecomgen");
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["seed"], 6);
    assert_eq!(manifest["settings"]["format"], "xml");
    assert_eq!(manifest["settings"]["counts"]["orders"], 400);
    assert_eq!(manifest["settings"]["start_date"], "2023-01-01");
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), 17);
    for file in files {
        let path = dir.path().join(file["file"].as_str().unwrap());
        assert_eq!(file["bytes"], std::fs::metadata(&path).unwrap().len());
        assert_eq!(file["sha256"], sha256(&path));
        let text = std::fs::read_to_string(&path).unwrap();
        let tag = format!(
            "<{}>",
            ecomgen::schema::Entity::from_name(file["entity"].as_str().unwrap())
                .unwrap()
                .table()
                .row_tag
        );
        assert_eq!(
            file["rows"],
            text.matches(&tag).count() as u64,
            "{}",
            file["file"]
        );
    }
}

#[test]
fn validate_checks_the_files_the_manifest_lists() {
    let dir = tempdir();
    let data = dir.path().join("data");
    let out = data.to_str().unwrap();
    // An earlier run in another format leaves its files beside the new ones.
    generate(
        &data,
        &[SMALL, &["--seed", "2", "--format", "xml"]].concat(),
    );
    generate(&data, &[SMALL, &["--seed", "2"]].concat());
    let output = ecomgen(&["validate", out]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(said.starts_with("ok: 18 files, "), "{said}");
    assert!(!said.contains("no file for"), "{said}");

    // A listed file that is gone is a violation, not a smaller dataset.
    std::fs::remove_file(data.join("users.csv")).unwrap();
    let output = ecomgen(&["validate", out]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("users.csv is listed in manifest.json but missing"),
        "{err}"
    );

    // Without a manifest the files tell the format, and what is absent is named.
    std::fs::remove_file(data.join("manifest.json")).unwrap();
    for file in std::fs::read_dir(&data).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_some_and(|e| e == "xml") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let output = ecomgen(&["validate", out]);
    let said = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(said.contains("(no file for users: "), "{said}");
}

#[test]
fn validate_names_what_it_cannot_check() {
    let dir = tempdir();
    let parts = dir.path().join("parts");
    generate(
        &parts,
        &[SMALL, &["--seed", "2", "--parts", "2", "--part", "1"]].concat(),
    );
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a dataset").unwrap();
    for (target, expected) in [
        (&parts, "holds parts of a partitioned run"),
        (&file, "is not a directory holding a dataset"),
        (
            &dir.path().join("nowhere"),
            "is not a directory holding a dataset",
        ),
    ] {
        let output = ecomgen(&["validate", target.to_str().unwrap()]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(
            err.starts_with("ecomgen: ") && err.contains(expected),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn the_config_file_holds_the_flags_and_flags_win() {
    let dir = tempdir();
    let out = dir.path().join("from-file");
    let config = dir.path().join("ecomgen.toml");
    std::fs::write(
        &config,
        format!(
            "seed = 77\nformat = \"jsonl\"\nout = {:?}\nentities = [\"users\", \"orders\"]\nstart_date = \"2024-03-01\"\nend_date = \"2024-03-31\"\n\n[counts]\nusers = 12\norders = 30\n",
            out.to_str().unwrap()
        ),
    )
    .unwrap();
    let output = ecomgen(&["generate", "--quiet", "--config", config.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let users = std::fs::read_to_string(out.join("users.jsonl")).unwrap();
    assert_eq!(users.lines().count(), 12);
    // Accounts may be older than the window; orders fall inside it.
    let orders = std::fs::read_to_string(out.join("orders.jsonl")).unwrap();
    assert!(
        orders
            .lines()
            .all(|o| o.contains("\"created_at\":\"2024-03-"))
    );
    // The same settings as flags give the same bytes.
    let flags = dir.path().join("from-flags");
    generate(
        &flags,
        &[
            "--seed",
            "77",
            "--format",
            "jsonl",
            "--entities",
            "users,orders",
            "--start-date",
            "2024-03-01",
            "--end-date",
            "2024-03-31",
            "--count",
            "users=12",
            "--count",
            "orders=30",
        ],
    );
    assert_eq!(read_dir(&out), read_dir(&flags));
    // A flag overrides the file.
    let output = ecomgen(&[
        "generate",
        "--quiet",
        "--config",
        config.to_str().unwrap(),
        "--count",
        "users=5",
        "--format",
        "csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(csv_rows(&out.join("users.csv")).len(), 5);

    // Mistakes name the line they are on, and exit 2 like a bad flag.
    let path = config.to_str().unwrap();
    for (text, expected) in [
        ("seed = 1\n\nsede = 2\n", ":3: unknown field `sede`"),
        ("sede = 2\n", ":1: unknown field `sede`"),
        (
            "seed = 1\nformat = \"csv\"\nseed = 2\n",
            ":3: duplicate key",
        ),
        ("seed = 1\nparts = 2\n", "parts and part go together"),
        (
            "seed = -4\n",
            ":1: invalid value: integer `-4`, expected a whole number",
        ),
        (
            "start_date = \"2024-01-01\"\n",
            "start_date = 2024-01-01 in ",
        ),
    ] {
        std::fs::write(&config, text).unwrap();
        let output = ecomgen(&["generate", "--config", path]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{text:?}: {err}");
        assert!(err.contains(expected), "{text:?}: {err}");
    }
    let output = ecomgen(&["generate", "--config", &format!("{path}.missing")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no such file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_config_file_takes_kebab_case_dates_and_parts() {
    let dir = tempdir();
    let config = dir.path().join("part.toml");
    std::fs::write(
        &config,
        "seed = 5\nstart-date = \"2024-05-01\"\nend-date = \"2024-05-31\"\nparts = 3\npart = 2\nentities = [\"users\"]\n",
    )
    .unwrap();
    let from_file = dir.path().join("file");
    generate(&from_file, &["--config", config.to_str().unwrap()]);
    let from_flags = dir.path().join("flags");
    generate(
        &from_flags,
        &[
            "--seed",
            "5",
            "--start-date",
            "2024-05-01",
            "--end-date",
            "2024-05-31",
            "--parts",
            "3",
            "--part",
            "2",
            "--entities",
            "users",
        ],
    );
    let files = read_dir(&from_file);
    assert!(
        files.contains_key("users.part-0002-of-0003.csv"),
        "{:?}",
        files.keys()
    );
    assert_eq!(files, read_dir(&from_flags));
}

#[test]
fn rerunning_replaces_own_files_and_keeps_everything_else() {
    let dir = tempdir();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    generate(dir.path(), &[SMALL, &["--seed", "1"]].concat());
    let first = read_dir(dir.path());
    generate(
        dir.path(),
        &[SMALL, &["--seed", "2", "--entities", "users"]].concat(),
    );
    let second = read_dir(dir.path());
    assert_eq!(second["notes.txt"], b"mine");
    assert_ne!(first["users.csv"], second["users.csv"]);
    assert_eq!(first["orders.csv"], second["orders.csv"]);
    assert_eq!(
        first.len(),
        second.len(),
        "no file added or removed, temporary ones included"
    );
}

/// A small filesystem mounted for one test, if this process may mount (root in CI).
pub struct Mount(PathBuf);

impl Mount {
    pub fn tmpfs(dir: &Path, options: &str) -> Option<Mount> {
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .status()
            .ok()?;
        if status.success() {
            Some(Mount(dir.to_path_buf()))
        } else if std::env::var_os("CI").is_some() {
            panic!("CI must be able to mount a tmpfs for the full-disk tests");
        } else {
            eprintln!("skipping: cannot mount a tmpfs here (run as root, as CI does)");
            None
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_leaves_the_previous_dataset_whole_and_no_temporary_file() {
    let dir = tempdir();
    let Some(_mount) = Mount::tmpfs(dir.path(), "size=2m") else {
        return;
    };
    generate(
        dir.path(),
        &["--seed", "1", "--entities", "users", "--count", "users=100"],
    );
    let before = read_dir(dir.path());
    for (format, full) in [
        ("csv", "No space left"),
        ("parquet", "No space left"),
        ("sqlite", "disk is full"),
    ] {
        let output = ecomgen(&[
            "generate",
            "--seed",
            "2",
            "--out",
            dir.path().to_str().unwrap(),
            "--entities",
            "users,orders",
            "--count",
            "users=100000",
            "--format",
            format,
            // Past the check that refuses it up front, to fill the disk.
            "--force",
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let err = stderr(&output);
        // After a line per entity written.
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("ecomgen: ") && last.contains(full),
            "{err}"
        );
        assert_eq!(
            read_dir(dir.path()),
            before,
            "{format}: the earlier files, unchanged, and nothing else"
        );
    }
}

#[test]
fn a_read_only_directory_is_a_clear_runtime_error() {
    let dir = tempdir();
    let Some(_mount) = Mount::tmpfs(dir.path(), "ro,size=64k") else {
        return;
    };
    let output = ecomgen(&[
        "generate",
        "--seed",
        "1",
        "--out",
        dir.path().to_str().unwrap(),
        "--entities",
        "users",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with("ecomgen: ") && err.contains("Read-only"),
        "{err}"
    );
    // The directory, not a temporary name the user never chose (issue 12).
    assert!(
        err.starts_with(&format!("ecomgen: {}: ", dir.path().display())),
        "{err}"
    );
    assert!(!err.contains("users.csv"), "{err}");
    assert!(read_dir(dir.path()).is_empty());
}

#[test]
fn ctrl_c_removes_temporary_files_and_replaces_nothing() {
    let dir = tempdir();
    generate(
        dir.path(),
        &["--seed", "1", "--entities", "users", "--count", "users=10"],
    );
    let before = read_dir(dir.path());
    let mut child = Command::new(BIN)
        .args([
            "generate",
            "--quiet",
            "--seed",
            "2",
            "--entities",
            "orders",
            "--count",
            "orders=10000000000",
            "--force",
            "--threads",
            "1",
            "--out",
        ])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until it is writing, then interrupt it as a terminal would.
    let started = std::time::Instant::now();
    while read_dir(dir.path()).len() == before.len() {
        assert!(
            started.elapsed().as_secs() < 30,
            "the run never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_eq!(read_dir(dir.path()), before);
}

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
