//! The manifest: what it says of every file, and what validate does with it.

use super::*;

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
