//! Parquet, so data lakes and dataframes get typed columns (decimal money, timestamps,
//! dates, booleans) without parsing text. Workers build one record batch per chunk
//! straight from the rows' cells; one writer per file streams the batches into row
//! groups of bounded size.

use super::{Encoded, Encoder, Format, Sink, Writer, encoding_error};
use crate::error::{Error, Result};
use crate::model::Id;
use crate::model::cells::{RowCells, Value};
use crate::schema::{FieldType, Key, TableSpec};
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Decimal128Builder, Int64Builder,
    NullBufferBuilder, StringBuilder, TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch, StringArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group: large enough for compact columns and fast scans, small enough
/// that the row group the writer buffers stays a few megabytes.
const ROW_GROUP_ROWS: usize = 128 * 1024;

/// DECIMAL(12,2), as NUMERIC(12,2) in the SQL schema.
const MONEY_PRECISION: u8 = 12;
const MONEY_SCALE: i8 = 2;
/// A two-place decimal that is not money (an average rating): SQL's NUMERIC(5,2).
const DECIMAL_PRECISION: u8 = 5;

/// The digits a decimal column of type `ty` holds.
fn precision(ty: FieldType) -> u8 {
    if ty == FieldType::Decimal {
        DECIMAL_PRECISION
    } else {
        MONEY_PRECISION
    }
}

fn data_type(ty: FieldType) -> DataType {
    match ty {
        FieldType::Uuid | FieldType::Text => DataType::Utf8,
        FieldType::Integer => DataType::Int64,
        FieldType::Boolean => DataType::Boolean,
        FieldType::Money | FieldType::Decimal => DataType::Decimal128(precision(ty), MONEY_SCALE),
        // No zone: the data model's timestamps are local wall-clock times, so readers
        // must not shift them (Parquet's isAdjustedToUTC = false).
        FieldType::Timestamp => DataType::Timestamp(TimeUnit::Millisecond, None),
        FieldType::Date => DataType::Date32,
    }
}

/// The Arrow schema of a file: one column per field, nullable where the field is.
pub fn schema(file: &TableSpec) -> SchemaRef {
    let fields: Vec<Field> = file
        .fields
        .iter()
        .map(|f| Field::new(f.name, data_type(f.ty), f.nullable))
        .collect();
    Arc::new(Schema::new(fields))
}

enum Builder {
    Text(StringBuilder),
    Uuid(UuidBuilder),
    Integer(Int64Builder),
    Boolean(BooleanBuilder),
    /// The builder, and the bound its unscaled values stay below.
    Decimal(Decimal128Builder, i128),
    Millis(TimestampMillisecondBuilder),
    Days(Date32Builder),
}

impl Builder {
    /// A builder with room for `rows` values and, for text, `bytes` bytes of them:
    /// sized like the previous chunk's column, it does not grow (and copy) as it fills.
    fn new(ty: FieldType, rows: usize, bytes: usize) -> Builder {
        match ty {
            FieldType::Text => Builder::Text(StringBuilder::with_capacity(rows, bytes)),
            FieldType::Uuid => Builder::Uuid(UuidBuilder::with_capacity(rows)),
            FieldType::Integer => Builder::Integer(Int64Builder::with_capacity(rows)),
            FieldType::Boolean => Builder::Boolean(BooleanBuilder::with_capacity(rows)),
            FieldType::Money | FieldType::Decimal => Builder::Decimal(
                Decimal128Builder::with_capacity(rows).with_data_type(data_type(ty)),
                10i128.pow(u32::from(precision(ty))),
            ),
            FieldType::Timestamp => {
                Builder::Millis(TimestampMillisecondBuilder::with_capacity(rows))
            }
            FieldType::Date => Builder::Days(Date32Builder::with_capacity(rows)),
        }
    }

    /// The values appended since the last finish, and the bytes of text among them.
    fn size(&self) -> (usize, usize) {
        match self {
            Builder::Text(b) => (b.len(), b.values_slice().len()),
            Builder::Uuid(b) => (b.nulls.len(), b.values.len()),
            Builder::Integer(b) => (b.len(), 0),
            Builder::Boolean(b) => (b.len(), 0),
            Builder::Decimal(b, _) => (b.len(), 0),
            Builder::Millis(b) => (b.len(), 0),
            Builder::Days(b) => (b.len(), 0),
        }
    }

    /// Appends a value; false if it does not fit the column.
    fn append(&mut self, value: Value) -> bool {
        match (self, value) {
            (Builder::Text(b), Value::Text(v)) => b.append_value(v),
            (Builder::Uuid(b), Value::Uuid(v)) => b.append(Some(v)),
            (Builder::Integer(b), Value::Integer(v)) => b.append_value(v),
            (Builder::Boolean(b), Value::Boolean(v)) => b.append_value(v),
            (Builder::Decimal(b, limit), Value::Cents(v)) if (v as i128).abs() < *limit => {
                b.append_value(v as i128)
            }
            (Builder::Millis(b), Value::Seconds(v)) => match v.checked_mul(1000) {
                Some(ms) => b.append_value(ms),
                None => return false,
            },
            (Builder::Days(b), Value::Days(v)) => match i32::try_from(v) {
                Ok(days) => b.append_value(days),
                Err(_) => return false,
            },
            (Builder::Text(b), Value::Null) => b.append_null(),
            (Builder::Uuid(b), Value::Null) => b.append(None),
            (Builder::Integer(b), Value::Null) => b.append_null(),
            (Builder::Boolean(b), Value::Null) => b.append_null(),
            (Builder::Decimal(b, _), Value::Null) => b.append_null(),
            (Builder::Millis(b), Value::Null) => b.append_null(),
            (Builder::Days(b), Value::Null) => b.append_null(),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> Result<ArrayRef> {
        Ok(match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Uuid(b) => Arc::new(b.finish()?),
            Builder::Integer(b) => Arc::new(b.finish()),
            Builder::Boolean(b) => Arc::new(b.finish()),
            Builder::Decimal(b, _) => Arc::new(b.finish()),
            Builder::Millis(b) => Arc::new(b.finish()),
            Builder::Days(b) => Arc::new(b.finish()),
        })
    }
}

/// A column of UUIDs as text, written 36 bytes at a time into one buffer that is
/// checked to be UTF-8 once per chunk: appending each as a `&str` had the standard
/// library check every id on its own, 2% of a Parquet run.
struct UuidBuilder {
    values: Vec<u8>,
    nulls: NullBufferBuilder,
}

impl UuidBuilder {
    fn with_capacity(rows: usize) -> UuidBuilder {
        UuidBuilder {
            values: Vec::with_capacity(rows * 36),
            nulls: NullBufferBuilder::new(rows),
        }
    }

    fn append(&mut self, id: Option<&[u8; 16]>) {
        match id {
            Some(id) => {
                self.values.extend_from_slice(&Id(*id).text());
                self.nulls.append_non_null();
            }
            None => self.nulls.append_null(),
        }
    }

    fn finish(&mut self) -> Result<StringArray> {
        let rows = self.nulls.len();
        let nulls = self.nulls.finish();
        let lengths = (0..rows).map(|row| match &nulls {
            Some(nulls) if nulls.is_null(row) => 0,
            _ => 36,
        });
        let offsets = OffsetBuffer::from_lengths(lengths);
        let values = std::mem::take(&mut self.values);
        StringArray::try_new(offsets, values.into(), nulls).map_err(encoding_error)
    }
}

/// The columns of one file's rows in a chunk, built by a worker.
pub struct Columns {
    table: &'static TableSpec,
    schema: SchemaRef,
    builders: Vec<Builder>,
}

impl Columns {
    pub fn new(table: &'static TableSpec) -> Columns {
        Columns {
            table,
            schema: schema(table),
            builders: table
                .fields
                .iter()
                .map(|f| Builder::new(f.ty, 0, 0))
                .collect(),
        }
    }

    /// Appends one row's values, one per field.
    pub fn append<'a>(&mut self, values: impl Iterator<Item = Value<'a>>) -> Result<()> {
        let fields = self.table.fields.iter().zip(&mut self.builders);
        for ((field, builder), value) in fields.zip(values) {
            let fits = (field.nullable || value != Value::Null) && builder.append(value);
            if !fits {
                return Err(encoding_error(format_args!(
                    "{}.{}: {value:?} is not a {} value",
                    self.table.name,
                    field.name,
                    field.ty.name()
                )));
            }
        }
        Ok(())
    }

    /// The rows appended since the last call, as a record batch.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        let mut columns = Vec::with_capacity(self.builders.len());
        for (field, builder) in self.table.fields.iter().zip(&mut self.builders) {
            let (rows, bytes) = builder.size();
            let mut full = std::mem::replace(builder, Builder::new(field.ty, rows, bytes));
            columns.push(full.finish()?);
        }
        RecordBatch::try_new(self.schema.clone(), columns).map_err(encoding_error)
    }
}

/// The Parquet format.
#[derive(Clone, Copy, Debug, Default)]
pub struct Parquet;

impl Writer for Parquet {
    fn format(&self) -> Format {
        Format::Parquet
    }

    fn encoder(&self, tables: &[&'static TableSpec]) -> Box<dyn Encoder> {
        Box::new(ParquetEncoder {
            files: tables.iter().map(|t| Columns::new(t)).collect(),
        })
    }

    fn sink<'a>(
        &'a self,
        table: &'static TableSpec,
        file: Option<File>,
        path: &Path,
    ) -> Result<Box<dyn Sink + 'a>> {
        let file = file.ok_or_else(|| {
            Error::Runtime("Parquet is written to files, not standard output".to_string())
        })?;
        Ok(Box::new(ParquetFile::new(file, table, path)?))
    }
}

struct ParquetEncoder {
    files: Vec<Columns>,
}

impl Encoder for ParquetEncoder {
    fn encode(&mut self, row: &RowCells, files: &mut [Encoded]) -> Result<()> {
        self.files[0].append(row.own())?;
        files[0].rows += 1;
        if let Some(children) = self.files.get_mut(1) {
            for child in 0..row.child_count() {
                children.append(row.child(child))?;
                files[1].rows += 1;
            }
        }
        Ok(())
    }

    fn finish_chunk(&mut self, files: &mut [Encoded]) -> Result<()> {
        for (encoded, columns) in files.iter_mut().zip(&mut self.files) {
            encoded.typed = Some(Box::new(columns.finish()?));
        }
        Ok(())
    }
}

/// A Parquet file being written: batches in, row groups of at most `ROW_GROUP_ROWS`
/// rows out, Snappy-compressed (what every reader supports) where it pays.
struct ParquetFile {
    inner: ArrowWriter<File>,
    path: PathBuf,
}

impl ParquetFile {
    fn new(file: File, spec: &TableSpec, path: &Path) -> Result<ParquetFile> {
        let mut properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS));
        // A column of unique values gains nothing from a dictionary, and building one
        // (hashing every value until the dictionary outgrows its page and is dropped)
        // cost a tenth of the writing. Unique UUIDs are random hex, which Snappy finds
        // no repeats in: compressing them cost a seventh of a Parquet run and made the
        // files bigger (frames around incompressible bytes). Keys that repeat (a
        // child's order_id) keep both: there the dictionary and Snappy pay.
        //
        // Rows come in no order of their ids or their free text, so a page's minimum
        // and maximum of those span nearly every value and let a reader skip nothing,
        // while comparing every string for them cost a twelfth of the writing. Numbers,
        // times, dates and enumerations keep their statistics.
        for field in spec.fields {
            let free_text = field.ty == FieldType::Text && field.values.is_empty();
            let column = ColumnPath::from(field.name);
            if field.ty == FieldType::Uuid || free_text {
                properties = properties
                    .set_column_statistics_enabled(column.clone(), EnabledStatistics::None);
            }
            if matches!(field.key, Key::Primary | Key::Unique) {
                properties = properties.set_column_dictionary_enabled(column.clone(), false);
                if field.ty == FieldType::Uuid {
                    properties =
                        properties.set_column_compression(column, Compression::UNCOMPRESSED);
                }
            }
        }
        let properties = properties.build();
        let inner = ArrowWriter::try_new(file, schema(spec), Some(properties))
            .map_err(|e| error(path, e))?;
        Ok(ParquetFile {
            inner,
            path: path.to_path_buf(),
        })
    }
}

impl Sink for ParquetFile {
    fn write(&mut self, chunk: Encoded) -> Result<()> {
        let Some(batch) = chunk.typed.and_then(|t| t.downcast::<RecordBatch>().ok()) else {
            return Err(Error::Runtime(format!(
                "{}: a chunk without its columns",
                self.path.display()
            )));
        };
        self.inner.write(&batch).map_err(|e| error(&self.path, e))
    }

    /// Writes the last row group and the footer; the file is complete.
    fn finish(&mut self) -> Result<()> {
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
    use crate::model::{Date, Money, Timestamp};
    use crate::schema::{Field as SchemaField, Table};
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Decimal128Type, TimestampMillisecondType};
    use serde::Serialize;

    const FIELDS: &[SchemaField] = &[
        SchemaField::new("total", FieldType::Money, ""),
        SchemaField::new("at", FieldType::Timestamp, "").nullable(),
        SchemaField::new("day", FieldType::Date, ""),
        SchemaField::new("name", FieldType::Text, ""),
        SchemaField::new("ref", FieldType::Uuid, "").nullable(),
    ];
    const TABLE: TableSpec = TableSpec {
        table: Table::Users,
        name: "t",
        row_tag: "t",
        fields: FIELDS,
        nesting: None,
    };

    #[derive(Serialize)]
    struct Row {
        total: Money,
        at: Option<Timestamp>,
        day: Date,
        name: &'static str,
        #[serde(rename = "ref")]
        reference: Option<Id>,
    }

    fn append(columns: &mut Columns, row: &Row) -> Result<()> {
        let mut cells = RowCells::default();
        cells.push_row(row);
        columns.append(cells.own())
    }

    #[test]
    fn rows_become_a_batch_with_the_schemas_types_and_nulls() {
        let mut columns = Columns::new(&TABLE);
        let first = Row {
            total: Money(150),
            at: Some(Timestamp(19_358 * 86_400 + 10)),
            day: Date(19_359),
            name: "x",
            reference: Some(Id([0xab; 16])),
        };
        append(&mut columns, &first).unwrap();
        let second = Row {
            total: Money(0),
            at: None,
            day: Date(0),
            name: "y",
            reference: None,
        };
        append(&mut columns, &second).unwrap();
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
        let reference = batch.column(4).as_string::<i32>();
        assert_eq!(reference.value(0), Id([0xab; 16]).to_string());
        assert!(reference.is_null(1));
        // The builders start over for the next chunk, sized like this one.
        append(&mut columns, &second).unwrap();
        let next = columns.finish().unwrap();
        assert_eq!(next.num_rows(), 1);
        assert!(next.column(4).is_null(0));
        assert_eq!(next.column(3).as_string::<i32>().value(0), "y");
        assert_eq!(columns.finish().unwrap().num_rows(), 0);
    }

    #[test]
    fn a_value_that_does_not_fit_is_an_error_naming_the_field() {
        let mut columns = Columns::new(&TABLE);
        let too_big = Row {
            total: Money(100_000_000_000_000),
            at: None,
            day: Date(0),
            name: "x",
            reference: None,
        };
        let err = append(&mut columns, &too_big).unwrap_err();
        assert!(err.to_string().contains("t.total:"), "{err}");
    }
}
