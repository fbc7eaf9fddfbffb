//! Tamper cases of the file formats: broken files, fields and values in the text
//! formats, and the typed columns of Parquet and SQLite.

use super::*;

// Files and values.

pub(super) fn truncated_json(dir: &Path) {
    rewrite(dir, "orders.json", |text| {
        text[..text.len() / 2].to_string()
    });
}

pub(super) fn a_json_line_cut_short(dir: &Path) {
    rewrite(dir, "vendors.jsonl", |text| {
        let cut = text.find('\n').unwrap() - 3;
        format!("{}\n{}", &text[..cut], &text[cut + 3..])
    });
}

pub(super) fn unclosed_xml(dir: &Path) {
    rewrite(dir, "warehouses.xml", |text| {
        text.replace("</warehouses>", "")
    });
}

pub(super) fn a_csv_header_without_a_field(dir: &Path) {
    rewrite(dir, "vendors.csv", |text| {
        text.replacen("contact_email", "email", 1)
    });
}

pub(super) fn a_csv_record_with_an_extra_value(dir: &Path) {
    rewrite(dir, "wishlists.csv", |text| {
        let second = text.find('\n').unwrap() + 1;
        let end = second + text[second..].find('\n').unwrap();
        format!("{},extra{}", &text[..end], &text[end..])
    });
}

pub(super) fn a_json_object_without_a_field(dir: &Path) {
    rewrite(dir, "vendors.json", |text| {
        let mut vendors: serde_json::Value = serde_json::from_str(&text).unwrap();
        vendors[0].as_object_mut().unwrap().remove("city");
        vendors.to_string()
    });
}

pub(super) fn an_xml_row_with_an_unknown_element(dir: &Path) {
    rewrite(dir, "vendors.xml", |text| {
        text.replacen("</city>", "</city><region>North</region>", 1)
    });
}

pub(super) fn an_integer_written_as_a_string(dir: &Path) {
    rewrite(dir, "users.json", |text| {
        let mut users: serde_json::Value = serde_json::from_str(&text).unwrap();
        let points = users[0]["loyalty_points"].to_string();
        users[0]["loyalty_points"] = serde_json::Value::from(points);
        users.to_string()
    });
}

pub(super) fn an_empty_phone_number(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "phone_number", ""));
}

pub(super) fn an_uppercase_wishlist_id(dir: &Path) {
    edit(dir, "wishlists", |w| {
        let id = w.get(0, "wishlist_id").to_uppercase();
        w.set(0, "wishlist_id", id);
    });
}

pub(super) fn a_first_name_of_spaces(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "first_name", "   "));
}

pub(super) fn loyalty_points_in_words(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "loyalty_points", "many"));
}

pub(super) fn is_active_yes(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "is_active", "yes"));
}

pub(super) fn a_price_with_one_decimal(dir: &Path) {
    edit(dir, "products", |products| products.set(0, "price", "12.5"));
}

pub(super) fn a_thirteenth_month(dir: &Path) {
    edit(dir, "wishlists", |w| {
        w.set(0, "added_at", "2023-13-01T00:00:00")
    });
}

pub(super) fn the_thirtieth_of_february(dir: &Path) {
    edit(dir, "promotions", |p| p.set(0, "start_date", "2023-02-30"));
}

pub(super) fn an_unknown_priority(dir: &Path) {
    edit(dir, "support_tickets", |t| t.set(0, "priority", "extreme"));
}

pub(super) fn negative_loyalty_points(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "loyalty_points", "-5"));
}

pub(super) fn a_fourth_category_level(dir: &Path) {
    edit(dir, "categories", |c| c.set(0, "level", 4));
}

pub(super) fn a_listed_file_removed(dir: &Path) {
    std::fs::remove_file(dir.join("wishlists.csv")).unwrap();
}

// Binary formats.

/// Rewrites a table's Parquet file with `change` applied to each record batch.
#[cfg(feature = "parquet")]
fn edit_parquet(
    dir: &Path,
    table: &str,
    mut change: impl FnMut(&arrow_array::RecordBatch) -> arrow_array::RecordBatch,
) {
    use parquet::arrow::ArrowWriter;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let path = dir.join(format!("{table}.parquet"));
    let file = std::fs::File::open(&path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(|b| change(&b.unwrap())).collect();
    let mut writer = ArrowWriter::try_new(
        std::fs::File::create(&path).unwrap(),
        batches[0].schema(),
        None,
    )
    .unwrap();
    for batch in &batches {
        writer.write(batch).unwrap();
    }
    writer.close().unwrap();
}

/// A batch with one column replaced, its type taken from the new values.
#[cfg(feature = "parquet")]
fn with_column(
    batch: &arrow_array::RecordBatch,
    name: &str,
    values: arrow_array::ArrayRef,
) -> arrow_array::RecordBatch {
    let schema = batch.schema();
    let at = schema.index_of(name).unwrap();
    let mut fields: Vec<arrow_schema::Field> =
        schema.fields().iter().map(|f| f.as_ref().clone()).collect();
    fields[at] = arrow_schema::Field::new(name, values.data_type().clone(), true);
    let mut columns = batch.columns().to_vec();
    columns[at] = values;
    let schema = std::sync::Arc::new(arrow_schema::Schema::new(fields));
    arrow_array::RecordBatch::try_new(schema, columns).unwrap()
}

#[cfg(feature = "parquet")]
pub(super) fn a_parquet_order_total_off_by_a_cent(dir: &Path) {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Decimal128Type;
    let mut changed = false;
    edit_parquet(dir, "orders", |batch| {
        let status = batch.column_by_name("status").unwrap().as_string::<i32>();
        let total = batch
            .column_by_name("total")
            .unwrap()
            .as_primitive::<Decimal128Type>();
        let mut cents: Vec<i128> = total.values().to_vec();
        if let Some(row) = (0..batch.num_rows()).find(|&r| status.value(r) == "cancelled")
            && !changed
        {
            cents[row] += 1;
            changed = true;
        }
        let total = arrow_array::Decimal128Array::from(cents)
            .with_precision_and_scale(12, 2)
            .unwrap();
        with_column(batch, "total", std::sync::Arc::new(total))
    });
    assert!(changed, "the base dataset has a cancelled order");
}

#[cfg(feature = "parquet")]
pub(super) fn loyalty_points_as_parquet_text(dir: &Path) {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    edit_parquet(dir, "users", |batch| {
        let points = batch.column_by_name("loyalty_points").unwrap();
        let text: arrow_array::StringArray = points
            .as_primitive::<Int64Type>()
            .iter()
            .map(|v| v.map(|v| v.to_string()))
            .collect();
        with_column(batch, "loyalty_points", std::sync::Arc::new(text))
    });
}

/// Runs SQL on a dataset's database, its CHECK constraints off, as a tool that edits
/// it without them would.
#[cfg(feature = "sqlite")]
fn sql(dir: &Path, statement: &str) {
    let db = rusqlite::Connection::open(dir.join("ecomgen.db")).unwrap();
    db.execute_batch(&format!(
        "PRAGMA ignore_check_constraints = ON; {statement}"
    ))
    .unwrap();
    assert_eq!(db.changes(), 1, "{statement}");
}

#[cfg(feature = "sqlite")]
pub(super) fn a_sqlite_capture_off_by_a_cent(dir: &Path) {
    sql(
        dir,
        "UPDATE payments SET amount = amount + 0.01 WHERE payment_id = (
            SELECT p.payment_id FROM payments p JOIN orders o ON o.order_id = p.order_id
            WHERE o.status = 'delivered' AND p.status = 'completed'
              AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.order_id)
            ORDER BY p.rowid LIMIT 1)",
    );
}

#[cfg(feature = "sqlite")]
pub(super) fn a_sqlite_boolean_stored_as_text(dir: &Path) {
    sql(
        dir,
        "UPDATE users SET is_active = 'true' WHERE rowid = (SELECT min(rowid) FROM users)",
    );
}

#[cfg(feature = "sqlite")]
pub(super) fn sqlite_loyalty_points_in_words(dir: &Path) {
    sql(
        dir,
        "UPDATE users SET loyalty_points = 'many' WHERE rowid = (SELECT min(rowid) FROM users)",
    );
}
