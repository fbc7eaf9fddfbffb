//! The tables of one dataset as an analyst loads them: one column of text per field,
//! read from the CSV files `ecomgen generate` wrote (or built in memory by the negative
//! controls), with the few joins every measure uses.
//!
//! Nothing here comes from the generator's code: dates, departments and local times
//! are computed from the files alone, so the measures are an independent oracle.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

mod clock;
mod joins;

pub use clock::*;
pub use joins::*;

/// A field or a table a measure needs and the dataset does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing(pub String);

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Res<T> = Result<T, Missing>;

/// One field's values, stored as one string and the end of each cell: a full
/// `--scale 20` dataset fits in about its size on disk.
#[derive(Default)]
pub struct Column {
    text: String,
    ends: Vec<u32>,
}

impl Column {
    pub fn push(&mut self, value: &str) {
        self.text.push_str(value);
        self.ends
            .push(u32::try_from(self.text.len()).expect("a column under 4 GiB"));
    }

    pub fn get(&self, row: usize) -> &str {
        let start = if row == 0 {
            0
        } else {
            self.ends[row - 1] as usize
        };
        &self.text[start..self.ends[row] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// A named column, so that parse errors say where they are.
#[derive(Clone, Copy)]
pub struct Col<'a> {
    pub table: &'a str,
    pub field: &'a str,
    column: &'a Column,
}

impl<'a> Col<'a> {
    pub fn get(&self, row: usize) -> &'a str {
        self.column.get(row)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let column = self.column;
        (0..column.len()).map(move |i| column.get(i))
    }

    /// A timestamp as seconds since 1970 on the shop's clock; None when empty.
    pub fn ts(&self, row: usize) -> Option<i64> {
        let text = self.get(row);
        (!text.is_empty()).then(|| {
            timestamp(text).unwrap_or_else(|| {
                panic!(
                    "{}.{} row {}: not a timestamp: {text:?}",
                    self.table,
                    self.field,
                    row + 1
                )
            })
        })
    }

    /// A required timestamp.
    pub fn ts_req(&self, row: usize) -> i64 {
        self.ts(row).unwrap_or_else(|| {
            panic!(
                "{}.{} row {}: empty timestamp",
                self.table,
                self.field,
                row + 1
            )
        })
    }

    /// A date as days since 1970; None when empty.
    pub fn date(&self, row: usize) -> Option<i64> {
        let text = self.get(row);
        (!text.is_empty()).then(|| {
            date(text).unwrap_or_else(|| {
                panic!(
                    "{}.{} row {}: not a date: {text:?}",
                    self.table,
                    self.field,
                    row + 1
                )
            })
        })
    }

    /// A number (money, integer, rating); None when empty.
    pub fn num(&self, row: usize) -> Option<f64> {
        let text = self.get(row);
        (!text.is_empty()).then(|| {
            text.parse().unwrap_or_else(|_| {
                panic!(
                    "{}.{} row {}: not a number: {text:?}",
                    self.table,
                    self.field,
                    row + 1
                )
            })
        })
    }

    /// A required number.
    pub fn num_req(&self, row: usize) -> f64 {
        self.num(row).unwrap_or_else(|| {
            panic!(
                "{}.{} row {}: empty number",
                self.table,
                self.field,
                row + 1
            )
        })
    }
}

/// One entity's rows, column by column.
pub struct Table {
    pub name: String,
    fields: Vec<String>,
    columns: Vec<Column>,
    rows: usize,
}

impl Table {
    pub fn new(name: &str, fields: &[&str]) -> Table {
        Table {
            name: name.to_string(),
            fields: fields.iter().map(|f| f.to_string()).collect(),
            columns: fields.iter().map(|_| Column::default()).collect(),
            rows: 0,
        }
    }

    /// Appends a row; `values` in the order of the fields.
    pub fn push<S: AsRef<str>>(&mut self, values: &[S]) {
        assert_eq!(
            values.len(),
            self.fields.len(),
            "a full row of {}",
            self.name
        );
        for (column, value) in self.columns.iter_mut().zip(values) {
            column.push(value.as_ref());
        }
        self.rows += 1;
    }

    pub fn from_csv(name: &str, path: &Path) -> Table {
        let mut reader =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = reader.headers().expect("a header row").clone();
        let fields: Vec<&str> = headers.iter().collect();
        let mut table = Table::new(name, &fields);
        let mut record = csv::StringRecord::new();
        while reader
            .read_record(&mut record)
            .expect("a well-formed record")
        {
            for (column, value) in table.columns.iter_mut().zip(record.iter()) {
                column.push(value);
            }
            table.rows += 1;
        }
        table
    }

    pub fn len(&self) -> usize {
        self.rows
    }

    /// A field's column, or which field is missing.
    pub fn col(&self, field: &str) -> Res<Col<'_>> {
        let at = self.fields.iter().position(|f| f == field).ok_or_else(|| {
            Missing(format!(
                "{}.csv has no field `{field}` (fields: {})",
                self.name,
                self.fields.join(", ")
            ))
        })?;
        Ok(Col {
            table: &self.name,
            field: &self.fields[at],
            column: &self.columns[at],
        })
    }

    /// Rows as field -> text maps, for the older tests written that way.
    pub fn maps(&self) -> Vec<BTreeMap<String, String>> {
        (0..self.rows)
            .map(|row| {
                self.fields
                    .iter()
                    .zip(&self.columns)
                    .map(|(f, c)| (f.clone(), c.get(row).to_string()))
                    .collect()
            })
            .collect()
    }

    /// Every cell, for scans of all text.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        self.columns.iter().flat_map(|c| c.iter())
    }
}

/// The period the data covers, as days since 1970, both ends included.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub first_day: i64,
    pub last_day: i64,
}

impl Window {
    /// `ecomgen generate`'s default: the year 2023.
    pub fn default_year() -> Window {
        Window {
            first_day: days_from_civil(2023, 1, 1),
            last_day: days_from_civil(2023, 12, 31),
        }
    }

    pub fn start(&self) -> i64 {
        self.first_day * DAY
    }

    /// The first second after the window.
    pub fn end(&self) -> i64 {
        (self.last_day + 1) * DAY
    }

    pub fn days(&self) -> i64 {
        self.last_day - self.first_day + 1
    }

    pub fn contains(&self, ts: i64) -> bool {
        (self.start()..self.end()).contains(&ts)
    }

    /// The calendar years the window touches.
    pub fn years(&self) -> std::ops::RangeInclusive<i64> {
        civil_from_days(self.first_day).0..=civil_from_days(self.last_day).0
    }
}

/// The tables of one dataset that a measure was given.
pub struct Data {
    pub label: String,
    pub window: Window,
    /// The `--scale` factor (1 for the default size).
    pub scale: f64,
    pub tables: BTreeMap<String, Arc<Table>>,
}

impl Data {
    pub fn t(&self, name: &str) -> Res<&Table> {
        self.tables
            .get(name)
            .map(|t| t.as_ref())
            .ok_or_else(|| Missing(format!("no {name}.csv in the dataset")))
    }
}
