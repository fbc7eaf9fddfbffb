//! The module structure, read from the source: the top-level modules of src/ form no
//! import cycle, and the generation core imports nothing of the formats, the engine,
//! the configuration, the command line or the validator.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules of the generation core, and the ones it must never import.
const CORE: &[&str] = &[
    "schema", "model", "rng", "rules", "generate", "words", "error", "parallel",
];
const OUTER: &[&str] = &[
    "cli", "cmd", "config", "engine", "manifest", "output", "validate",
];

/// The top-level modules: src/'s files and folders, but the crate roots.
fn modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .filter(|m| m != "main" && m != "lib")
        .collect()
}

/// Top-level module -> the top-level modules its files name with `crate::`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let first = relative.components().next().unwrap();
            let module = first
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if module == "main" || module == "lib" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let uses = graph.entry(module.clone()).or_default();
            for (at, _) in text.match_indices("crate::") {
                let name: String = text[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // The crate's own items (`crate::run`) are no module.
                if modules.contains(&name) && name != module {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

#[test]
fn the_core_imports_no_outer_module() {
    let graph = imports();
    for core in CORE {
        let uses = graph
            .get(*core)
            .unwrap_or_else(|| panic!("no module {core}"));
        for outer in OUTER {
            assert!(!uses.contains(*outer), "{core} imports {outer}");
        }
    }
}

#[test]
fn top_level_modules_form_no_cycle() {
    let graph = imports();
    // Depth-first search for a path back to where it started.
    fn reaches(
        graph: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(from).into_iter().flatten() {
            if next == to || (seen.insert(next.clone()) && reaches(graph, next, to, seen)) {
                return true;
            }
        }
        false
    }
    for module in graph.keys() {
        assert!(
            !reaches(&graph, module, module, &mut BTreeSet::new()),
            "{module} imports itself through others: {graph:?}"
        );
    }
}

#[test]
fn the_validator_is_an_oracle_apart_from_the_generators_and_the_command_line() {
    let graph = imports();
    let uses = &graph["validate"];
    // It reads the schema and the rules, never the generators, so a generator's bug
    // cannot hide behind the same bug in the check; the command line is cmd's.
    for other in ["generate", "cli", "cmd", "config"] {
        assert!(!uses.contains(other), "validate imports {other}");
    }
}
