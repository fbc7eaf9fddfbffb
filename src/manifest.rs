//! `manifest.json`: what a run was asked for and what it wrote (rows, bytes, sha256 of
//! every file), so a pipeline can check a dataset before it loads it, and `validate`
//! knows which files belong to the run and in which window. One struct, written by
//! the engine and read back by the validator.

use crate::error::{Error, Result};
use crate::output::Format;
use crate::output::sql::Dialect;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Integers up to this one (2^53 - 1) are exact in a double, the number type of jq and
/// JavaScript; a drawn seed stays within it.
pub const EXACT_IN_DOUBLES: u64 = (1 << 53) - 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    /// The seed as a number, for readers that keep 64-bit integers; a reader that
    /// holds numbers as doubles rounds one above 2^53, which `seed_text` does not.
    pub seed: u64,
    /// The same seed as decimal text, exact in every JSON reader.
    #[serde(default)]
    pub seed_text: String,
    pub settings: Settings,
    pub files: Vec<ManifestFile>,
}

/// Every setting that decides the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub format: Format,
    /// The SQL dialect, for the SQL format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialect: Option<Dialect>,
    /// Counts of the entities whose count is set.
    pub counts: BTreeMap<String, u64>,
    /// The review count when set; derived otherwise.
    pub reviews: Option<u64>,
    pub entities: Vec<String>,
    pub start_date: String,
    pub end_date: String,
    /// When the shop opened.
    #[serde(default)]
    pub opened: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    pub parts: u64,
    pub part: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub file: String,
    /// Absent for a file that holds every entity (the SQLite database).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

impl Manifest {
    pub fn to_json(&self) -> Vec<u8> {
        let mut text = serde_json::to_vec_pretty(self).expect("a manifest serializes");
        text.push(b'\n');
        text
    }

    /// Reads `path`; `None` when it does not exist.
    pub fn read(path: &Path) -> Result<Option<Manifest>> {
        let text = match std::fs::read(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        serde_json::from_slice(&text).map(Some).map_err(|e| {
            Error::Runtime(format!("{}: not an ecomgen manifest: {e}", path.display()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_as_written() {
        let manifest = Manifest {
            tool: "ecomgen".into(),
            version: "0.1.0".into(),
            seed: 7,
            seed_text: "7".into(),
            settings: Settings {
                format: Format::Sql,
                dialect: Some(Dialect::Sqlite),
                counts: BTreeMap::from([("users".to_string(), 5)]),
                reviews: None,
                entities: vec!["users".into()],
                start_date: "2023-01-01".into(),
                end_date: "2023-12-31".into(),
                opened: Some("2019-01-01".into()),
                currency: Some("USD".into()),
                parts: 1,
                part: 1,
            },
            files: vec![ManifestFile {
                file: "users.sql".into(),
                entity: Some("users".into()),
                rows: 5,
                bytes: 10,
                sha256: "ab".into(),
            }],
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        std::fs::write(&path, manifest.to_json()).unwrap();
        assert_eq!(Manifest::read(&path).unwrap(), Some(manifest));
        assert_eq!(Manifest::read(&dir.path().join("none.json")).unwrap(), None);
    }
}
