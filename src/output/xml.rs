//! XML: each row an element named after the table's row tag with one child element
//! per field (a missing value is an empty element), order items nested in a wrapper
//! (`<items><item>...</item></items>`). Bytes are written straight from the cells;
//! most values have nothing to escape, which a scan of whole blocks tells before any
//! byte is looked up in the escaping table.

use super::scan::any_byte;
use super::{Encoded, Format, FormatSpec, TextFormat, encoding_error};
use crate::error::Result;
use crate::model::cells::{RowCells, Value};
use crate::schema::{Field, TableSpec};
use std::sync::Arc;

pub const SPEC: FormatSpec = FormatSpec {
    name: "xml",
    extension: "xml",
    about: "One XML document per file: <users><user>...</user></users>",
    flat: false,
    binary: false,
    frames_every_part: false,
    leading_separator: 0,
    single_file: None,
};

/// The XML format; `prepare` gives it the tags of the tables one encoder writes.
#[derive(Clone, Debug, Default)]
pub struct Xml {
    tags: Option<Arc<Tags>>,
}

/// Every tag a row writes, spelled out once per encoder: a row is mostly tags, and
/// copying one ready `<name>` beats assembling it from three pieces field after field.
#[derive(Debug)]
struct Tags {
    row: Pair,
    /// One per field of the row's table.
    fields: Vec<FieldTags>,
    /// The nested child table's (order items), if any.
    child: Option<ChildTags>,
}

#[derive(Debug)]
struct ChildTags {
    wrapper: Pair,
    item: Pair,
    fields: Vec<FieldTags>,
    parent_field: usize,
}

#[derive(Debug)]
struct Pair {
    open: Box<[u8]>,
    close: Box<[u8]>,
}

#[derive(Debug)]
struct FieldTags {
    tags: Pair,
    /// `<name/>`, a missing value.
    empty: Box<[u8]>,
}

impl Pair {
    fn new(tag: &str) -> Self {
        Pair {
            open: format!("<{tag}>").into_bytes().into(),
            close: format!("</{tag}>").into_bytes().into(),
        }
    }
}

fn field_tags(fields: &[Field]) -> Vec<FieldTags> {
    fields
        .iter()
        .map(|f| FieldTags {
            tags: Pair::new(f.name),
            empty: format!("<{}/>", f.name).into_bytes().into(),
        })
        .collect()
}

impl TextFormat for Xml {
    fn format(&self) -> Format {
        Format::Xml
    }

    fn prepare(&self, tables: &[&'static TableSpec]) -> Self {
        let table = tables[0];
        let child = tables.get(1).map(|child| {
            let nesting = child.nesting.expect("a child table nests");
            ChildTags {
                wrapper: Pair::new(nesting.wrapper),
                item: Pair::new(nesting.tag),
                fields: field_tags(child.fields),
                parent_field: nesting.parent_field,
            }
        });
        let tags = Tags {
            row: Pair::new(table.row_tag),
            fields: field_tags(table.fields),
            child,
        };
        Xml {
            tags: Some(Arc::new(tags)),
        }
    }

    fn prologue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.extend_from_slice(format!("<{}>\n", table.name).as_bytes());
    }

    fn epilogue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        out.extend_from_slice(format!("</{}>\n", table.name).as_bytes());
    }

    fn row(&self, _: &[&'static TableSpec], row: &RowCells, out: &mut [Encoded]) -> Result<()> {
        let tags = self.tags.as_deref().expect("an encoder's Xml is prepared");
        let bytes = &mut out[0].bytes;
        bytes.extend_from_slice(&tags.row.open);
        fields(tags.fields.iter().zip(row.own()), bytes)?;
        if let Some(child) = &tags.child {
            bytes.extend_from_slice(&child.wrapper.open);
            for c in 0..row.child_count() {
                bytes.extend_from_slice(&child.item.open);
                let pairs = child.fields.iter().zip(row.child(c)).enumerate();
                let pairs = pairs
                    .filter(|(i, _)| *i != child.parent_field)
                    .map(|(_, pair)| pair);
                fields(pairs, bytes)?;
                bytes.extend_from_slice(&child.item.close);
            }
            bytes.extend_from_slice(&child.wrapper.close);
        }
        bytes.extend_from_slice(&tags.row.close);
        bytes.push(b'\n');
        out[0].rows += 1;
        Ok(())
    }
}

fn fields<'a>(
    pairs: impl Iterator<Item = (&'a FieldTags, Value<'a>)>,
    out: &mut Vec<u8>,
) -> Result<()> {
    for (field, value) in pairs {
        match value {
            Value::Null => out.extend_from_slice(&field.empty),
            Value::Text(s) => {
                out.extend_from_slice(&field.tags.open);
                text(out, s)?;
                out.extend_from_slice(&field.tags.close);
            }
            other => {
                out.extend_from_slice(&field.tags.open);
                other.write_text(out);
                out.extend_from_slice(&field.tags.close);
            }
        }
    }
    Ok(())
}

/// What a text byte needs: nothing, an entity, or refusal (control characters XML 1.0
/// cannot hold at all; no generated value has one).
const PLAIN: u8 = 0;
const ESCAPE: u8 = 1;
const REFUSED: u8 = 2;

/// One table lookup per byte finds both kinds in one pass over the value.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = REFUSED;
        b += 1;
    }
    table[b'\t' as usize] = PLAIN;
    table[b'\n' as usize] = PLAIN;
    table[b'\r' as usize] = PLAIN;
    table[b'&' as usize] = ESCAPE;
    table[b'<' as usize] = ESCAPE;
    table[b'>' as usize] = ESCAPE;
    table
};

fn text(out: &mut Vec<u8>, value: &str) -> Result<()> {
    let bytes = value.as_bytes();
    // The table's bytes as comparisons, which a block can make at once: control
    // characters but tab, line feed and carriage return, and the three escaped.
    let special = |b: u8| {
        (b < 0x09)
            | (b == 0x0b)
            | (b == 0x0c)
            | (b.wrapping_sub(0x0e) < 0x20 - 0x0e) // 0x0e to 0x1f
            | (b == b'&')
            | (b == b'<')
            | (b == b'>')
    };
    if !any_byte(bytes, special) {
        out.extend_from_slice(bytes);
        return Ok(());
    }
    let mut start = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let entity: &[u8] = match (BYTE_CLASS[b as usize], b) {
            (PLAIN, _) => continue,
            (REFUSED, _) => {
                return Err(encoding_error(format_args!(
                    "control character U+{b:04X} cannot appear in XML"
                )));
            }
            (_, b'&') => b"&amp;",
            (_, b'<') => b"&lt;",
            _ => b"&gt;",
        };
        out.extend_from_slice(&bytes[start..at]);
        out.extend_from_slice(entity);
        start = at + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{FieldType, Table};
    use serde::Serialize;

    #[derive(Serialize)]
    struct Row {
        name: &'static str,
        count: u32,
        ok: bool,
        missing: Option<u32>,
        status: Status,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        InTransit,
    }

    const FIELDS: &[Field] = &[
        Field::new("name", FieldType::Text, ""),
        Field::new("count", FieldType::Integer, ""),
        Field::new("ok", FieldType::Boolean, ""),
        Field::new("missing", FieldType::Integer, "").nullable(),
        Field::new("status", FieldType::Text, ""),
    ];
    const TABLE: TableSpec = TableSpec {
        table: Table::Users,
        name: "rows",
        row_tag: "row",
        fields: FIELDS,
        nesting: None,
    };

    fn encode(name: &'static str) -> Result<String> {
        let row = Row {
            name,
            count: 3,
            ok: true,
            missing: None,
            status: Status::InTransit,
        };
        let mut cells = RowCells::default();
        cells.push_row(&row);
        let mut out = [Encoded::default()];
        Xml::default()
            .prepare(&[&TABLE])
            .row(&[&TABLE], &cells, &mut out)?;
        Ok(String::from_utf8(std::mem::take(&mut out[0].bytes)).unwrap())
    }

    /// The block scan and the table agree on every ASCII byte, in a short value and
    /// in a long one (where the blocks are used).
    #[test]
    fn every_byte_is_escaped_or_refused_as_the_table_says() {
        for b in 0u8..0x80 {
            for pad in [0, 40] {
                let value = format!("{}{}", "a".repeat(pad), b as char);
                let mut out = Vec::new();
                let result = text(&mut out, &value);
                match BYTE_CLASS[b as usize] {
                    REFUSED => assert!(result.is_err(), "byte {b:#04x} was let through"),
                    PLAIN => assert_eq!(out, value.as_bytes(), "byte {b:#04x}"),
                    _ => {
                        result.unwrap();
                        assert!(out.ends_with(b";"), "byte {b:#04x} was not escaped");
                    }
                }
            }
        }
    }

    #[test]
    fn fields_become_escaped_child_elements() {
        assert_eq!(
            encode("Fish & <Chips>").unwrap(),
            "<row><name>Fish &amp; &lt;Chips&gt;</name><count>3</count><ok>true</ok><missing/><status>in_transit</status></row>\n"
        );
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(encode("a\u{1}b").is_err());
    }
}
