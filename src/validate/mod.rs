//! `ecomgen validate`: re-reads a dataset in any format and checks every invariant of
//! the data model (DATA_MODEL.md), so users can trust data they edited, exported or
//! made with another version, and so tests can prove that each format keeps the
//! contract. It is an independent oracle: it reads the schema and the rules, never
//! the generators, so a generator bug cannot hide behind the same bug here.
//!
//! Every check reads values as text and parses them where it needs them; a value that
//! does not parse is reported once by the format checks and then skipped by the others,
//! so one bad value does not bury the report under its consequences.

mod coverage;
mod index;
mod read;
mod report;
mod rules;
mod table;
mod value;

pub use coverage::{Gaps, UncheckedKey};
pub use report::{Report, Violation};

use crate::error::Result;
use crate::model::{Date, Window};
use crate::rules::Rule;
use crate::schema::Table;
use report::Findings;
use std::path::Path;

/// The dates a dataset is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The range every activity timestamp (`*_at`) falls in.
    pub window: Window,
    /// When the shop opened: accounts, and their changes, go back that far.
    pub opened: Date,
}

impl Period {
    /// `window`, with the opening a run without `--opened` has.
    pub fn of(window: Window) -> Period {
        Period {
            window,
            opened: window.default_opened(),
        }
    }
}

/// Reads the dataset in `dir` (one format; entities whose files are absent are
/// skipped, and so are the checks that need them) and checks it against the data model
/// and the dates of `period`.
///
/// Errors are for what stops validation altogether (no dataset, mixed formats, I/O);
/// anything wrong inside the files, including a file that does not parse, is a
/// violation.
pub fn validate_dir(dir: &Path, period: Period) -> Result<Report> {
    let layout = read::discover(dir)?;
    let mut found = Findings::default();
    let data = read::load(dir, &layout, &mut found)?;
    let edited = compare_with_manifests(dir, &layout, &data, &mut found);
    for rows in data.tables() {
        rules::values::check(rows, period, &mut found);
    }
    rules::check(&data, period.window, &mut found)?;
    Ok(Report {
        format: layout.format,
        files: data.files,
        rows: data.rows,
        nested: data.nested,
        orders: data.table(Table::Orders).map(|t| t.len() as u64),
        gaps: coverage::gaps(&data),
        edited,
        violations: found.into_violations(),
    })
}

/// Reports the listed files that are missing, and returns a note for each file that
/// is not what its manifest recorded.
fn compare_with_manifests(
    dir: &Path,
    layout: &read::Layout,
    data: &read::Dataset,
    found: &mut Findings,
) -> Vec<String> {
    let mut edited = Vec::new();
    for listed in &layout.listed {
        if !dir.join(&listed.name).is_file() {
            found.of_file(
                listed.table,
                Rule::ManifestFile,
                format!(
                    "{} is listed in {} but missing: its rows and the keys into them are not \
                     checked",
                    listed.name, layout.manifests
                ),
            );
        }
        let read = data.fingerprint(&listed.name);
        if let Some(now) = read
            && *now != listed.written
        {
            let how = if now.bytes != listed.written.bytes {
                format!(
                    "{} bytes, where {} lists {}",
                    now.bytes, layout.manifests, listed.written.bytes
                )
            } else {
                format!("its sha256 is not the one {} lists", layout.manifests)
            };
            edited.push(edit_note(&listed.name, &how));
        }
    }
    // A whole file made of parts has no checksum of its own: its size is all there
    // is to compare.
    for (name, bytes) in &layout.concatenated {
        if let Some(now) = data.fingerprint(name)
            && now.bytes != *bytes
        {
            let how = format!("{} bytes, where its parts had {bytes}", now.bytes);
            edited.push(edit_note(name, &how));
        }
    }
    edited
}

fn edit_note(name: &str, how: &str) -> String {
    format!("{name} was edited since it was generated ({how}); it was checked as it is now")
}

/// Whether `dir` is a directory a dataset could be in.
pub use read::check_is_dir;

/// The dates the manifests in `dir` record (`manifest.json`'s, else the part
/// manifests'); an error when one is there but does not read.
pub use read::{Recorded, recorded_window};
