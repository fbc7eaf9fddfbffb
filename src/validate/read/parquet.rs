//! Parquet files: typed columns read back into the data model's text (money as
//! `107.99`, timestamps as `2023-05-29T09:38:06`), so every rule runs on them as on
//! CSV. A column must hold its field's kind of value; another tool may have written
//! it with another width (Int32, Decimal(18,2), microseconds), which is no problem,
//! but text where a number belongs, a float for money or a zoned timestamp is.

use super::super::report::Findings;
use super::loader::{Loader, shape_problem};
use crate::model::{Date, Money, Timestamp};
use crate::rules::Rule;
use crate::schema::{Field, FieldType};
use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use parquet::arrow::arrow_reader::{ArrowReaderOptions, ParquetRecordBatchReaderBuilder};
use std::fs::File;

pub fn read(file: File, loader: &mut Loader, found: &mut Findings) -> Result<(), String> {
    // The types come from the Parquet schema alone: the Arrow schema the writer also
    // embeds is one more thing a damaged file can hold, and its decoder panics on
    // some damage rather than answer an error.
    let options = ArrowReaderOptions::new().with_skip_arrow_metadata(true);
    let builder = ParquetRecordBatchReaderBuilder::try_new_with_options(file, options)
        .map_err(|e| format!("not a Parquet file: {e}"))?;
    let schema = builder.schema().clone();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    if let Some(problem) = shape_problem(loader.expected(), &names) {
        return Err(format!("the columns {problem}"));
    }
    let mut columns = Vec::with_capacity(loader.fields().len());
    for field in loader.fields() {
        let at = names
            .iter()
            .position(|n| *n == field.name)
            .expect("no field is missing");
        let ty = schema.field(at).data_type();
        if !readable(ty) {
            return Err(format!(
                "column {} is {ty}, which holds no field's value",
                field.name
            ));
        }
        if !fits(field.ty, ty) {
            found.of_file(
                loader.name(),
                Rule::FormatColumnType,
                format!(
                    "column {} is {ty}; the data model's {} are {}",
                    field.name,
                    field.ty.name(),
                    expected(field.ty)
                ),
            );
        }
        columns.push(at);
    }
    let reader = builder
        .build()
        .map_err(|e| format!("unreadable Parquet: {e}"))?;
    let mut values: Vec<Option<String>> = Vec::with_capacity(columns.len());
    for batch in reader {
        let batch = batch.map_err(|e| format!("unreadable Parquet: {e}"))?;
        read_batch(&batch, &columns, loader, &mut values)?;
    }
    Ok(())
}

fn read_batch(
    batch: &RecordBatch,
    columns: &[usize],
    loader: &mut Loader,
    values: &mut Vec<Option<String>>,
) -> Result<(), String> {
    let fields = loader.fields();
    for row in 0..batch.num_rows() {
        values.clear();
        for (field, &at) in fields.iter().zip(columns) {
            values.push(text(batch.column(at).as_ref(), row, field));
        }
        loader.push_in_order(values.iter().map(|v| v.as_deref()))?;
    }
    Ok(())
}

/// How ecomgen writes a field's type, for messages.
fn expected(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Uuid | FieldType::Text => "text (Utf8)",
        FieldType::Integer => "integers (Int64)",
        FieldType::Boolean => "booleans",
        FieldType::Money => "decimals with two places (Decimal128(12, 2))",
        FieldType::Decimal => "decimals with two places (Decimal128(5, 2))",
        FieldType::Timestamp => "timestamps without a time zone",
        FieldType::Date => "dates (Date32)",
    }
}

/// Whether a column of `ty` holds values of the field's kind.
fn fits(field: FieldType, ty: &DataType) -> bool {
    use DataType as D;
    match field {
        FieldType::Uuid | FieldType::Text => matches!(ty, D::Utf8 | D::LargeUtf8 | D::Utf8View),
        FieldType::Integer => ty.is_integer(),
        FieldType::Boolean => *ty == D::Boolean,
        FieldType::Money | FieldType::Decimal => matches!(ty, D::Decimal128(_, 2)),
        FieldType::Timestamp => matches!(ty, D::Timestamp(_, None)),
        FieldType::Date => matches!(ty, D::Date32 | D::Date64),
    }
}

/// Whether values of `ty` can be read as text at all.
fn readable(ty: &DataType) -> bool {
    use DataType as D;
    ty.is_integer()
        || matches!(
            ty,
            D::Utf8
                | D::LargeUtf8
                | D::Utf8View
                | D::Boolean
                | D::Float32
                | D::Float64
                | D::Decimal128(_, _)
                | D::Timestamp(_, _)
                | D::Date32
                | D::Date64
        )
}

/// A value as the data model's text; `None` when null.
fn text(array: &dyn Array, row: usize, field: &Field) -> Option<String> {
    use DataType as D;
    if array.is_null(row) {
        return None;
    }
    let integer = |v: i64| match field.ty {
        // A money column of integers holds whole amounts.
        FieldType::Money => Money(v.saturating_mul(100)).to_string(),
        _ => v.to_string(),
    };
    Some(match array.data_type() {
        D::Utf8 => array.as_string::<i32>().value(row).to_string(),
        D::LargeUtf8 => array.as_string::<i64>().value(row).to_string(),
        D::Utf8View => array.as_string_view().value(row).to_string(),
        D::Boolean => array.as_boolean().value(row).to_string(),
        D::Int8 => integer(array.as_primitive::<Int8Type>().value(row).into()),
        D::Int16 => integer(array.as_primitive::<Int16Type>().value(row).into()),
        D::Int32 => integer(array.as_primitive::<Int32Type>().value(row).into()),
        D::Int64 => integer(array.as_primitive::<Int64Type>().value(row)),
        D::UInt8 => integer(array.as_primitive::<UInt8Type>().value(row).into()),
        D::UInt16 => integer(array.as_primitive::<UInt16Type>().value(row).into()),
        D::UInt32 => integer(array.as_primitive::<UInt32Type>().value(row).into()),
        D::UInt64 => {
            let v = array.as_primitive::<UInt64Type>().value(row);
            i64::try_from(v).map_or_else(|_| v.to_string(), integer)
        }
        D::Float32 => array.as_primitive::<Float32Type>().value(row).to_string(),
        D::Float64 => array.as_primitive::<Float64Type>().value(row).to_string(),
        D::Decimal128(_, scale) => {
            decimal(array.as_primitive::<Decimal128Type>().value(row), *scale)
        }
        D::Timestamp(unit, _) => timestamp(array, row, *unit),
        D::Date32 => Date(array.as_primitive::<Date32Type>().value(row).into()).to_string(),
        D::Date64 => {
            let ms = array.as_primitive::<Date64Type>().value(row);
            Date(ms.div_euclid(86_400_000)).to_string()
        }
        // Refused before any row is read.
        other => format!("a value of type {other}"),
    })
}

/// An unscaled decimal as text with `scale` places: 10799 at scale 2 is `107.99`.
fn decimal(unscaled: i128, scale: i8) -> String {
    if scale <= 0 {
        let factor = 10i128.checked_pow(scale.unsigned_abs().into());
        return factor
            .and_then(|f| unscaled.checked_mul(f))
            .map_or_else(|| "out of range".to_string(), |v| v.to_string());
    }
    let digits = unscaled.unsigned_abs().to_string();
    let places = scale as usize;
    let digits = format!("{digits:0>width$}", width = places + 1);
    let (whole, fraction) = digits.split_at(digits.len() - places);
    let sign = if unscaled < 0 { "-" } else { "" };
    format!("{sign}{whole}.{fraction}")
}

/// A timestamp as text, to the second; a fraction of a second is kept, so that it
/// is reported rather than cut.
fn timestamp(array: &dyn Array, row: usize, unit: TimeUnit) -> String {
    let (value, per_second) = match unit {
        TimeUnit::Second => (array.as_primitive::<TimestampSecondType>().value(row), 1),
        TimeUnit::Millisecond => (
            array.as_primitive::<TimestampMillisecondType>().value(row),
            1_000,
        ),
        TimeUnit::Microsecond => (
            array.as_primitive::<TimestampMicrosecondType>().value(row),
            1_000_000,
        ),
        TimeUnit::Nanosecond => (
            array.as_primitive::<TimestampNanosecondType>().value(row),
            1_000_000_000,
        ),
    };
    let seconds = Timestamp(value.div_euclid(per_second)).to_string();
    match value.rem_euclid(per_second) {
        0 => seconds,
        fraction => format!("{seconds}.{fraction}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_with_their_places() {
        assert_eq!(decimal(10799, 2), "107.99");
        assert_eq!(decimal(-5, 2), "-0.05");
        assert_eq!(decimal(7, 0), "7");
        assert_eq!(decimal(7, -2), "700");
        assert_eq!(decimal(1234, 3), "1.234");
    }
}
