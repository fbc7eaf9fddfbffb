//! Reading a dataset's files into tables, one reader per format. A file that does not
//! parse is a violation, not an error: the rest of the dataset is still checked.

mod csv;
mod fingerprint;
mod json;
mod layout;
mod loader;
#[cfg(feature = "parquet")]
mod parquet;
#[cfg(feature = "sqlite")]
mod sqlite;
mod xml;

pub use fingerprint::Fingerprint;
pub use layout::{Layout, Recorded, check_is_dir, discover, recorded_window};

use super::report::Findings;
use super::table::Rows;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::rules::Rule;
use crate::schema::{Entity, Table, TableSpec};
use fingerprint::Concatenation;
#[cfg(any(feature = "parquet", feature = "sqlite"))]
use fingerprint::Hashing;
use loader::Loader;
use std::fs::File;
use std::path::Path;

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

    /// The size and sha256 of a file that was read.
    pub fn fingerprint(&self, name: &str) -> Option<&Fingerprint> {
        self.fingerprints
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, print)| print)
    }

    fn put(&mut self, rows: Rows) {
        self.rows += rows.len() as u64;
        self.keep(rows);
    }

    fn put_nested(&mut self, rows: Rows) {
        self.nested += rows.len() as u64;
        self.keep(rows);
    }

    /// Hashes a whole file and counts it as read: for the binary formats, which are
    /// read by seeking and so are hashed in a pass of their own.
    #[cfg(any(feature = "parquet", feature = "sqlite"))]
    fn fingerprint_whole(&mut self, dir: &Path, name: &str) -> Result<()> {
        let path = dir.join(name);
        let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
        let print = Hashing::new(file)
            .finish()
            .map_err(|e| Error::io(&path, e))?;
        self.fingerprints.push((name.to_string(), print));
        self.files += 1;
        Ok(())
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

/// Reads every table of `layout` whose files are in `dir`.
pub fn load(dir: &Path, layout: &Layout, found: &mut Findings) -> Result<Dataset> {
    let mut data = Dataset::empty();
    let databases = Databases::open(dir, layout, &mut data, found)?;
    let format = layout.format;
    let written = |e: Entity| {
        layout
            .entities
            .as_ref()
            .is_none_or(|list| list.contains(&e))
    };
    for entity in Entity::ALL.into_iter().filter(|e| written(*e)) {
        let tables = entity.spec().tables;
        let nested = if format.is_flat() {
            None
        } else {
            tables.get(1).copied()
        };
        let loader = Loader::new(tables[0], nested);
        if let Some((rows, child)) = read_table(dir, layout, &databases, loader, &mut data, found)?
        {
            data.put(rows);
            if let Some(child) = child {
                data.put_nested(child);
            }
        }
    }
    if format.is_flat() {
        for entity in Entity::ALL.into_iter().filter(|e| written(*e)) {
            let tables = entity.spec().tables;
            for &child in &tables[1..] {
                let loader = Loader::new(child, None);
                match read_table(dir, layout, &databases, loader, &mut data, found)? {
                    Some((rows, _)) => data.put(rows),
                    None => missing_child(dir, layout, tables[0], child, &data, found),
                }
            }
        }
    }
    Ok(data)
}

/// A child table (order items) must have its file when its parent's is there.
fn missing_child(
    dir: &Path,
    layout: &Layout,
    parent: &'static TableSpec,
    child: &'static TableSpec,
    data: &Dataset,
    found: &mut Findings,
) {
    if data.table(parent.table).is_none() || has_files(dir, layout, child) {
        return;
    }
    let ext = layout.format.extension();
    let what = child.nesting.map_or("rows", |n| n.wrapper);
    found.of_file(
        child.name,
        Rule::FormatFile,
        format!(
            "{p}.{ext} is present but {c}.{ext} is missing: the {p}' {what} are not checked",
            p = parent.name,
            c = child.name
        ),
    );
}

/// Whether every file of a table is in `dir`.
fn has_files(dir: &Path, layout: &Layout, table: &TableSpec) -> bool {
    layout
        .files_of(table.name)
        .iter()
        .all(|name| dir.join(name).is_file())
}

/// The open databases of a format that keeps every table in one file (SQLite): one
/// per part, opened once for all tables.
struct Databases {
    #[cfg(feature = "sqlite")]
    open: Vec<rusqlite::Connection>,
    /// A database that did not open: its tables are not read.
    failed: bool,
}

impl Databases {
    #[cfg(not(feature = "sqlite"))]
    fn open(_: &Path, _: &Layout, _: &mut Dataset, _: &mut Findings) -> Result<Databases> {
        Ok(Databases { failed: false })
    }

    #[cfg(feature = "sqlite")]
    fn open(
        dir: &Path,
        layout: &Layout,
        data: &mut Dataset,
        found: &mut Findings,
    ) -> Result<Databases> {
        let mut databases = Databases {
            open: Vec::new(),
            failed: false,
        };
        let Some(stem) = layout.format.spec().single_file else {
            return Ok(databases);
        };
        let names = layout.files_of(stem);
        if !names.iter().all(|name| dir.join(name).is_file()) {
            return Ok(databases);
        }
        for name in names {
            data.fingerprint_whole(dir, &name)?;
            match sqlite::open(&dir.join(&name)) {
                Ok(connection) => databases.open.push(connection),
                Err(problem) => {
                    databases.failed = true;
                    let message = format!("{name}: {problem}; its tables are not checked");
                    found.of_file(stem, Rule::FormatFile, message);
                }
            }
        }
        Ok(databases)
    }
}

/// Reads one table if its files are there. A file that does not parse is a
/// violation, and its table is then treated as absent, since its rows cannot be
/// trusted.
fn read_table(
    dir: &Path,
    layout: &Layout,
    databases: &Databases,
    mut loader: Loader,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<Option<(Rows, Option<Rows>)>> {
    if !has_files(dir, layout, loader.spec()) || databases.failed {
        return Ok(None);
    }
    let names = layout.files_of(loader.name());
    let outcome = match layout.format {
        Format::Csv | Format::Json | Format::Jsonl | Format::Xml => {
            read_text(dir, layout.format, &names, &mut loader, data, found)?
        }
        #[cfg(feature = "parquet")]
        Format::Parquet => read_parquet(dir, &names, &mut loader, data, found)?,
        #[cfg(feature = "sqlite")]
        Format::Sqlite => sqlite::read(&databases.open, &mut loader, found),
        _ => Err("this format is not read back; load it into a database".to_string()),
    };
    match outcome {
        Ok(()) => Ok(Some(loader.finish())),
        Err(problem) => {
            let (name, unit) = match (layout.format.spec().single_file, names.as_slice()) {
                (Some(_), _) => (format!("table {}", loader.name()), "table"),
                (None, [one]) => (one.clone(), "file"),
                _ => {
                    let ext = layout.format.extension();
                    (format!("{}.{ext} (its parts)", loader.name()), "file")
                }
            };
            found.of_file(
                loader.name(),
                Rule::FormatFile,
                format!("{name}: {problem}; the {unit} is not checked further"),
            );
            Ok(None)
        }
    }
}

/// Reads a text format's files as one stream, hashing each.
fn read_text(
    dir: &Path,
    format: Format,
    names: &[String],
    loader: &mut Loader,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<Result<(), String>> {
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(name);
        files.push((
            name.clone(),
            File::open(&path).map_err(|e| Error::io(&path, e))?,
        ));
    }
    data.files += files.len();
    let mut source = Concatenation::new(files);
    let outcome = match format {
        Format::Csv => csv::read(&mut source, loader, found),
        Format::Json => json::read_array(&mut source, loader, found),
        Format::Jsonl => json::read_lines(&mut source, loader, found),
        _ => xml::read(&mut source, loader, found),
    };
    let prints = source.finish().map_err(|e| Error::io(dir, e))?;
    data.fingerprints.extend(prints);
    Ok(outcome)
}

/// Reads a table's Parquet files (whole, or one per part) one after another.
#[cfg(feature = "parquet")]
fn read_parquet(
    dir: &Path,
    names: &[String],
    loader: &mut Loader,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<Result<(), String>> {
    let mut outcome = Ok(());
    for name in names {
        data.fingerprint_whole(dir, name)?;
        if outcome.is_ok() {
            let path = dir.join(name);
            let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
            outcome = parquet::read(file, loader, found);
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn child_tables_are_read_after_every_entity() {
        let order: Vec<Table> = report_order().collect();
        assert_eq!(order.len(), Table::COUNT);
        assert_eq!(order.last(), Some(&Table::OrderItems));
    }
}
