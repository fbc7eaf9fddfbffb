//! Runs that meet other runs (issue 12): a killed run's temporary files are removed by
//! the next run and nothing else is, two runs into one directory do not mix their
//! files while parts of one run go side by side, and progress shows in a log.

use crate::harness::*;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A run that writes orders for far longer than any test waits (forced past the
/// check that its files fit on the disk: they never would).
fn endless(dir: &Path, extra: &[&str]) -> Child {
    Command::new(BIN)
        .args([
            "generate",
            "--quiet",
            "--seed",
            "2",
            "--threads",
            "1",
            "--force",
        ])
        .args(["--entities", "orders", "--count", "orders=10000000000"])
        .args(extra)
        .arg("--out")
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ecomgen runs")
}

/// The names of ecomgen's temporary files in `dir`.
fn temporary_files(dir: &Path) -> Vec<String> {
    read_dir(dir)
        .into_keys()
        .filter(|name| name.starts_with(".ecomgen-") && name.ends_with(".tmp"))
        .collect()
}

/// Waits until `child` has a temporary file in `dir` (it holds the directory then).
fn wait_until_writing(child: &mut Child, dir: &Path) {
    let started = std::time::Instant::now();
    while temporary_files(dir).is_empty() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the run ended before writing: {status}");
        }
        assert!(started.elapsed().as_secs() < 60, "the run never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Ends a run as Ctrl-C would; it removes its own temporary files.
fn interrupt(mut child: Child) {
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130));
}

fn small_run(dir: &Path, seed: &str) -> std::process::Output {
    let out = dir.to_str().unwrap();
    let args = [
        "generate",
        "--seed",
        seed,
        "--entities",
        "users",
        "--count",
        "users=10",
        "--out",
        out,
    ];
    ecomgen(&args)
}

#[test]
fn the_next_run_removes_what_a_killed_run_left_and_nothing_else() {
    let dir = tempdir();
    // Hidden files of the user's, one named as older versions named their own.
    std::fs::write(dir.path().join(".orders.csv.DMfHI0.tmp"), "mine").unwrap();
    std::fs::write(dir.path().join(".ecomgen-12.notes.tmp.bak"), "mine too").unwrap();
    let mut child = endless(dir.path(), &[]);
    wait_until_writing(&mut child, dir.path());
    child.kill().unwrap(); // SIGKILL: nothing of the run's own cleaning happens
    child.wait().unwrap();
    let left = temporary_files(dir.path());
    assert!(!left.is_empty(), "a killed run leaves its temporary file");

    let output = small_run(dir.path(), "3");
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("removed 2 temporary files") && err.contains("interrupted runs left"),
        "{err}"
    );
    let files = read_dir(dir.path());
    for name in &left {
        assert!(!files.contains_key(name), "{name} is still there");
    }
    assert_eq!(files[".orders.csv.DMfHI0.tmp"], b"mine");
    assert_eq!(files[".ecomgen-12.notes.tmp.bak"], b"mine too");
    assert!(files.contains_key("users.csv"));
    assert_eq!(files.len(), 4, "{:?}", files.keys());
}

#[test]
fn a_second_run_into_a_directory_waits_for_the_first() {
    let dir = tempdir();
    let first = endless(dir.path(), &[]);
    let mut first = first;
    wait_until_writing(&mut first, dir.path());
    let mut second = Command::new(BIN)
        .args(["generate", "--seed", "3", "--entities", "users"])
        .args(["--count", "users=10", "--out"])
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = BufReader::new(second.stderr.take().unwrap());
    let mut line = String::new();
    said.read_line(&mut line).unwrap();
    assert!(
        line.starts_with("waiting for another ecomgen run to finish writing into "),
        "{line}"
    );
    // The first run's files are untouched while it lives.
    assert!(!temporary_files(dir.path()).is_empty());
    assert!(!dir.path().join("users.csv").exists());
    interrupt(first);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut said, &mut rest).unwrap();
    assert!(second.wait().unwrap().success(), "{rest}");
    // Only the second run's dataset, whole.
    let files = read_dir(dir.path());
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["manifest.json", "users.csv"]
    );
    let again = tempdir();
    assert!(small_run(again.path(), "3").status.success());
    assert_eq!(files, read_dir(again.path()));
}

#[test]
fn parts_of_one_run_go_side_by_side() {
    let dir = tempdir();
    let mut first = endless(dir.path(), &["--parts", "2", "--part", "1"]);
    wait_until_writing(&mut first, dir.path());
    let writing = temporary_files(dir.path());
    let out = dir.path().to_str().unwrap();
    let output = ecomgen(&[
        "generate",
        "--seed",
        "2",
        "--entities",
        "orders",
        "--count",
        "orders=10",
        "--parts",
        "2",
        "--part",
        "2",
        "--out",
        out,
    ]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("waiting"), "{err}");
    assert!(
        !err.contains("removed"),
        "a living run's files are not leftovers: {err}"
    );
    let files = read_dir(dir.path());
    assert!(files.contains_key("orders.part-0002-of-0002.csv"));
    for name in &writing {
        assert!(
            files.contains_key(name),
            "{name} was taken from a living run"
        );
    }
    interrupt(first);
    assert!(temporary_files(dir.path()).is_empty());
}

#[test]
fn a_log_gets_a_line_per_entity_and_quiet_gets_none() {
    let dir = tempdir();
    let out = dir.path().join("a");
    let output = ecomgen(
        &[
            &["generate", "--seed", "1", "--out", out.to_str().unwrap()][..],
            SMALL,
        ]
        .concat(),
    );
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    for entity in ecomgen::schema::Entity::ALL {
        let lines = err
            .lines()
            .filter(|l| l.starts_with(&format!("{}: ", entity.name())))
            .collect::<Vec<_>>();
        assert_eq!(lines.len(), 1, "{}: {err}", entity.name());
        assert!(lines[0].contains(" rows in "), "{}", lines[0]);
    }
    let orders = err.lines().find(|l| l.starts_with("orders: ")).unwrap();
    assert!(orders.starts_with("orders: 400 rows in "), "{orders}");

    let out = dir.path().join("b");
    let output = ecomgen(
        &[
            &[
                "generate",
                "--quiet",
                "--seed",
                "1",
                "--out",
                out.to_str().unwrap(),
            ][..],
            SMALL,
        ]
        .concat(),
    );
    assert!(output.status.success());
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}
