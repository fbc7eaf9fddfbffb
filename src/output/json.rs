//! JSON and JSON Lines: one object per row, keys in the schema's order, order items
//! nested under `items`, money and timestamps as strings (the data model's text). In a
//! JSON array every row is preceded by ",\n"; the writer drops the comma before a
//! file's first row, which lets chunks and parts be encoded without knowing what comes
//! before them.

use super::scan::any_byte;
use super::{Encoded, Format, FormatSpec, TextFormat};
use crate::error::Result;
use crate::model::cells::{RowCells, Value};
use crate::schema::{Field, TableSpec};

pub const JSON: FormatSpec = FormatSpec {
    name: "json",
    extension: "json",
    about: "One JSON array per file, order items nested in each order",
    flat: false,
    binary: false,
    frames_every_part: false,
    leading_separator: 1,
    single_file: None,
};

pub const JSON_LINES: FormatSpec = FormatSpec {
    name: "jsonl",
    extension: "jsonl",
    about: "JSON Lines: one object per line, order items nested",
    flat: false,
    binary: false,
    frames_every_part: false,
    leading_separator: 0,
    single_file: None,
};

#[derive(Clone, Copy, Debug)]
pub struct Json {
    /// JSON Lines rather than one array.
    pub lines: bool,
}

impl TextFormat for Json {
    fn format(&self) -> Format {
        if self.lines {
            Format::Jsonl
        } else {
            Format::Json
        }
    }

    fn prologue(&self, _: &TableSpec, out: &mut Vec<u8>) {
        if !self.lines {
            out.push(b'[');
        }
    }

    fn epilogue(&self, _: &TableSpec, out: &mut Vec<u8>) {
        if !self.lines {
            out.extend_from_slice(b"\n]\n");
        }
    }

    fn row(
        &self,
        tables: &[&'static TableSpec],
        row: &RowCells,
        out: &mut [Encoded],
    ) -> Result<()> {
        let bytes = &mut out[0].bytes;
        if !self.lines {
            bytes.extend_from_slice(b",\n");
        }
        let table = tables[0];
        bytes.push(b'{');
        members(table.fields.iter().zip(row.own()), bytes);
        if let Some(child) = tables.get(1) {
            let nesting = child.nesting.expect("a child table nests");
            bytes.extend_from_slice(b",\"");
            bytes.extend_from_slice(nesting.wrapper.as_bytes());
            bytes.extend_from_slice(b"\":[");
            for c in 0..row.child_count() {
                if c > 0 {
                    bytes.push(b',');
                }
                bytes.push(b'{');
                let fields = child.nested_fields().map(|(_, f)| f);
                let values = row.child(c).enumerate();
                let values = values
                    .filter(|(i, _)| *i != nesting.parent_field)
                    .map(|(_, v)| v);
                members(fields.zip(values), bytes);
                bytes.push(b'}');
            }
            bytes.push(b']');
        }
        bytes.push(b'}');
        if self.lines {
            bytes.push(b'\n');
        }
        out[0].rows += 1;
        Ok(())
    }
}

/// `"name":value` pairs, comma-separated.
fn members<'a>(pairs: impl Iterator<Item = (&'a Field, Value<'a>)>, out: &mut Vec<u8>) {
    for (i, (field, value)) in pairs.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Field names are plain identifiers (a test checks every one): nothing to escape.
        out.push(b'"');
        out.extend_from_slice(field.name.as_bytes());
        out.extend_from_slice(b"\":");
        match value {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Text(text) => string(text, out),
            Value::Integer(_) | Value::Boolean(_) => value.write_text(out),
            // Money, timestamps, dates and ids are strings in JSON, as the data model says.
            Value::Cents(_) | Value::Seconds(_) | Value::Days(_) | Value::Uuid(_) => {
                out.push(b'"');
                value.write_text(out);
                out.push(b'"');
            }
        }
    }
}

/// A JSON string, escaped as serde_json escapes it: quotes, backslashes and control
/// characters only (`\n` and friends short, the others as `\u00XX`).
pub fn string(text: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = text.as_bytes();
    // Most text has nothing to escape: one scan the compiler vectorises, one copy.
    if !any_byte(bytes, |b| (b < 0x20) | (b == b'"') | (b == b'\\')) {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => {
                out.extend_from_slice(&bytes[start..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xf) as usize],
                ]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Strings are escaped byte for byte as serde_json escapes them.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(text in "\\PC*|[\\x00-\\x20\"\\\\/é\u{2028}]{0,20}") {
            let mut ours = Vec::new();
            string(&text, &mut ours);
            prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn field_names_need_no_escaping() {
        let plain = |name: &str| {
            name.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        for table in crate::schema::Table::ALL.map(|t| t.spec()) {
            for field in table.fields {
                assert!(plain(field.name), "{}.{}", table.name, field.name);
            }
            if let Some(nesting) = table.nesting {
                assert!(plain(nesting.wrapper), "{}", nesting.wrapper);
            }
        }
    }
}
