//! XML: each row an element named after the table's row tag with one child element
//! per field (a missing value is an empty element), order items nested in a wrapper
//! (`<items><item>...</item></items>`). Bytes are written straight from the cells;
//! escaping looks for the three special bytes with memchr, since most values have none.

use super::{Encoded, Format, FormatSpec, TextFormat, encoding_error};
use crate::error::Result;
use crate::model::cells::{RowCells, Value};
use crate::schema::{Field, TableSpec};

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

#[derive(Clone, Copy, Debug, Default)]
pub struct Xml;

impl TextFormat for Xml {
    fn format(&self) -> Format {
        Format::Xml
    }

    fn prologue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        open(out, table.name);
        out.push(b'\n');
    }

    fn epilogue(&self, table: &TableSpec, out: &mut Vec<u8>) {
        close(out, table.name);
        out.push(b'\n');
    }

    fn row(
        &self,
        tables: &[&'static TableSpec],
        row: &RowCells,
        out: &mut [Encoded],
    ) -> Result<()> {
        let table = tables[0];
        let bytes = &mut out[0].bytes;
        open(bytes, table.row_tag);
        fields(table.fields.iter().zip(row.own()), bytes)?;
        if let Some(child) = tables.get(1) {
            let nesting = child.nesting.expect("a child table nests");
            open(bytes, nesting.wrapper);
            for c in 0..row.child_count() {
                open(bytes, nesting.tag);
                let values = row.child(c).enumerate();
                let values = values
                    .filter(|(i, _)| *i != nesting.parent_field)
                    .map(|(_, v)| v);
                fields(child.nested_fields().map(|(_, f)| f).zip(values), bytes)?;
                close(bytes, nesting.tag);
            }
            close(bytes, nesting.wrapper);
        }
        close(bytes, table.row_tag);
        bytes.push(b'\n');
        out[0].rows += 1;
        Ok(())
    }
}

fn fields<'a>(
    pairs: impl Iterator<Item = (&'a Field, Value<'a>)>,
    out: &mut Vec<u8>,
) -> Result<()> {
    for (field, value) in pairs {
        match value {
            Value::Null => {
                out.push(b'<');
                out.extend_from_slice(field.name.as_bytes());
                out.extend_from_slice(b"/>");
            }
            Value::Text(s) => {
                open(out, field.name);
                text(out, s)?;
                close(out, field.name);
            }
            other => {
                open(out, field.name);
                other.write_text(out);
                close(out, field.name);
            }
        }
    }
    Ok(())
}

fn open(out: &mut Vec<u8>, tag: &str) {
    out.push(b'<');
    out.extend_from_slice(tag.as_bytes());
    out.push(b'>');
}

fn close(out: &mut Vec<u8>, tag: &str) {
    out.extend_from_slice(b"</");
    out.extend_from_slice(tag.as_bytes());
    out.push(b'>');
}

fn text(out: &mut Vec<u8>, value: &str) -> Result<()> {
    // Characters XML 1.0 cannot hold at all; no generated value has one.
    if let Some(b) = value
        .bytes()
        .find(|&b| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Err(encoding_error(format_args!(
            "control character U+{b:04X} cannot appear in XML"
        )));
    }
    let mut rest = value.as_bytes();
    while let Some(at) = memchr::memchr3(b'&', b'<', b'>', rest) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(match rest[at] {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            _ => b"&gt;",
        });
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
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
        Xml.row(&[&TABLE], &cells, &mut out)?;
        Ok(String::from_utf8(std::mem::take(&mut out[0].bytes)).unwrap())
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
