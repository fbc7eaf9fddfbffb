//! XML: each row is an element named after the entity's row tag with one child element
//! per field (a missing value is an empty element), nested children inside a wrapper
//! (`<items><item>...</item></items>`). A small serde serializer writes the bytes
//! directly: quick-xml's serde serializer made XML runs 2.4 times slower than CSV
//! (benches/run.sh), and our rows are flat structs of text, numbers and booleans.
//! Escaping looks for the three special bytes with memchr, since most values have none
//! (quick-xml's byte-at-a-time escape was a fifth of the XML run time).

use super::encoding_error;
use crate::error::Result;
use crate::generate::Record;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

#[derive(Default)]
pub struct XmlEncoder;

impl XmlEncoder {
    pub fn new() -> Self {
        XmlEncoder
    }

    pub fn encode<R: Record>(&mut self, row: &R, row_tag: &str, out: &mut Vec<u8>) -> Result<()> {
        write_element(row.flat(), row_tag, out).map_err(encoding_error)?;
        if let Some((wrapper, child_tag)) = R::CHILDREN {
            // Reopen the row element to put the children inside it.
            out.truncate(out.len() - (row_tag.len() + 3));
            open(out, wrapper);
            let mut failure = None;
            row.nested_children(&mut |child| {
                if let Err(e) = child.serialize_xml(child_tag, out) {
                    failure.get_or_insert(e);
                }
            });
            if let Some(e) = failure {
                return Err(encoding_error(e));
            }
            close(out, wrapper);
            close(out, row_tag);
        }
        out.push(b'\n');
        Ok(())
    }
}

/// Writes `value` (a struct) as `<tag><field>...</field>...</tag>`.
pub fn write_element<T: Serialize + ?Sized>(
    value: &T,
    tag: &str,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    open(out, tag);
    value.serialize(RowSerializer { out })?;
    close(out, tag);
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

fn text(out: &mut Vec<u8>, value: &str) -> Result<(), Error> {
    // Characters XML 1.0 cannot hold at all; no generated value has one.
    if let Some(b) = value
        .bytes()
        .find(|&b| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Err(Error(format!(
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

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("{what} cannot be written as XML"))
}

/// Accepts a struct and writes its fields.
struct RowSerializer<'a> {
    out: &'a mut Vec<u8>,
}

/// Writes one field as an element of its own.
struct Fields<'a> {
    out: &'a mut Vec<u8>,
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(FieldSerializer { out: self.out, key })
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

macro_rules! only_structs {
    ($($method:ident($($arg:ty),*) -> $ret:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ret, Error> {
            Err(unsupported(concat!("a row that is not a struct (", stringify!($method), ")")))
        }
    )*};
}

impl<'a> ser::Serializer for RowSerializer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, Error> {
        Ok(Fields { out: self.out })
    }

    only_structs! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unsupported("an optional row"))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unsupported("an enum row"))
    }
}

/// Writes one field's value as `<key>text</key>`, or `<key/>` when it is missing.
struct FieldSerializer<'a> {
    out: &'a mut Vec<u8>,
    key: &'static str,
}

impl FieldSerializer<'_> {
    fn element(self, value: &str) -> Result<(), Error> {
        open(self.out, self.key);
        text(self.out, value)?;
        close(self.out, self.key);
        Ok(())
    }

    fn number(self, value: impl itoa::Integer) -> Result<(), Error> {
        open(self.out, self.key);
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        close(self.out, self.key);
        Ok(())
    }
}

impl ser::Serializer for FieldSerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.element(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.number(v as i64)
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.number(v as i64)
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.number(v as i64)
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(v)
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.number(v as u64)
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.number(v as u64)
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.number(v as u64)
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v)
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("a float (money is text in cents)"))
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(unsupported("a float (money is text in cents)"))
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.element(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.element(v)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("raw bytes"))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(b'<');
        self.out.extend_from_slice(self.key.as_bytes());
        self.out.extend_from_slice(b"/>");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.element(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unsupported("an enum with data"))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported("a list field"))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported("a tuple field"))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("a tuple field"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("an enum with data"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("a map field"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported("a nested struct field"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("an enum with data"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn fields_become_escaped_child_elements() {
        let row = Row {
            name: "Fish & <Chips>",
            count: 3,
            ok: true,
            missing: None,
            status: Status::InTransit,
        };
        let mut out = Vec::new();
        write_element(&row, "row", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<row><name>Fish &amp; &lt;Chips&gt;</name><count>3</count><ok>true</ok><missing/><status>in_transit</status></row>"
        );
    }

    #[test]
    fn control_characters_are_refused() {
        #[derive(Serialize)]
        struct Bad {
            text: &'static str,
        }
        let mut out = Vec::new();
        assert!(write_element(&Bad { text: "a\u{1}b" }, "bad", &mut out).is_err());
    }
}
