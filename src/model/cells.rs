//! Typed cells: a row serialized once into values every format reads (text, integer,
//! cents, seconds, days, boolean, uuid, null), so no encoder goes through JSON values
//! or parses the money and timestamp strings another encoder wrote.
//!
//! Rows reach the cells through serde with a serializer that is not human-readable:
//! money, timestamps, dates and ids then hand over their numbers (`Money`'s cents, a
//! `Timestamp`'s seconds) instead of their text, which human-readable serializers
//! (serde_json for library users) still get.

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// Marks the newtype a value serializes as when the serializer is not human-readable.
pub const CENTS: &str = "$ecomgen::cents";
pub const SECONDS: &str = "$ecomgen::seconds";
pub const DAYS: &str = "$ecomgen::days";

/// One value of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Text(&'a str),
    Integer(i64),
    /// Money in cents.
    Cents(i64),
    /// A timestamp: seconds since 1970-01-01T00:00:00.
    Seconds(i64),
    /// A date: days since 1970-01-01.
    Days(i64),
    Boolean(bool),
    Uuid(&'a [u8; 16]),
}

impl Value<'_> {
    /// Appends the value as the data model writes it in text: money with two places,
    /// timestamps `YYYY-MM-DDTHH:MM:SS`, ids as lowercase UUIDs, nothing for null.
    pub fn write_text(self, out: &mut Vec<u8>) {
        use super::{Date, Id, Money, Timestamp};
        match self {
            Value::Null => {}
            Value::Text(s) => out.extend_from_slice(s.as_bytes()),
            Value::Integer(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
            Value::Cents(v) => out.extend_from_slice(Money(v).encode(&mut [0; 24]).as_bytes()),
            Value::Seconds(v) => {
                out.extend_from_slice(Timestamp(v).encode(&mut [0; 19]).as_bytes())
            }
            Value::Days(v) => out.extend_from_slice(Date(v).encode(&mut [0; 10]).as_bytes()),
            Value::Boolean(true) => out.extend_from_slice(b"true"),
            Value::Boolean(false) => out.extend_from_slice(b"false"),
            Value::Uuid(bytes) => out.extend_from_slice(Id(*bytes).encode(&mut [0; 36]).as_bytes()),
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Cell {
    Null,
    /// A range of the row's text buffer.
    Text(u32, u32),
    Integer(i64),
    Cents(i64),
    Seconds(i64),
    Days(i64),
    Boolean(bool),
    Uuid([u8; 16]),
}

/// One row's cells, and those of its child rows (order items), reused row after row.
#[derive(Default)]
pub struct RowCells {
    cells: Vec<Cell>,
    text: String,
    /// Cells of the row itself; the children's follow, `child_width` each.
    own: usize,
    child_width: usize,
}

impl RowCells {
    pub fn clear(&mut self) {
        self.cells.clear();
        self.text.clear();
        self.own = 0;
        self.child_width = 0;
    }

    /// Serializes the row itself (a struct); children come after with `push_child`.
    pub fn push_row<T: Serialize + ?Sized>(&mut self, row: &T) {
        row.serialize(RowSerializer { cells: self })
            .expect("rows are structs of plain values (a unit test serializes every entity)");
        self.own = self.cells.len();
    }

    pub fn push_child<T: Serialize + ?Sized>(&mut self, child: &T) {
        let before = self.cells.len();
        child
            .serialize(RowSerializer { cells: self })
            .expect("child rows are structs of plain values");
        self.child_width = self.cells.len() - before;
    }

    fn at(&self, position: usize) -> Value<'_> {
        match &self.cells[position] {
            Cell::Null => Value::Null,
            Cell::Text(start, end) => Value::Text(&self.text[*start as usize..*end as usize]),
            Cell::Integer(v) => Value::Integer(*v),
            Cell::Cents(v) => Value::Cents(*v),
            Cell::Seconds(v) => Value::Seconds(*v),
            Cell::Days(v) => Value::Days(*v),
            Cell::Boolean(v) => Value::Boolean(*v),
            Cell::Uuid(bytes) => Value::Uuid(bytes),
        }
    }

    /// The row's own values, one per field.
    pub fn own(&self) -> impl ExactSizeIterator<Item = Value<'_>> + '_ {
        (0..self.own).map(|i| self.at(i))
    }

    /// The value of the row's field at `field`.
    pub fn get(&self, field: usize) -> Value<'_> {
        self.at(field)
    }

    pub fn child_count(&self) -> usize {
        match self.child_width {
            0 => 0,
            width => (self.cells.len() - self.own) / width,
        }
    }

    /// The values of child row `child`, one per field of the child table.
    pub fn child(&self, child: usize) -> impl ExactSizeIterator<Item = Value<'_>> + '_ {
        let start = self.own + child * self.child_width;
        (start..start + self.child_width).map(|i| self.at(i))
    }

    fn push(&mut self, cell: Cell) {
        self.cells.push(cell);
    }

    fn push_text(&mut self, text: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        self.cells.push(Cell::Text(start, self.text.len() as u32));
    }
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
    Error(format!("{what} is not a cell"))
}

/// Accepts the row struct and serializes its fields, in order.
struct RowSerializer<'a> {
    cells: &'a mut RowCells,
}

struct Fields<'a> {
    cells: &'a mut RowCells,
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(CellSerializer { cells: self.cells })
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

macro_rules! refuse {
    ($what:literal: $($method:ident($($arg:ty),*) -> $ret:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ret, Error> {
            Err(unsupported(concat!($what, " (", stringify!($method), ")")))
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

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, Error> {
        Ok(Fields { cells: self.cells })
    }

    refuse! { "a row that is not a struct":
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

/// Turns one field's value into one cell.
struct CellSerializer<'a> {
    cells: &'a mut RowCells,
}

/// Reads the number inside a marked newtype (`Money`'s cents).
struct Number(Option<i64>);

impl CellSerializer<'_> {
    fn integer(self, v: i64) -> Result<(), Error> {
        self.cells.push(Cell::Integer(v));
        Ok(())
    }
}

impl ser::Serializer for CellSerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.cells.push(Cell::Boolean(v));
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.integer(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.integer(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.integer(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.integer(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.integer(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.integer(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        i64::try_from(v)
            .map_err(|_| unsupported("an integer beyond i64"))
            .and_then(|v| self.integer(v))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.cells.push_text(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let bytes: [u8; 16] = v
            .try_into()
            .map_err(|_| unsupported("bytes that are not a uuid"))?;
        self.cells.push(Cell::Uuid(bytes));
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.cells.push(Cell::Null);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(name)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let wrap = match name {
            CENTS => Cell::Cents,
            SECONDS => Cell::Seconds,
            DAYS => Cell::Days,
            _ => return value.serialize(self),
        };
        let mut number = Number(None);
        value.serialize(&mut number)?;
        let v = number
            .0
            .ok_or_else(|| unsupported("a marked newtype without a number"))?;
        self.cells.push(wrap(v));
        Ok(())
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        use fmt::Write;
        let start = self.cells.text.len() as u32;
        let _ = write!(self.cells.text, "{value}");
        self.cells
            .cells
            .push(Cell::Text(start, self.cells.text.len() as u32));
        Ok(())
    }

    refuse! { "a nested value":
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
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
}

impl ser::Serializer for &mut Number {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.0 = Some(v);
        Ok(())
    }

    refuse! { "a marked newtype's content":
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
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
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unsupported("an optional number"))
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
        Err(unsupported("an enum"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Id, Money, Timestamp};
    use serde::Serialize;

    #[derive(Serialize)]
    struct Row {
        id: Id,
        name: &'static str,
        price: Money,
        at: Timestamp,
        day: Date,
        gone: Option<Timestamp>,
        n: u32,
        ok: bool,
    }

    #[test]
    fn a_row_becomes_typed_cells_and_json_still_gets_text() {
        let row = Row {
            id: Id([7; 16]),
            name: "Jo",
            price: Money(1099),
            at: Timestamp(86_401),
            day: Date(2),
            gone: None,
            n: 3,
            ok: true,
        };
        let mut cells = RowCells::default();
        cells.push_row(&row);
        let values: Vec<Value> = cells.own().collect();
        assert_eq!(
            values,
            [
                Value::Uuid(&[7; 16]),
                Value::Text("Jo"),
                Value::Cents(1099),
                Value::Seconds(86_401),
                Value::Days(2),
                Value::Null,
                Value::Integer(3),
                Value::Boolean(true),
            ]
        );
        let json = serde_json::to_string(&row).unwrap();
        assert!(json.contains(r#""price":"10.99","at":"1970-01-02T00:00:01","day":"1970-01-03""#));
    }

    #[test]
    fn children_follow_the_row() {
        #[derive(Serialize)]
        struct Child {
            a: u32,
            b: &'static str,
        }
        let mut cells = RowCells::default();
        cells.push_row(&Child { a: 1, b: "x" });
        cells.push_child(&Child { a: 2, b: "y" });
        cells.push_child(&Child { a: 3, b: "z" });
        assert_eq!(cells.child_count(), 2);
        let second: Vec<Value> = cells.child(1).collect();
        assert_eq!(second, [Value::Integer(3), Value::Text("z")]);
        cells.clear();
        assert_eq!(cells.child_count(), 0);
    }
}
