//! What a validation found: each broken rule with where it was broken, collected in
//! the order the checks run so a report reads file by file, rule by rule.

use super::coverage::Gaps;
use super::table::Rows;
use crate::output::Format;
use crate::rules::Rule;
use std::fmt;

/// One broken rule: where, which rule of the data model, and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Table (file stem) the row belongs to; `order_items` for order items.
    pub entity: &'static str,
    /// 0-based row index in its file (nested order items count across orders, the
    /// way `order_items.csv` lists them); `None` for a problem of the whole file.
    pub row: Option<u64>,
    pub rule: Rule,
    pub message: String,
}

/// A rule reads as its id wherever it is printed, as the SQL constraints and the
/// reconciliation query name it.
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            // People count records from 1: record 1 is the first after a CSV header
            // (its line 2), the first element of a JSON array, the first line of JSONL.
            Some(row) => write!(f, "{} record {}: [{}] ", self.entity, row + 1, self.rule)?,
            None => write!(f, "{}: [{}] ", self.entity, self.rule)?,
        }
        // A message can quote a damaged file: one violation stays one line.
        for c in self.message.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// What a validation found.
#[derive(Debug)]
pub struct Report {
    pub format: Format,
    /// Dataset files read.
    pub files: usize,
    /// Records read, counted as generate counts the rows it writes: a file's records
    /// (order items included where they are a file of their own).
    pub rows: u64,
    /// Order items nested in the orders' records (JSON, JSON Lines, XML).
    pub nested: u64,
    /// Orders read, when there is an orders file.
    pub orders: Option<u64>,
    /// What the tables that were not read kept from being checked.
    pub gaps: Gaps,
    /// Files that differ from what their manifest recorded, each with how.
    pub edited: Vec<String>,
    pub violations: Vec<Violation>,
}

/// The violations found so far, in the order the checks found them.
#[derive(Debug, Default)]
pub struct Findings(Vec<Violation>);

impl Findings {
    /// A problem of a whole file or table.
    pub fn of_file(&mut self, entity: &'static str, rule: Rule, message: String) {
        self.0.push(Violation {
            entity,
            row: None,
            rule,
            message,
        });
    }

    /// A problem of one record of a table that may not be in memory yet.
    pub fn of_record(&mut self, entity: &'static str, row: usize, rule: Rule, message: String) {
        self.0.push(Violation {
            entity,
            row: Some(row as u64),
            rule,
            message,
        });
    }

    pub fn at(&mut self, rows: &Rows, row: usize, rule: Rule, message: String) {
        self.of_record(rows.name(), row, rule, message);
    }

    pub fn into_violations(self) -> Vec<Violation> {
        self.0
    }
}
