//! Property tests over seeds and argument lists: no input makes ecomgen panic, and any
//! seed gives reproducible, internally consistent output.

use crate::harness::*;
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("generate".to_string()),
        Just("--seed".to_string()),
        Just("--format".to_string()),
        Just("--count".to_string()),
        Just("--scale".to_string()),
        Just("--entities".to_string()),
        Just("--start-date".to_string()),
        Just("--end-date".to_string()),
        Just("--threads".to_string()),
        Just("--parts".to_string()),
        Just("--part".to_string()),
        Just("--stdout".to_string()),
        Just("--quiet".to_string()),
        Just("schema".to_string()),
        Just("entities".to_string()),
        Just("csv".to_string()),
        Just("xml".to_string()),
        Just("users=3".to_string()),
        Just("orders=-1".to_string()),
        Just("reviews=999999".to_string()),
        Just("users".to_string()),
        Just("orders,reviews".to_string()),
        Just("2023-02-29".to_string()),
        Just("2024-02-29".to_string()),
        Just("0".to_string()),
        Just("0.01".to_string()),
        Just("-".to_string()),
        Just("=".to_string()),
        "[a-z0-9=,.-]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_argument_list_makes_it_panic(words in proptest::collection::vec(word(), 0..8)) {
        let dir = tempdir();
        let mut args: Vec<String> = words;
        // Keep runs small and inside the temporary directory.
        if args.first().is_some_and(|a| a == "generate") {
            args.extend(["--out".to_string(), dir.path().join("o").to_string_lossy().into_owned(),
                "--scale".to_string(), "0.01".to_string()]);
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = ecomgen(&refs);
        let err = stderr(&output);
        prop_assert!(!err.contains("panicked"), "{args:?}: {err}");
        prop_assert!(matches!(output.status.code(), Some(0..=2)), "{args:?}: {:?} {err}", output.status);
        // A failure is one `ecomgen:` line, or the usage text when no command was given.
        if !output.status.success() {
            prop_assert!(err.starts_with("ecomgen: ") || err.contains("Usage: ecomgen"), "{args:?}: {err}");
        }
    }

    #[test]
    fn any_seed_is_reproducible_and_keeps_its_keys(seed in any::<u64>()) {
        let dir = tempdir();
        let seed = seed.to_string();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        generate(&a, &[SMALL, &["--seed", &seed, "--format", "csv"]].concat());
        generate(&b, &[SMALL, &["--seed", &seed, "--format", "csv", "--threads", "3"]].concat());
        prop_assert_eq!(read_dir(&a), read_dir(&b));
        let report = ecomgen::validate::validate_dir(&a, ecomgen::validate::Period::of(ecomgen::model::Window::new(
            ecomgen::model::Date(ecomgen::model::time::days_from_civil(2023, 1, 1)),
            ecomgen::model::Date(ecomgen::model::time::days_from_civil(2023, 12, 31)),
        ))).unwrap();
        prop_assert!(report.violations.is_empty(), "seed {seed}: {} violations", report.violations.len());
    }
}
