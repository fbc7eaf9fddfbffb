//! CSV: a header row from the schema (so a file with no rows still has one), RFC 4180
//! quoting, `\n` line ends, and order items in a file of their own. Fields are written
//! straight from the cells: only text can need quotes, and most has none.

use super::scan::any_byte;
use super::{Encoded, Format, FormatSpec, TextFormat};
use crate::error::Result;
use crate::model::cells::{RowCells, Value};
use crate::schema::TableSpec;

pub const SPEC: FormatSpec = FormatSpec {
    name: "csv",
    extension: "csv",
    about: "Comma-separated values with a header row; order items in order_items.csv",
    flat: true,
    binary: false,
    frames_every_part: false,
    leading_separator: 0,
    single_file: None,
};

#[derive(Clone, Copy, Debug, Default)]
pub struct Csv;

impl TextFormat for Csv {
    fn format(&self) -> Format {
        Format::Csv
    }

    fn prologue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        for (i, field) in table.fields.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            field_text(field.name, out);
        }
        out.push(b'\n');
    }

    fn row(&self, _: &[&'static TableSpec], row: &RowCells, out: &mut [Encoded]) -> Result<()> {
        record(row.own(), &mut out[0]);
        if out.len() > 1 {
            for child in 0..row.child_count() {
                record(row.child(child), &mut out[1]);
            }
        }
        Ok(())
    }
}

fn record<'a>(values: impl Iterator<Item = Value<'a>>, out: &mut Encoded) {
    let bytes = &mut out.bytes;
    for (i, value) in values.enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        match value {
            Value::Text(text) => field_text(text, bytes),
            other => other.write_text(bytes),
        }
    }
    bytes.push(b'\n');
    out.rows += 1;
}

/// A text field, quoted when it holds a quote, a comma or a line break (quotes
/// inside doubled), as the csv crate's writer does.
#[inline]
pub fn field_text(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    if !needs_quotes(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    out.push(b'"');
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=at]);
        out.push(b'"');
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Whether the field holds a byte that needs quotes: a quote, a comma or a line break.
#[inline]
fn needs_quotes(bytes: &[u8]) -> bool {
    any_byte(bytes, |b| {
        (b == b'"') | (b == b',') | (b == b'\n') | (b == b'\r')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with_csv_crate(fields: &[String]) -> Vec<u8> {
        let mut w = ::csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(fields).unwrap();
        w.into_inner().unwrap()
    }

    fn ours(fields: &[String]) -> Vec<u8> {
        let mut ours = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                ours.push(b',');
            }
            field_text(f, &mut ours);
        }
        ours.push(b'\n');
        ours
    }

    proptest! {
        /// Quoting is byte for byte the csv crate's (which reads our files back).
        #[test]
        fn fields_are_quoted_as_the_csv_crate_quotes_them(
            fields in prop::collection::vec("[a-z\",\n\r' ;é]{0,12}", 2..6)
        ) {
            prop_assert_eq!(ours(&fields), with_csv_crate(&fields));
        }

        /// Long fields are searched another way: one byte that needs quotes, or none,
        /// anywhere in them.
        #[test]
        fn long_fields_are_quoted_as_the_csv_crate_quotes_them(
            fields in prop::collection::vec("[a-zé .]{0,60}[\",\n\r]?[a-z .]{0,60}", 2..4)
        ) {
            prop_assert_eq!(ours(&fields), with_csv_crate(&fields));
        }
    }
}
