//! The optional `--config` TOML file: the flags' names (`start_date` or `start-date`),
//! with counts as a table (`[counts] users = 5000`) and `out = "-"` for standard output.

use crate::error::{Error, Result};
use crate::output::Format;
use crate::output::sql::Dialect;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct FileSettings {
    pub seed: Option<u64>,
    pub format: Option<String>,
    pub dialect: Option<String>,
    pub out: Option<PathBuf>,
    pub scale: Option<f64>,
    pub counts: Option<BTreeMap<String, u64>>,
    pub entities: Option<Vec<String>>,
    #[serde(alias = "start-date")]
    pub start_date: Option<String>,
    #[serde(alias = "end-date")]
    pub end_date: Option<String>,
    pub opened: Option<String>,
    pub currency: Option<String>,
    pub threads: Option<u64>,
    pub parts: Option<u64>,
    pub part: Option<u64>,
    pub quiet: Option<bool>,
}

impl FileSettings {
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            // A mistyped --config is a usage mistake, like any other flag's.
            std::io::ErrorKind::NotFound => {
                Error::Usage(format!("--config {}: no such file", path.display()))
            }
            _ => Error::io(path, e),
        })?;
        toml::from_str(&text).map_err(|e| {
            // serde names Rust types; a config file's author thinks in values.
            let message = e
                .message()
                .replace("expected u64", "expected a whole number, 0 or more")
                .replace("expected f64", "expected a number")
                .replace("expected a boolean", "expected true or false");
            let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
            match line {
                Some(line) => Error::Usage(format!("{}:{line}: {message}", path.display())),
                None => Error::Usage(format!("{}: {message}", path.display())),
            }
        })
    }

    pub fn format(&self, source: &Source) -> Result<Option<Format>> {
        source.parse(self.format.as_deref(), "format")
    }

    pub fn dialect(&self, source: &Source) -> Result<Option<Dialect>> {
        source.parse(self.dialect.as_deref(), "dialect")
    }
}

/// Where file settings came from, for messages: "dialect in shop.toml".
pub struct Source<'a>(pub Option<&'a Path>);

impl Source<'_> {
    pub fn name(&self, key: &str) -> String {
        match self.0 {
            Some(path) => format!("{key} in {}", path.display()),
            None => key.to_string(),
        }
    }

    /// A value of the file, parsed by its own type.
    pub fn parse<T: std::str::FromStr<Err = String>>(
        &self,
        value: Option<&str>,
        key: &str,
    ) -> Result<Option<T>> {
        value
            .map(|v| {
                v.parse()
                    .map_err(|e| Error::Usage(format!("{}: {e}", self.name(key))))
            })
            .transpose()
    }
}
