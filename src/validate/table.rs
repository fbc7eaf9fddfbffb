//! Rows in memory. The checks join tables in every direction (payments and shipments
//! to orders, returns to items, analytics to everything), so the whole dataset is held
//! at once. To keep that affordable a row is one string of its values plus one offset
//! per field (two allocations per row, whatever its width), and lookups borrow from
//! those strings: memory is about the size of the CSV files plus a few dozen bytes per
//! row and per key.
//!
//! Checks read fields through typed handles (`Column<Cents>`, `Column<Moment>`),
//! built once per table: building one makes sure the schema still has the field, with
//! the type the check reads it as, so a schema change cannot silently turn a check off.

use super::value::{is_uuid, parse_int, parse_money};
use crate::error::{Error, Result};
use crate::model::{Date, Timestamp};
use crate::schema::{Field, FieldType, TableSpec};
use std::collections::HashSet;
use std::marker::PhantomData;

/// Set in an end offset when the value is missing.
const MISSING: u32 = 1 << 31;

/// One row: its values back to back, and where each ends (in schema order).
pub struct Row {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Row {
    fn get(&self, col: usize) -> Option<&str> {
        let end = *self.ends.get(col)?;
        if end & MISSING != 0 {
            return None;
        }
        let start = match col {
            0 => 0,
            _ => self.ends[col - 1] & !MISSING,
        };
        self.text.get(start as usize..end as usize)
    }
}

/// Builds rows one value at a time, reusing its buffers.
#[derive(Default)]
pub struct RowBuilder {
    text: String,
    ends: Vec<u32>,
}

impl RowBuilder {
    /// An empty value is a missing one: CSV cannot tell them apart, and the data model
    /// writes a missing value as empty in CSV and XML.
    pub fn push(&mut self, value: Option<&str>) -> Result<(), String> {
        match value.filter(|v| !v.is_empty()) {
            Some(v) => {
                self.text.push_str(v);
                let end = u32::try_from(self.text.len())
                    .ok()
                    .filter(|&n| n < MISSING)
                    .ok_or("a row holds more than 2 GiB of text")?;
                self.ends.push(end);
            }
            None => self.ends.push(self.text.len() as u32 | MISSING),
        }
        Ok(())
    }

    pub fn finish(&mut self) -> Row {
        let row = Row {
            text: self.text.as_str().into(),
            ends: self.ends.as_slice().into(),
        };
        self.text.clear();
        self.ends.clear();
        row
    }
}

/// The rows of one table, as one file (or the order items nested in one) holds them.
pub struct Rows {
    pub spec: &'static TableSpec,
    rows: Vec<Row>,
    /// Rows whose set of fields was wrong: reported once, so the values they lack are
    /// not reported again as missing.
    misshapen: HashSet<usize>,
}

impl Rows {
    pub fn new(spec: &'static TableSpec) -> Rows {
        Rows {
            spec,
            rows: Vec::new(),
            misshapen: HashSet::new(),
        }
    }

    /// What violations name: the file stem, `order_items` for order items.
    pub fn name(&self) -> &'static str {
        self.spec.name
    }

    pub fn fields(&self) -> &'static [Field] {
        self.spec.fields
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    pub fn mark_misshapen(&mut self, row: usize) {
        self.misshapen.insert(row);
    }

    pub fn is_misshapen(&self, row: usize) -> bool {
        self.misshapen.contains(&row)
    }

    pub fn get(&self, row: usize, col: usize) -> Option<&str> {
        self.rows[row].get(col)
    }

    /// The handle of a field the checks rely on. The schema is the source of truth: if
    /// it lost a field a check needs, or gave it another type, the validator must be
    /// updated, not guess.
    pub fn column<K: Kind>(&self, name: &str) -> Result<Column<'_, K>> {
        let Some(col) = self.fields().iter().position(|f| f.name == name) else {
            return Err(Error::Runtime(format!(
                "the validator checks {}.{name}, which the schema no longer has",
                self.name()
            )));
        };
        let field = &self.fields()[col];
        if !K::reads(field) {
            return Err(Error::Runtime(format!(
                "the validator reads {}.{name} as {}, which the schema makes {}",
                self.name(),
                K::WHAT,
                field.ty.name()
            )));
        }
        Ok(Column {
            rows: self,
            col,
            kind: PhantomData,
        })
    }
}

/// How a column's text reads as a value.
pub trait Kind {
    /// For messages about a schema that no longer fits the checks.
    const WHAT: &'static str;
    type Value<'t>;
    /// Whether a field can be read this way.
    fn reads(field: &Field) -> bool;
    /// The value, or `None` when the text does not parse (reported by the format checks).
    fn parse<'t>(field: &'static Field, text: &'t str) -> Option<Self::Value<'t>>;
}

/// Any field, as its text.
pub struct Text;
/// An id, only when well-formed: a malformed id is reported by the format checks and
/// must not be reported again as a dangling reference.
pub struct Id;
/// An enumerated field, only when it holds one of its values.
pub struct Choice;
/// Money in cents, or another two-place decimal (an average rating) in hundredths.
pub struct Cents;
pub struct Whole;
pub struct Moment;
pub struct Day;

impl Kind for Text {
    const WHAT: &'static str = "text";
    type Value<'t> = &'t str;
    fn reads(_: &Field) -> bool {
        true
    }
    fn parse<'t>(_: &'static Field, text: &'t str) -> Option<&'t str> {
        Some(text)
    }
}

impl Kind for Id {
    const WHAT: &'static str = "an id";
    type Value<'t> = &'t str;
    fn reads(field: &Field) -> bool {
        field.ty == FieldType::Uuid
    }
    fn parse<'t>(_: &'static Field, text: &'t str) -> Option<&'t str> {
        is_uuid(text).then_some(text)
    }
}

impl Kind for Choice {
    const WHAT: &'static str = "an enumeration";
    type Value<'t> = &'static str;
    fn reads(field: &Field) -> bool {
        !field.values.is_empty()
    }
    fn parse(field: &'static Field, text: &str) -> Option<&'static str> {
        field.values.iter().copied().find(|v| *v == text)
    }
}

impl Kind for Cents {
    const WHAT: &'static str = "money";
    type Value<'t> = i64;
    fn reads(field: &Field) -> bool {
        matches!(field.ty, FieldType::Money | FieldType::Decimal)
    }
    fn parse(_: &'static Field, text: &str) -> Option<i64> {
        parse_money(text)
    }
}

impl Kind for Whole {
    const WHAT: &'static str = "an integer";
    type Value<'t> = i64;
    fn reads(field: &Field) -> bool {
        field.ty == FieldType::Integer
    }
    fn parse(_: &'static Field, text: &str) -> Option<i64> {
        parse_int(text)
    }
}

impl Kind for Moment {
    const WHAT: &'static str = "a timestamp";
    type Value<'t> = Timestamp;
    fn reads(field: &Field) -> bool {
        field.ty == FieldType::Timestamp
    }
    fn parse(_: &'static Field, text: &str) -> Option<Timestamp> {
        Timestamp::parse(text)
    }
}

impl Kind for Day {
    const WHAT: &'static str = "a date";
    type Value<'t> = Date;
    fn reads(field: &Field) -> bool {
        field.ty == FieldType::Date
    }
    fn parse(_: &'static Field, text: &str) -> Option<Date> {
        Date::parse(text)
    }
}

/// One field of one table, read as `K`.
pub struct Column<'t, K> {
    rows: &'t Rows,
    col: usize,
    kind: PhantomData<K>,
}

impl<K> Clone for Column<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Column<'_, K> {}

impl<'t, K: Kind> Column<'t, K> {
    /// The value at `row`: `None` when missing or when it does not parse.
    pub fn at(&self, row: usize) -> Option<K::Value<'t>> {
        K::parse(self.field(), self.text(row)?)
    }

    /// The text at `row`, parsed or not.
    pub fn text(&self, row: usize) -> Option<&'t str> {
        self.rows.get(row, self.col)
    }

    pub fn field(&self) -> &'static Field {
        &self.rows.fields()[self.col]
    }

    pub fn name(&self) -> &'static str {
        self.field().name
    }
}
