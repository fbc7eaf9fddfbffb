//! Reading a dataset's files into tables, one reader per format. A file that does not
//! parse is a violation, not an error: the rest of the dataset is still checked.

mod csv;
mod fingerprint;
mod json;
mod layout;
mod loader;
mod xml;

pub use fingerprint::Fingerprint;
pub use layout::{Layout, check_is_dir, discover, recorded_window};

use super::report::Findings;
use super::table::Rows;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::rules::Rule;
use crate::schema::{Entity, Table, TableSpec};
use fingerprint::Concatenation;
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
    let format = layout.format;
    for entity in Entity::ALL {
        let tables = entity.spec().tables;
        let nested = if format.is_flat() {
            None
        } else {
            tables.get(1).copied()
        };
        let loader = Loader::new(tables[0], nested);
        if let Some((rows, child)) = read_table(dir, layout, loader, &mut data, found)? {
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
                load_child_table(dir, layout, tables[0], child, &mut data, found)?;
            }
        }
    }
    Ok(data)
}

/// Reads the file of a child table (order items), which must exist when its parent's
/// does.
fn load_child_table(
    dir: &Path,
    layout: &Layout,
    parent: &'static TableSpec,
    child: &'static TableSpec,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<()> {
    match read_table(dir, layout, Loader::new(child, None), data, found)? {
        Some((rows, _)) => data.put(rows),
        None if data.table(parent.table).is_some() && !has_files(dir, layout, child) => {
            let ext = layout.format.extension();
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

/// Whether every file of a table is in `dir`.
fn has_files(dir: &Path, layout: &Layout, table: &TableSpec) -> bool {
    layout
        .files_of(table.name)
        .iter()
        .all(|name| dir.join(name).is_file())
}

/// Reads one table if its files are there. A file that does not parse is a
/// violation, and its table is then treated as absent, since its rows cannot be
/// trusted.
fn read_table(
    dir: &Path,
    layout: &Layout,
    mut loader: Loader,
    data: &mut Dataset,
    found: &mut Findings,
) -> Result<Option<(Rows, Option<Rows>)>> {
    if !has_files(dir, layout, loader.spec()) {
        return Ok(None);
    }
    let names = layout.files_of(loader.name());
    let mut files = Vec::with_capacity(names.len());
    for name in &names {
        let path = dir.join(name);
        files.push((
            name.clone(),
            File::open(&path).map_err(|e| Error::io(&path, e))?,
        ));
    }
    data.files += files.len();
    let mut source = Concatenation::new(files);
    let outcome = match layout.format {
        Format::Csv => csv::read(&mut source, &mut loader, found),
        Format::Json => json::read_array(&mut source, &mut loader, found),
        Format::Jsonl => json::read_lines(&mut source, &mut loader, found),
        Format::Xml => xml::read(&mut source, &mut loader, found),
        // Never laid out: SQL scripts are checked by the databases that load them.
        Format::Sql | Format::Parquet | Format::Sqlite => {
            Err("this format is not read back; load it into a database".to_string())
        }
    };
    let prints = source.finish().map_err(|e| Error::io(dir, e))?;
    data.fingerprints.extend(prints);
    match outcome {
        Ok(()) => Ok(Some(loader.finish())),
        Err(problem) => {
            let name = match names.as_slice() {
                [one] => one.clone(),
                _ => format!(
                    "{}.{} (its parts)",
                    loader.name(),
                    layout.format.extension()
                ),
            };
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
    fn child_tables_are_read_after_every_entity() {
        let order: Vec<Table> = report_order().collect();
        assert_eq!(order.len(), Table::COUNT);
        assert_eq!(order.last(), Some(&Table::OrderItems));
    }
}
