//! Damaged files: whatever a file holds, validate answers without panicking.

use super::*;

/// How a file is damaged.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut at this fraction of its length.
    Truncate(f64),
    /// Bytes at these fractions of its length xor-ed with these masks.
    Flip(Vec<(f64, u8)>),
    /// Random bytes written over it from this fraction of its length on.
    Overwrite(f64, Vec<u8>),
    /// The whole file replaced by random bytes.
    Garbage(Vec<u8>),
}

impl Damage {
    fn apply(&self, bytes: &mut Vec<u8>) {
        let at = |f: f64, len: usize| ((len as f64 * f) as usize).min(len.saturating_sub(1));
        match self {
            Damage::Truncate(f) => bytes.truncate((bytes.len() as f64 * f) as usize),
            Damage::Flip(flips) => {
                for &(f, mask) in flips {
                    if !bytes.is_empty() {
                        let i = at(f, bytes.len());
                        bytes[i] ^= mask;
                    }
                }
            }
            Damage::Overwrite(f, noise) => {
                let start = at(*f, bytes.len());
                for (i, b) in noise.iter().enumerate() {
                    match bytes.get_mut(start + i) {
                        Some(slot) => *slot = *b,
                        None => bytes.push(*b),
                    }
                }
            }
            Damage::Garbage(noise) => *bytes = noise.clone(),
        }
    }
}

fn damage() -> impl proptest::strategy::Strategy<Value = Damage> {
    use proptest::prelude::*;
    prop_oneof![
        (0.0..1.0f64).prop_map(Damage::Truncate),
        proptest::collection::vec((0.0..1.0f64, 1u8..=255), 1..8).prop_map(Damage::Flip),
        (0.0..1.0f64, proptest::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(f, noise)| Damage::Overwrite(f, noise)),
        proptest::collection::vec(any::<u8>(), 0..256).prop_map(Damage::Garbage),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 64,
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn damaged_files_never_make_validate_panic_or_pass_unnoticed(
        base in 0..Base::ALL.len(),
        file in 0..64usize,
        damage in damage(),
    ) {
        let base = Base::ALL[base];
        let (_temp, dir) = copy_of(base);
        // The data files: not the manifest, nor the SQLite format's reconcile.sql,
        // a query to run, which validate does not read.
        let names: Vec<String> = read_dir(&dir)
            .into_keys()
            .filter(|n| !n.starts_with("manifest") && n != "reconcile.sql")
            .collect();
        let name = &names[file % names.len()];
        let mut bytes = std::fs::read(dir.join(name)).unwrap();
        let before = bytes.clone();
        damage.apply(&mut bytes);
        std::fs::write(dir.join(name), &bytes).unwrap();
        let output = ecomgen(&["validate", dir.to_str().unwrap()]);
        let (out, err) = (String::from_utf8_lossy(&output.stdout), stderr(&output));
        let code = output.status.code();
        proptest::prop_assert!(!err.contains("panicked"), "{base:?} {name}: {err}");
        proptest::prop_assert!(matches!(code, Some(0..=2)), "{base:?} {name}: {code:?} {err}");
        match code {
            Some(2) => proptest::prop_assert!(
                err.starts_with("ecomgen: ") && err.lines().count() == 1,
                "{err}"
            ),
            Some(1) => proptest::prop_assert!(
                err.lines().all(|l| l.starts_with("ecomgen: ")) && !err.is_empty(),
                "{err}"
            ),
            _ => {
                proptest::prop_assert!(out.starts_with("ok: "), "{out}");
                if bytes != before {
                    let note = format!("note: {name} was edited since it was generated");
                    proptest::prop_assert!(out.contains(&note), "{base:?} {name}: {out}");
                }
            }
        }
    }
}
