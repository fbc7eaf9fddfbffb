//! The documents that state the contract agree with the code: DATA_MODEL.md's field
//! reference and rule list are the code's, and every numbered invariant of its prose
//! has rules of that number.

use std::path::Path;

/// Replaces the text between `<!-- generated: NAME -->` and `<!-- end: NAME -->`.
fn with_section(document: &str, name: &str, body: &str) -> String {
    let begin = format!("<!-- generated: {name} -->\n");
    let end = format!("<!-- end: {name} -->");
    let start = document.find(&begin).expect("the section's start marker") + begin.len();
    let stop = document.find(&end).expect("the section's end marker");
    format!("{}\n{body}\n{}", &document[..start], &document[stop..])
}

#[test]
fn data_model_lists_the_codes_fields_and_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("DATA_MODEL.md");
    let document = std::fs::read_to_string(&path).unwrap();
    let expected = with_section(&document, "rules", &ecomgen::cmd::schema::rules_markdown());
    let expected = with_section(
        &expected,
        "fields",
        &ecomgen::cmd::schema::fields_markdown(),
    );
    if std::env::var_os("ECOMGEN_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        document == expected,
        "DATA_MODEL.md is out of date: ECOMGEN_BLESS=1 cargo test --test it docs"
    );
}

#[test]
fn every_numbered_invariant_has_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("DATA_MODEL.md");
    let document = std::fs::read_to_string(&path).unwrap();
    let prose = &document
        [document.find("## Invariants").unwrap()..document.find("## Determinism").unwrap()];
    for line in prose.lines() {
        let Some((number, _)) = line.split_once(". ") else {
            continue;
        };
        let Ok(number) = number.trim().parse::<u32>() else {
            continue;
        };
        // 15 is about counts the plan refuses before writing, not about data.
        if number == 15 {
            continue;
        }
        let prefix = format!("{number} ");
        assert!(
            ecomgen::rules::Rule::ALL
                .iter()
                .any(|r| r.id().starts_with(&prefix)),
            "invariant {number} has no rule"
        );
    }
}
