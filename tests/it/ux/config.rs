//! The config file: what it holds, how it is spelled, and flags that override it.

use super::*;

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
