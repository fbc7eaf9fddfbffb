//! Failing well: re-runs, a full disk, a read-only directory, Ctrl-C.

use super::*;

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
