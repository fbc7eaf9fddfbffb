//! CSV files: a header naming the table's fields (in any order), then one record per
//! row. Records with the wrong number of values are read as far as they go and
//! reported, so one broken line does not hide the rest of the file.

use super::super::report::Findings;
use super::loader::{Loader, shape_problem};
use crate::rules::Rule;
use crate::words::plural;
use std::io::Read;

pub fn read(source: impl Read, loader: &mut Loader, found: &mut Findings) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(source));
    let header = reader
        .headers()
        .map_err(|e| format!("unreadable header: {e}"))?
        .clone();
    let names: Vec<&str> = header.iter().collect();
    if let Some(problem) = shape_problem(loader.expected(), &names) {
        return Err(format!("the header {problem}"));
    }
    let positions: Vec<Option<usize>> = loader
        .fields()
        .iter()
        .map(|f| names.iter().position(|n| *n == f.name))
        .collect();
    let mut record = csv::StringRecord::new();
    loop {
        let row = loader.len();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => return Err(format!("record {} is not readable CSV: {e}", row + 1)),
        }
        if record.len() != names.len() {
            found.of_record(
                loader.name(),
                row,
                Rule::FormatFields,
                format!(
                    "the row has {} for the header's {} columns",
                    plural(record.len() as u64, "value"),
                    names.len()
                ),
            );
            loader.mark_misshapen(row);
        }
        loader.push_in_order(positions.iter().map(|p| p.and_then(|p| record.get(p))))?;
    }
}
