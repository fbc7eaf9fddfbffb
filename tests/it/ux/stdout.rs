//! Standard output and its pipes: the streamed file, a closed pipe, a closed stderr.

use super::*;

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
