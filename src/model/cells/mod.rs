//! Typed cells: a row serialized once into values every format reads (text, integer,
//! cents, seconds, days, boolean, uuid, null), so no encoder goes through JSON values
//! or parses the money and timestamp strings another encoder wrote.
//!
//! Rows reach the cells through serde with a serializer that is not human-readable:
//! money, timestamps, dates and ids then hand over their numbers (`Money`'s cents, a
//! `Timestamp`'s seconds) instead of their text, which human-readable serializers
//! (serde_json for library users) still get.

mod serializer;

use serde::Serialize;

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
    #[inline]
    pub fn write_text(self, out: &mut Vec<u8>) {
        use super::{Date, Id, Money, Timestamp};
        match self {
            Value::Null => {}
            Value::Text(s) => out.extend_from_slice(s.as_bytes()),
            Value::Integer(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
            Value::Cents(v) => out.extend_from_slice(Money(v).digits(&mut [0; 24])),
            Value::Seconds(v) => Timestamp(v).write(out),
            Value::Days(v) => Date(v).write(out),
            Value::Boolean(true) => out.extend_from_slice(b"true"),
            Value::Boolean(false) => out.extend_from_slice(b"false"),
            Value::Uuid(bytes) => out.extend_from_slice(&Id(*bytes).text()),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Cell {
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
    pub(super) cells: Vec<Cell>,
    pub(super) text: String,
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
        row.serialize(serializer::RowSerializer { cells: self })
            .expect("rows are structs of plain values (a unit test serializes every entity)");
        self.own = self.cells.len();
    }

    pub fn push_child<T: Serialize + ?Sized>(&mut self, child: &T) {
        let before = self.cells.len();
        child
            .serialize(serializer::RowSerializer { cells: self })
            .expect("child rows are structs of plain values");
        self.child_width = self.cells.len() - before;
    }

    #[inline]
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

    pub(super) fn push(&mut self, cell: Cell) {
        self.cells.push(cell);
    }

    pub(super) fn push_text(&mut self, text: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        self.cells.push(Cell::Text(start, self.text.len() as u32));
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
