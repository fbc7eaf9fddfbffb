//! Finding a dataset's files and reading them into tables. The manifest a run writes
//! says which files belong to it (so files another run left beside them do not
//! matter); without one, the files themselves tell the format. A file that does not
//! parse is a violation, not an error: the rest of the dataset is still checked.

mod csv;
mod fingerprint;
mod json;
mod loader;
mod xml;

use super::report::Findings;
use super::table::Rows;
use crate::error::{Error, Result};
use crate::manifest::Manifest;
use crate::output::Format;
use crate::rules::Rule;
use crate::schema::{Entity, Table, TableSpec};
use fingerprint::Hashing;
use loader::Loader;
use std::fs::File;
use std::path::Path;

/// The formats validate reads.
pub const FORMATS: [Format; 4] = [Format::Csv, Format::Json, Format::Jsonl, Format::Xml];

/// The tables read from a dataset's files.
pub struct Dataset {
    /// By `Table::index`; `None` when the file is absent or does not parse.
    tables: Vec<Option<Rows>>,
    /// Dataset files read.
    pub files: usize,
    /// Records read, as the files hold them (a file's records, as generate counts
    /// them): child tables included when they are files of their own.
    pub rows: u64,
    /// Rows of child tables nested in their parents' records (order items in JSON and
    /// XML orders).
    pub nested: u64,
    /// The size and sha256 of each file read, by name.
    pub fingerprints: Vec<(String, Fingerprint)>,
}

impl Dataset {
    fn empty() -> Dataset {
        Dataset {
            tables: Table::ALL.iter().map(|_| None).collect(),
            files: 0,
            rows: 0,
            nested: 0,
            fingerprints: Vec::new(),
        }
    }

    pub fn table(&self, table: Table) -> Option<&Rows> {
        self.tables[table.index()].as_ref()
    }

    fn put(&mut self, rows: Rows) {
        self.rows += rows.len() as u64;
        self.keep(rows);
    }

    fn put_nested(&mut self, rows: Rows) {
        self.nested += rows.len() as u64;
        self.keep(rows);
    }

    fn keep(&mut self, rows: Rows) {
        let at = rows.spec.table.index();
        self.tables[at] = Some(rows);
    }

    /// The tables read, in the order checks report them: every entity's own table,
    /// then the child tables.
    pub fn tables(&self) -> impl Iterator<Item = &Rows> {
        report_order().filter_map(|t| self.table(t))
    }
}

/// Every entity's own table, then the child tables (order items): the order files
/// are read and reported in.
pub fn report_order() -> impl Iterator<Item = Table> {
    let own = Entity::ALL.into_iter().map(|e| e.table().table);
    let children = Entity::ALL
        .into_iter()
        .flat_map(|e| e.spec().tables[1..].iter().map(|t| t.table));
    own.chain(children)
}

/// File stems of a format: one per entity, plus child tables for flat formats.
fn file_stems(format: Format) -> impl Iterator<Item = &'static TableSpec> {
    Entity::ALL
        .into_iter()
        .flat_map(move |e| format.files_of(e.spec().tables).iter().copied())
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

pub use fingerprint::Fingerprint;

/// What `DIR/manifest.json` says the last run wrote there.
pub struct Listing {
    pub format: Format,
    pub files: Vec<ListedFile>,
}

/// A file a manifest lists.
pub struct ListedFile {
    pub name: String,
    /// The table it holds (`manifest` for a file of no table).
    pub table: &'static str,
    /// Its size and sha256 when it was written.
    pub written: Fingerprint,
}

/// The listing of `dir`'s manifest; `None` without a manifest, or with one that cannot
/// be read: then the files themselves tell.
pub fn listing(dir: &Path) -> Result<Option<Listing>> {
    let Ok(Some(manifest)) = Manifest::read(&dir.join("manifest.json")) else {
        return Ok(None);
    };
    let format = manifest.settings.format;
    if !FORMATS.contains(&format) {
        return Err(Error::Usage(format!(
            "{} holds --format {} output (manifest.json); validate reads csv, json, jsonl \
             and xml. Check it in the database with the reconcile.sql that --format sql \
             writes, or generate the same seed as csv and validate that",
            dir.display(),
            format.name()
        )));
    }
    let files = manifest
        .files
        .into_iter()
        .map(|listed| {
            let table = file_stems(format)
                .find(|t| listed.file == format!("{}.{}", t.name, format.extension()))
                .map_or("manifest", |t| t.name);
            ListedFile {
                name: listed.file,
                table,
                written: Fingerprint {
                    bytes: listed.bytes,
                    sha256: listed.sha256,
                },
            }
        })
        .collect();
    Ok(Some(Listing { format, files }))
}

/// The one format whose files `dir` holds.
pub fn detect_format(dir: &Path) -> Result<Format> {
    let mut found: Vec<(Format, Vec<String>)> = Vec::new();
    for format in FORMATS {
        let names: Vec<String> = file_stems(format)
            .map(|t| format!("{}.{}", t.name, format.extension()))
            .filter(|name| dir.join(name).is_file())
            .collect();
        if !names.is_empty() {
            found.push((format, names));
        }
    }
    let parts = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .flatten()
        .any(|entry| entry.file_name().to_string_lossy().contains(".part-"));
    match found.as_slice() {
        [] if parts => Err(Error::Usage(format!(
            "{} holds parts of a partitioned run; validate checks a whole dataset: concatenate \
             each entity's parts into one file (README, \"Big data: threads and parts\") and \
             validate that",
            dir.display()
        ))),
        [] => Err(Error::Usage(format!(
            "no dataset file in {} (expected files named after the entities, such as \
             users.csv, orders.json, payments.jsonl or reviews.xml; SQL, Parquet and SQLite \
             output is checked by loading it into a database)",
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

/// Reads every file of `format` in `dir` that exists.
pub fn load(dir: &Path, format: Format, found: &mut Findings) -> Result<Dataset> {
    let mut data = Dataset::empty();
    for entity in Entity::ALL {
        let tables = entity.spec().tables;
        let nested = if format.is_flat() {
            None
        } else {
            tables.get(1).copied()
        };
        if let Some((rows, child)) = read_file(
            dir,
            format,
            Loader::new(tables[0], nested),
            &mut data,
            found,
        )? {
            data.put(rows);
            if let Some(child) = child {
                data.put_nested(child);
            }
        }
    }
    if format.is_flat() {
        for entity in Entity::ALL {
            let tables = entity.spec().tables;
            for &child in &tables[1..] {
                load_child_file(dir, format, tables[0], child, &mut data, found)?;
            }
        }
    }
    Ok(data)
}

/// Reads the file of a child table (order items), which must exist when its parent's
/// does.
fn load_child_file(
    dir: &Path,
    format: Format,
    parent: &'static TableSpec,
    child: &'static TableSpec,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<()> {
    let ext = format.extension();
    match read_file(dir, format, Loader::new(child, None), data, found)? {
        Some((rows, _)) => data.put(rows),
        None if data.table(parent.table).is_some()
            && !dir.join(format!("{}.{ext}", child.name)).is_file() =>
        {
            let what = child.nesting.map_or("rows", |n| n.wrapper);
            found.of_file(
                child.name,
                Rule::FormatFile,
                format!(
                    "{p}.{ext} is present but {c}.{ext} is missing: the {p}' {what} are not \
                     checked",
                    p = parent.name,
                    c = child.name
                ),
            );
        }
        None => {}
    }
    Ok(())
}

/// Reads one file if it exists. A file that does not parse is a violation, and its
/// table is then treated as absent, since its rows cannot be trusted.
fn read_file(
    dir: &Path,
    format: Format,
    mut loader: Loader,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<Option<(Rows, Option<Rows>)>> {
    let name = format!("{}.{}", loader.name(), format.extension());
    let path = dir.join(&name);
    if !path.is_file() {
        return Ok(None);
    }
    data.files += 1;
    let mut file = Hashing::new(File::open(&path).map_err(|e| Error::io(&path, e))?);
    let outcome = match format {
        Format::Csv => csv::read(&mut file, &mut loader, found),
        Format::Json => json::read_array(&mut file, &mut loader, found),
        Format::Jsonl => json::read_lines(&mut file, &mut loader, found),
        Format::Xml => xml::read(&mut file, &mut loader, found),
        // Never detected: SQL scripts, Parquet and SQLite files are checked by the
        // engines that read them.
        Format::Sql | Format::Parquet | Format::Sqlite => {
            Err("this format is not read back; load it into a database".to_string())
        }
    };
    let print = file.finish().map_err(|e| Error::io(&path, e))?;
    data.fingerprints.push((name.clone(), print));
    match outcome {
        Ok(()) => Ok(Some(loader.finish())),
        Err(problem) => {
            found.of_file(
                loader.name(),
                Rule::FormatFile,
                format!("{name}: {problem}; the file is not checked further"),
            );
            Ok(None)
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
    fn child_tables_are_read_after_every_entity() {
        let order: Vec<Table> = report_order().collect();
        assert_eq!(order.len(), Table::COUNT);
        assert_eq!(order.last(), Some(&Table::OrderItems));
    }
}
