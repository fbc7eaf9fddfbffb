//! Parquet, so data lakes and dataframes get typed columns (decimal money, timestamps,
//! dates, booleans) without parsing text. Workers build one record batch per chunk; one
//! writer streams the batches into row groups of bounded size.

use super::encoding_error;
use crate::error::{Error, Result};
use crate::model::{Date, Money, Timestamp};
use crate::schema::{FieldType, FileSpec};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Int64Builder, StringBuilder,
    TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group: large enough for compact columns and fast scans, small enough
/// that the row group the writer buffers stays a few megabytes.
const ROW_GROUP_ROWS: usize = 128 * 1024;

/// DECIMAL(12,2), as NUMERIC(12,2) in the SQL schema.
const MONEY_PRECISION: u8 = 12;
const MONEY_SCALE: i8 = 2;
const MONEY_LIMIT: i128 = 10i128.pow(MONEY_PRECISION as u32);

fn data_type(ty: FieldType) -> DataType {
    match ty {
        FieldType::Uuid | FieldType::Text => DataType::Utf8,
        FieldType::Integer => DataType::Int64,
        FieldType::Boolean => DataType::Boolean,
        FieldType::Money => DataType::Decimal128(MONEY_PRECISION, MONEY_SCALE),
        // No zone: the data model's timestamps are local wall-clock times, so readers
        // must not shift them (Parquet's isAdjustedToUTC = false).
        FieldType::Timestamp => DataType::Timestamp(TimeUnit::Millisecond, None),
        FieldType::Date => DataType::Date32,
    }
}

/// The Arrow schema of a file: one column per field, nullable where the field is.
pub fn schema(file: &FileSpec) -> SchemaRef {
    let fields: Vec<Field> = file
        .fields
        .iter()
        .map(|f| Field::new(f.name, data_type(f.ty), f.nullable))
        .collect();
    Arc::new(Schema::new(fields))
}

/// A value of the data model's JSON, as its column stores it.
#[derive(Debug, PartialEq)]
enum Cell<'a> {
    Text(&'a str),
    Integer(i64),
    Boolean(bool),
    /// Cents.
    Decimal(i128),
    /// Milliseconds since 1970-01-01T00:00:00.
    Millis(i64),
    /// Days since 1970-01-01.
    Days(i32),
}

/// The typed value of `value` for a field of type `ty`, or `None` if it is not one.
fn cell(ty: FieldType, value: &Value) -> Option<Cell<'_>> {
    Some(match (ty, value) {
        (FieldType::Uuid | FieldType::Text, Value::String(s)) => Cell::Text(s),
        (FieldType::Integer, Value::Number(n)) => Cell::Integer(n.as_i64()?),
        (FieldType::Boolean, Value::Bool(b)) => Cell::Boolean(*b),
        (FieldType::Money, Value::String(s)) => {
            let cents = i128::from(Money::parse(s)?.cents());
            (cents.abs() < MONEY_LIMIT).then_some(Cell::Decimal(cents))?
        }
        (FieldType::Timestamp, Value::String(s)) => {
            Cell::Millis(Timestamp::parse(s)?.0.checked_mul(1000)?)
        }
        (FieldType::Date, Value::String(s)) => Cell::Days(i32::try_from(Date::parse(s)?.0).ok()?),
        _ => return None,
    })
}

enum Builder {
    Text(StringBuilder),
    Integer(Int64Builder),
    Boolean(BooleanBuilder),
    Decimal(Decimal128Builder),
    Millis(TimestampMillisecondBuilder),
    Days(Date32Builder),
}

impl Builder {
    fn new(ty: FieldType) -> Builder {
        match ty {
            FieldType::Uuid | FieldType::Text => Builder::Text(StringBuilder::new()),
            FieldType::Integer => Builder::Integer(Int64Builder::new()),
            FieldType::Boolean => Builder::Boolean(BooleanBuilder::new()),
            FieldType::Money => Builder::Decimal(
                Decimal128Builder::new().with_data_type(data_type(FieldType::Money)),
            ),
            FieldType::Timestamp => Builder::Millis(TimestampMillisecondBuilder::new()),
            FieldType::Date => Builder::Days(Date32Builder::new()),
        }
    }

    /// Appends a value, or a null for `None`; false if the value does not fit.
    fn append(&mut self, cell: Option<Cell>) -> bool {
        match (self, cell) {
            (Builder::Text(b), Some(Cell::Text(v))) => b.append_value(v),
            (Builder::Integer(b), Some(Cell::Integer(v))) => b.append_value(v),
            (Builder::Boolean(b), Some(Cell::Boolean(v))) => b.append_value(v),
            (Builder::Decimal(b), Some(Cell::Decimal(v))) => b.append_value(v),
            (Builder::Millis(b), Some(Cell::Millis(v))) => b.append_value(v),
            (Builder::Days(b), Some(Cell::Days(v))) => b.append_value(v),
            (Builder::Text(b), None) => b.append_null(),
            (Builder::Integer(b), None) => b.append_null(),
            (Builder::Boolean(b), None) => b.append_null(),
            (Builder::Decimal(b), None) => b.append_null(),
            (Builder::Millis(b), None) => b.append_null(),
            (Builder::Days(b), None) => b.append_null(),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Integer(b) => Arc::new(b.finish()),
            Builder::Boolean(b) => Arc::new(b.finish()),
            Builder::Decimal(b) => Arc::new(b.finish()),
            Builder::Millis(b) => Arc::new(b.finish()),
            Builder::Days(b) => Arc::new(b.finish()),
        }
    }
}

/// The columns of one file's rows in a chunk, built by a worker.
pub struct Columns {
    file: FileSpec,
    schema: SchemaRef,
    builders: Vec<Builder>,
}

impl Columns {
    pub fn new(file: &FileSpec) -> Columns {
        Columns {
            file: *file,
            schema: schema(file),
            builders: file.fields.iter().map(|f| Builder::new(f.ty)).collect(),
        }
    }

    /// Appends one row, given as the JSON object the text formats write.
    pub fn append(&mut self, row: &Value) -> Result<()> {
        for (field, builder) in self.file.fields.iter().zip(&mut self.builders) {
            let value = row.get(field.name).filter(|v| !v.is_null());
            let cell = value.map(|v| cell(field.ty, v));
            let fits = match cell {
                None => field.nullable && builder.append(None),
                Some(cell) => cell.is_some_and(|c| builder.append(Some(c))),
            };
            if !fits {
                return Err(encoding_error(format_args!(
                    "{}.{}: {} is not a {} value",
                    self.file.name,
                    field.name,
                    value.unwrap_or(&Value::Null),
                    field.ty.name()
                )));
            }
        }
        Ok(())
    }

    /// The rows appended since the last call, as a record batch.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        let columns = self.builders.iter_mut().map(Builder::finish).collect();
        RecordBatch::try_new(self.schema.clone(), columns).map_err(encoding_error)
    }
}

/// A Parquet file being written: batches in, row groups of at most `ROW_GROUP_ROWS`
/// rows out, Snappy-compressed (what every reader supports).
pub struct Writer {
    inner: ArrowWriter<File>,
    path: PathBuf,
}

impl Writer {
    pub fn new(file: File, spec: &FileSpec, path: &Path) -> Result<Writer> {
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let inner = ArrowWriter::try_new(file, schema(spec), Some(properties))
            .map_err(|e| error(path, e))?;
        Ok(Writer {
            inner,
            path: path.to_path_buf(),
        })
    }

    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.inner.write(batch).map_err(|e| error(&self.path, e))
    }

    /// Writes the last row group and the footer; the file is complete.
    pub fn finish(&mut self) -> Result<()> {
        self.inner
            .finish()
            .map(drop)
            .map_err(|e| error(&self.path, e))
    }
}

/// A failed write names the file, and a full disk reads as one.
fn error(path: &Path, e: ParquetError) -> Error {
    match e {
        ParquetError::External(e) => match e.downcast::<std::io::Error>() {
            Ok(io) => Error::io(path, *io),
            Err(e) => Error::Runtime(format!("{}: {e}", path.display())),
        },
        e => Error::Runtime(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Field as SchemaField;
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Decimal128Type, TimestampMillisecondType};
    use serde_json::json;

    #[test]
    fn text_becomes_typed_values() {
        let cases = [
            (
                FieldType::Money,
                json!("107.99"),
                Some(Cell::Decimal(10799)),
            ),
            (FieldType::Money, json!("0.05"), Some(Cell::Decimal(5))),
            (
                FieldType::Money,
                json!("9999999999.99"),
                Some(Cell::Decimal(999_999_999_999)),
            ),
            // Beyond DECIMAL(12,2), and not money at all.
            (FieldType::Money, json!("10000000000.00"), None),
            (FieldType::Money, json!("1.5"), None),
            (FieldType::Money, json!(1.5), None),
            (
                FieldType::Timestamp,
                json!("2023-12-31T23:59:58"),
                Some(Cell::Millis(1_704_067_198_000)),
            ),
            (
                FieldType::Timestamp,
                json!("1970-01-01T00:00:01"),
                Some(Cell::Millis(1000)),
            ),
            (FieldType::Timestamp, json!("2023-12-31 23:59:58"), None),
            (
                FieldType::Date,
                json!("2024-02-29"),
                Some(Cell::Days(19_782)),
            ),
            (FieldType::Date, json!("2023-02-29"), None),
            (FieldType::Integer, json!(42), Some(Cell::Integer(42))),
            (FieldType::Integer, json!("42"), None),
            (FieldType::Boolean, json!(true), Some(Cell::Boolean(true))),
            (FieldType::Boolean, json!("true"), None),
            (FieldType::Uuid, json!("a-b"), Some(Cell::Text("a-b"))),
            (FieldType::Text, json!(7), None),
        ];
        for (ty, value, expected) in cases {
            assert_eq!(cell(ty, &value), expected, "{ty:?} {value}");
        }
    }

    const FIELDS: &[SchemaField] = &[
        SchemaField::new("total", FieldType::Money, ""),
        SchemaField::new("at", FieldType::Timestamp, "").nullable(),
        SchemaField::new("day", FieldType::Date, ""),
        SchemaField::new("name", FieldType::Text, ""),
    ];
    const FILE: FileSpec = FileSpec {
        name: "t",
        row_tag: "t",
        fields: FIELDS,
    };

    #[test]
    fn rows_become_a_batch_with_the_schemas_types_and_nulls() {
        let mut columns = Columns::new(&FILE);
        columns
            .append(&json!({"total": "1.50", "at": "2023-01-01T00:00:10", "day": "2023-01-02", "name": "x"}))
            .unwrap();
        columns
            .append(&json!({"total": "0.00", "at": null, "day": "1970-01-01", "name": "y"}))
            .unwrap();
        let batch = columns.finish().unwrap();
        assert_eq!(batch.num_rows(), 2);
        let schema = batch.schema();
        assert_eq!(schema.field(0).data_type(), &DataType::Decimal128(12, 2));
        assert!(!schema.field(0).is_nullable() && schema.field(1).is_nullable());
        let total = batch.column(0).as_primitive::<Decimal128Type>();
        assert_eq!((total.value(0), total.value(1)), (150, 0));
        assert_eq!(total.value_as_string(0), "1.50");
        let at = batch.column(1).as_primitive::<TimestampMillisecondType>();
        assert_eq!(at.value(0), (19_358 * 86_400 + 10) * 1000);
        assert!(at.is_null(1));
        assert_eq!(
            batch.column(2).as_primitive::<Date32Type>().value(0),
            19_359
        );
        // The builders start over for the next chunk.
        assert_eq!(columns.finish().unwrap().num_rows(), 0);
    }

    #[test]
    fn a_value_that_does_not_fit_is_an_error_naming_the_field() {
        let mut columns = Columns::new(&FILE);
        let missing = columns
            .append(&json!({"total": null, "at": null, "day": "2023-01-02", "name": "x"}))
            .unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("t.total: null is not a money value")
        );
        let mut columns = Columns::new(&FILE);
        let bad = columns
            .append(&json!({"total": "1.50", "at": "yesterday", "day": "2023-01-02", "name": "x"}))
            .unwrap_err();
        assert!(bad.to_string().contains("t.at: \"yesterday\""), "{bad}");
    }
}
