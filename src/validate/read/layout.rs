//! Where a dataset's files are and what its manifests say about them. A directory
//! holds one run's files with its `manifest.json`; or the parts of a partitioned run
//! (`orders.part-0001-of-0004.csv`, ..., each part with its
//! `manifest.part-0001-of-0004.json`), read as the concatenation they make; or those
//! parts concatenated back into whole files beside the part manifests; or files
//! without any manifest, whose names tell the format. The manifests say which files
//! belong to the run (another run's files beside them do not matter), what each held
//! when it was written, and the window the data covers.

use super::fingerprint::Fingerprint;
use crate::engine::naming::{Parts, file_name};
use crate::error::{Error, Result};
use crate::manifest::Manifest;
use crate::model::Date;
use crate::output::Format;
use crate::schema::{Entity, TableSpec};
use std::collections::BTreeSet;
use std::path::Path;

/// Whether validate reads a format in this build (the binary formats are features).
pub fn reads(format: Format) -> bool {
    match format {
        Format::Csv | Format::Json | Format::Jsonl | Format::Xml => true,
        Format::Parquet => cfg!(feature = "parquet"),
        Format::Sqlite => cfg!(feature = "sqlite"),
        // A script for a database: the database checks it, with reconcile.sql.
        Format::Sql => false,
    }
}

/// The formats validate reads, in `Format::ALL` order.
fn formats() -> impl Iterator<Item = Format> {
    Format::ALL.into_iter().filter(|f| reads(*f))
}

/// How a dataset's files are laid out, and what its manifests record.
pub struct Layout {
    pub format: Format,
    /// 1 for whole files (`orders.csv`); P for a run in P parts, each table read as
    /// the concatenation of its P part files.
    pub parts: u64,
    /// The manifest files read, for messages (`manifest.json`).
    pub manifests: &'static str,
    /// The files the manifests list.
    pub listed: Vec<ListedFile>,
    /// For parts concatenated back into whole files: each whole file, with the bytes
    /// its parts had when they were written.
    pub concatenated: Vec<(String, u64)>,
    /// The entities the run wrote, as its manifests say; `None` without one.
    pub entities: Option<Vec<Entity>>,
}

/// A file a manifest lists.
pub struct ListedFile {
    pub name: String,
    /// The table it holds (`manifest` for a file of no table).
    pub table: &'static str,
    /// Its size and sha256 when it was written.
    pub written: Fingerprint,
}

impl Layout {
    /// The files holding a table, in the order they concatenate: for a format with
    /// one file for every table (SQLite), that file.
    pub fn files_of(&self, stem: &str) -> Vec<String> {
        let stem = self.format.spec().single_file.unwrap_or(stem);
        let ext = self.format.extension();
        (1..=self.parts)
            .map(|index| {
                let parts = Parts {
                    count: self.parts,
                    index,
                };
                file_name(stem, ext, parts)
            })
            .collect()
    }
}

pub fn check_is_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "{} is not a directory holding a dataset",
            dir.display()
        )))
    }
}

/// How the dataset in `dir` is laid out. A `manifest.json` that cannot be read is
/// no manifest: then the files themselves tell.
pub fn discover(dir: &Path) -> Result<Layout> {
    if let Ok(Some(manifest)) = Manifest::read(&dir.join("manifest.json")) {
        let format = readable(dir, manifest.settings.format, "manifest.json")?;
        return Ok(Layout {
            format,
            parts: 1,
            manifests: "manifest.json",
            listed: listed_files(&manifest),
            concatenated: Vec::new(),
            entities: Some(entities_of(&manifest)),
        });
    }
    let part_manifests = part_manifests(dir)?;
    let entities = part_manifests.first().map(|(_, m)| entities_of(m));
    let listed: Vec<ListedFile> = part_manifests
        .iter()
        .flat_map(|(_, m)| listed_files(m))
        .collect();
    if let Some((format, count, present)) = part_files(dir)? {
        let missing: Vec<u64> = (1..=count).filter(|k| !present.contains(k)).collect();
        if !missing.is_empty() {
            return Err(incomplete_parts(dir, &missing, count));
        }
        return Ok(Layout {
            format,
            parts: count,
            manifests: "the part manifests",
            listed,
            concatenated: Vec::new(),
            entities,
        });
    }
    let format = detect_format(dir)?;
    let concatenated = concatenated_sizes(format, &part_manifests, &listed);
    Ok(Layout {
        format,
        parts: 1,
        manifests: "the part manifests",
        listed: Vec::new(),
        concatenated,
        entities,
    })
}

/// The dates a run's manifests record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Recorded {
    pub start: Date,
    pub end: Date,
    /// When the shop opened; absent from manifests of versions that had no opening.
    pub opened: Option<Date>,
}

/// The dates the manifests in `dir` record: `manifest.json`'s, else the part
/// manifests'. A manifest that is there but cannot be read is an error, since the
/// window it holds is then unknown.
pub fn recorded_window(dir: &Path) -> Result<Option<Recorded>> {
    let path = dir.join("manifest.json");
    let hint = |e: Error| Error::Runtime(format!("{e}; give --start-date and --end-date"));
    if let Some(manifest) = Manifest::read(&path).map_err(hint)? {
        return recorded_or_error(&manifest, &path).map(Some);
    }
    let parts = part_manifests(dir)?;
    let mut recorded = BTreeSet::new();
    for (name, manifest) in &parts {
        recorded.insert(recorded_or_error(manifest, &dir.join(name))?);
    }
    match recorded.len() {
        0 => Ok(None),
        1 => Ok(recorded.pop_first()),
        _ => Err(Error::Runtime(format!(
            "the part manifests in {} record different windows; give --start-date and \
             --end-date",
            dir.display()
        ))),
    }
}

fn recorded_or_error(manifest: &Manifest, path: &Path) -> Result<Recorded> {
    let settings = &manifest.settings;
    let date = |key: &str, text: &str| {
        Date::parse(text).ok_or_else(|| {
            Error::Runtime(format!(
                "{}: settings.{key} is {text:?}, not a date YYYY-MM-DD",
                path.display()
            ))
        })
    };
    Ok(Recorded {
        start: date("start_date", &settings.start_date)?,
        end: date("end_date", &settings.end_date)?,
        opened: settings
            .opened
            .as_deref()
            .map(|text| date("opened", text))
            .transpose()?,
    })
}

/// The format a manifest records, if validate reads it.
fn readable(dir: &Path, format: Format, manifest: &str) -> Result<Format> {
    if reads(format) {
        return Ok(format);
    }
    let names: Vec<&str> = formats().map(Format::name).collect();
    Err(Error::Usage(format!(
        "{} holds --format {} output ({manifest}); validate reads {}. Check it in the \
         database with the reconcile.sql that --format sql writes, or generate the same \
         seed as csv and validate that",
        dir.display(),
        format.name(),
        names.join(", ")
    )))
}

/// The entities a manifest says its run wrote.
fn entities_of(manifest: &Manifest) -> Vec<Entity> {
    let names = &manifest.settings.entities;
    names.iter().filter_map(|n| Entity::from_name(n)).collect()
}

/// File stems of a format: one per entity, plus child tables for flat formats.
fn file_stems(format: Format) -> impl Iterator<Item = &'static TableSpec> {
    Entity::ALL
        .into_iter()
        .flat_map(move |e| format.files_of(e.spec().tables).iter().copied())
}

/// The table a file of a run holds, whole or a part of it.
fn table_of(format: Format, file: &str) -> Option<&'static TableSpec> {
    let (stem, _) = split_name(file)?;
    let stem = stem.strip_suffix(&format!(".{}", format.extension()))?;
    file_stems(format).find(|t| t.name == stem)
}

/// The whole file names of a format's dataset: one per table, or the one file.
fn whole_names(format: Format) -> Vec<String> {
    let ext = format.extension();
    match format.spec().single_file {
        Some(stem) => vec![format!("{stem}.{ext}")],
        None => file_stems(format)
            .map(|t| format!("{}.{ext}", t.name))
            .collect(),
    }
}

/// `orders.part-0002-of-0004.csv` as (`orders.csv`, Some((2, 4))), `orders.csv` as
/// (`orders.csv`, None).
fn split_name(file: &str) -> Option<(String, Option<(u64, u64)>)> {
    let Some((stem, rest)) = file.split_once(".part-") else {
        return Some((file.to_string(), None));
    };
    let (index, rest) = rest.split_once("-of-")?;
    let (count, ext) = rest.split_once('.')?;
    let number = |s: &str| (s.len() == 4).then(|| s.parse::<u64>().ok()).flatten();
    let (index, count) = (number(index)?, number(count)?);
    (1..=count)
        .contains(&index)
        .then(|| (format!("{stem}.{ext}"), Some((index, count))))
}

fn listed_files(manifest: &Manifest) -> Vec<ListedFile> {
    let format = manifest.settings.format;
    manifest
        .files
        .iter()
        .map(|listed| ListedFile {
            name: listed.file.clone(),
            table: table_of(format, &listed.file).map_or("manifest", |t| t.name),
            written: Fingerprint {
                bytes: listed.bytes,
                sha256: listed.sha256.clone(),
            },
        })
        .collect()
}

/// The part manifests in `dir` that read, by name, in part order.
fn part_manifests(dir: &Path) -> Result<Vec<(String, Manifest)>> {
    let mut found = Vec::new();
    for name in file_names(dir)? {
        if let Some((whole, Some(_))) = split_name(&name)
            && whole == "manifest.json"
            && let Ok(Some(manifest)) = Manifest::read(&dir.join(&name))
        {
            found.push((name, manifest));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

fn file_names(dir: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    Ok(entries
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect())
}

/// The format, part count and parts present of the part files of tables in `dir`.
fn part_files(dir: &Path) -> Result<Option<(Format, u64, BTreeSet<u64>)>> {
    let mut found: BTreeSet<(Format, u64)> = BTreeSet::new();
    let mut present = BTreeSet::new();
    for name in file_names(dir)? {
        let Some((whole, Some((index, count)))) = split_name(&name) else {
            continue;
        };
        for format in formats() {
            if whole_names(format).contains(&whole) {
                found.insert((format, count));
                present.insert(index);
            }
        }
    }
    match found.len() {
        0 => Ok(None),
        1 => {
            let (format, count) = found.pop_first().expect("one");
            Ok(Some((format, count, present)))
        }
        _ => {
            let kinds: Vec<String> = found
                .iter()
                .map(|(f, p)| format!("{} in {p} parts", f.extension()))
                .collect();
            Err(Error::Usage(format!(
                "{} holds parts of more than one partitioned run ({}); validate one run per \
                 directory",
                dir.display(),
                kinds.join(", ")
            )))
        }
    }
}

fn incomplete_parts(dir: &Path, missing: &[u64], count: u64) -> Error {
    let missing: Vec<String> = missing.iter().map(u64::to_string).collect();
    let which = match missing.as_slice() {
        [one] => format!("part {one}"),
        many => format!("parts {}", many.join(", ")),
    };
    Error::Usage(format!(
        "{} holds parts of a partitioned run, but not {which} of {count}; validate checks a \
         whole dataset: generate the missing parts into it, or concatenate each entity's \
         parts into one file (README, \"Big data: threads and parts\") and validate that",
        dir.display()
    ))
}

/// For parts concatenated back: the bytes each whole file's parts had, when the part
/// manifests list every part of it.
fn concatenated_sizes(
    format: Format,
    manifests: &[(String, Manifest)],
    listed: &[ListedFile],
) -> Vec<(String, u64)> {
    let Some(count) = manifests.first().map(|(_, m)| m.settings.parts) else {
        return Vec::new();
    };
    // Binary parts are files of their own; only text parts concatenate byte for byte.
    if format.is_binary() {
        return Vec::new();
    }
    let mut sizes = Vec::new();
    for whole in whole_names(format) {
        let parts: Vec<u64> = listed
            .iter()
            .filter(|f| split_name(&f.name).is_some_and(|(w, part)| w == whole && part.is_some()))
            .map(|f| f.written.bytes)
            .collect();
        if parts.len() as u64 == count {
            sizes.push((whole, parts.iter().sum()));
        }
    }
    sizes
}

/// The one format whose whole files `dir` holds.
pub fn detect_format(dir: &Path) -> Result<Format> {
    let mut found: Vec<(Format, Vec<String>)> = Vec::new();
    for format in formats() {
        let names: Vec<String> = whole_names(format)
            .into_iter()
            .filter(|name| dir.join(name).is_file())
            .collect();
        if !names.is_empty() {
            found.push((format, names));
        }
    }
    match found.as_slice() {
        [] => Err(Error::Usage(format!(
            "no dataset file in {} (expected files named after the entities, such as \
             users.csv, orders.json, payments.jsonl, reviews.xml or products.parquet, or \
             ecomgen.db; SQL output is checked by loading it into a database)",
            dir.display()
        ))),
        [(format, _)] => Ok(*format),
        _ => {
            let listed: Vec<String> = found
                .iter()
                .map(|(f, names)| format!("{} ({})", f.extension(), names.join(", ")))
                .collect();
            Err(Error::Usage(format!(
                "{} holds dataset files of more than one format: {}; validate one format \
                 per directory",
                dir.display(),
                listed.join("; ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_without_one_clear_format_is_refused() {
        let temp = tempfile::tempdir().expect("a temporary directory");
        let empty = detect_format(temp.path()).expect_err("no dataset");
        assert!(empty.to_string().contains("no dataset file"), "{empty}");
        std::fs::write(temp.path().join("users.csv"), "user_id\n").expect("written");
        assert_eq!(detect_format(temp.path()).expect("one format"), Format::Csv);
        std::fs::write(temp.path().join("orders.json"), "[]").expect("written");
        let mixed = detect_format(temp.path()).expect_err("two formats");
        assert!(
            mixed.to_string().contains("more than one format"),
            "{mixed}"
        );
    }

    #[test]
    fn part_names_split_into_the_whole_file_and_the_part() {
        assert_eq!(
            split_name("orders.part-0002-of-0004.csv"),
            Some(("orders.csv".to_string(), Some((2, 4))))
        );
        assert_eq!(
            split_name("orders.csv"),
            Some(("orders.csv".to_string(), None))
        );
        for odd in ["orders.part-2-of-4.csv", "orders.part-0005-of-0004.csv"] {
            assert_eq!(split_name(odd), None, "{odd}");
        }
        let table = table_of(Format::Csv, "order_items.part-0001-of-0002.csv");
        assert_eq!(table.map(|t| t.name), Some("order_items"));
        assert_eq!(
            table_of(Format::Json, "order_items.json").map(|t| t.name),
            None
        );
    }
}
