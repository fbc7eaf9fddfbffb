//! The tables of one dataset as an analyst loads them: one column of text per field,
//! read from the CSV files `ecomgen generate` wrote (or built in memory by the negative
//! controls), with the few joins every measure uses.
//!
//! Nothing here comes from the generator's code: dates, departments and local times
//! are computed from the files alone, so the measures are an independent oracle.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// A field or a table a measure needs and the dataset does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing(pub String);

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Res<T> = Result<T, Missing>;

/// One field's values, stored as one string and the end of each cell: a full
/// `--scale 20` dataset fits in about its size on disk.
#[derive(Default)]
pub struct Column {
    text: String,
    ends: Vec<u32>,
}

impl Column {
    pub fn push(&mut self, value: &str) {
        self.text.push_str(value);
        self.ends
            .push(u32::try_from(self.text.len()).expect("a column under 4 GiB"));
    }

    pub fn get(&self, row: usize) -> &str {
        let start = if row == 0 {
            0
        } else {
            self.ends[row - 1] as usize
        };
        &self.text[start..self.ends[row] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// A named column, so that parse errors say where they are.
#[derive(Clone, Copy)]
pub struct Col<'a> {
    pub table: &'a str,
    pub field: &'a str,
    column: &'a Column,
}

impl<'a> Col<'a> {
    pub fn get(&self, row: usize) -> &'a str {
        self.column.get(row)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let column = self.column;
        (0..column.len()).map(move |i| column.get(i))
    }

    /// A timestamp as seconds since 1970 on the shop's clock; None when empty.
    pub fn ts(&self, row: usize) -> Option<i64> {
        let text = self.get(row);
        (!text.is_empty()).then(|| {
            timestamp(text).unwrap_or_else(|| {
                panic!(
                    "{}.{} row {}: not a timestamp: {text:?}",
                    self.table,
                    self.field,
                    row + 1
                )
            })
        })
    }

    /// A required timestamp.
    pub fn ts_req(&self, row: usize) -> i64 {
        self.ts(row).unwrap_or_else(|| {
            panic!(
                "{}.{} row {}: empty timestamp",
                self.table,
                self.field,
                row + 1
            )
        })
    }

    /// A date as days since 1970; None when empty.
    pub fn date(&self, row: usize) -> Option<i64> {
        let text = self.get(row);
        (!text.is_empty()).then(|| {
            date(text).unwrap_or_else(|| {
                panic!(
                    "{}.{} row {}: not a date: {text:?}",
                    self.table,
                    self.field,
                    row + 1
                )
            })
        })
    }

    /// A number (money, integer, rating); None when empty.
    pub fn num(&self, row: usize) -> Option<f64> {
        let text = self.get(row);
        (!text.is_empty()).then(|| {
            text.parse().unwrap_or_else(|_| {
                panic!(
                    "{}.{} row {}: not a number: {text:?}",
                    self.table,
                    self.field,
                    row + 1
                )
            })
        })
    }

    /// A required number.
    pub fn num_req(&self, row: usize) -> f64 {
        self.num(row).unwrap_or_else(|| {
            panic!(
                "{}.{} row {}: empty number",
                self.table,
                self.field,
                row + 1
            )
        })
    }
}

/// One entity's rows, column by column.
pub struct Table {
    pub name: String,
    fields: Vec<String>,
    columns: Vec<Column>,
    rows: usize,
}

impl Table {
    pub fn new(name: &str, fields: &[&str]) -> Table {
        Table {
            name: name.to_string(),
            fields: fields.iter().map(|f| f.to_string()).collect(),
            columns: fields.iter().map(|_| Column::default()).collect(),
            rows: 0,
        }
    }

    /// Appends a row; `values` in the order of the fields.
    pub fn push<S: AsRef<str>>(&mut self, values: &[S]) {
        assert_eq!(
            values.len(),
            self.fields.len(),
            "a full row of {}",
            self.name
        );
        for (column, value) in self.columns.iter_mut().zip(values) {
            column.push(value.as_ref());
        }
        self.rows += 1;
    }

    pub fn from_csv(name: &str, path: &Path) -> Table {
        let mut reader =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = reader.headers().expect("a header row").clone();
        let fields: Vec<&str> = headers.iter().collect();
        let mut table = Table::new(name, &fields);
        let mut record = csv::StringRecord::new();
        while reader
            .read_record(&mut record)
            .expect("a well-formed record")
        {
            for (column, value) in table.columns.iter_mut().zip(record.iter()) {
                column.push(value);
            }
            table.rows += 1;
        }
        table
    }

    pub fn len(&self) -> usize {
        self.rows
    }

    /// A field's column, or which field is missing.
    pub fn col(&self, field: &str) -> Res<Col<'_>> {
        let at = self.fields.iter().position(|f| f == field).ok_or_else(|| {
            Missing(format!(
                "{}.csv has no field `{field}` (fields: {})",
                self.name,
                self.fields.join(", ")
            ))
        })?;
        Ok(Col {
            table: &self.name,
            field: &self.fields[at],
            column: &self.columns[at],
        })
    }

    /// Rows as field -> text maps, for the older tests written that way.
    pub fn maps(&self) -> Vec<BTreeMap<String, String>> {
        (0..self.rows)
            .map(|row| {
                self.fields
                    .iter()
                    .zip(&self.columns)
                    .map(|(f, c)| (f.clone(), c.get(row).to_string()))
                    .collect()
            })
            .collect()
    }

    /// Every cell, for scans of all text.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        self.columns.iter().flat_map(|c| c.iter())
    }
}

/// The period the data covers, as days since 1970, both ends included.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub first_day: i64,
    pub last_day: i64,
}

impl Window {
    /// `ecomgen generate`'s default: the year 2023.
    pub fn default_year() -> Window {
        Window {
            first_day: days_from_civil(2023, 1, 1),
            last_day: days_from_civil(2023, 12, 31),
        }
    }

    pub fn start(&self) -> i64 {
        self.first_day * DAY
    }

    /// The first second after the window.
    pub fn end(&self) -> i64 {
        (self.last_day + 1) * DAY
    }

    pub fn days(&self) -> i64 {
        self.last_day - self.first_day + 1
    }

    pub fn contains(&self, ts: i64) -> bool {
        (self.start()..self.end()).contains(&ts)
    }

    /// The calendar years the window touches.
    pub fn years(&self) -> std::ops::RangeInclusive<i64> {
        civil_from_days(self.first_day).0..=civil_from_days(self.last_day).0
    }
}

/// The tables of one dataset that a measure was given.
pub struct Data {
    pub label: String,
    pub window: Window,
    /// The `--scale` factor (1 for the default size).
    pub scale: f64,
    pub tables: BTreeMap<String, Arc<Table>>,
}

impl Data {
    pub fn t(&self, name: &str) -> Res<&Table> {
        self.tables
            .get(name)
            .map(|t| t.as_ref())
            .ok_or_else(|| Missing(format!("no {name}.csv in the dataset")))
    }
}

pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// 0 = Monday ... 6 = Sunday.
pub fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

pub fn date(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (
        text[0..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..10].parse().ok()?,
    );
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

pub fn timestamp(text: &str) -> Option<i64> {
    if text.len() != 19 || text.as_bytes()[10] != b'T' {
        return None;
    }
    let day = date(&text[..10])?;
    let (h, m, s): (i64, i64, i64) = (
        text[11..13].parse().ok()?,
        text[14..16].parse().ok()?,
        text[17..19].parse().ok()?,
    );
    Some(day * DAY + h * HOUR + m * 60 + s)
}

/// `YYYY-MM-DDTHH:MM:SS` of a moment, for messages and the controls.
pub fn format_ts(ts: i64) -> String {
    let (y, m, d) = civil_from_days(ts.div_euclid(DAY));
    let s = ts.rem_euclid(DAY);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        s / HOUR,
        s / 60 % 60,
        s % 60
    )
}

pub fn format_date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Hours a country's clock is ahead of the shop's (UTC) in winter: the offset the
/// measures of "local time" use all year (summer time moves an hour at most).
pub fn utc_offset_hours(country: &str) -> i64 {
    match country {
        "US" | "CA" => -5,
        "GB" => 0,
        "DE" | "FR" => 1,
        "AU" => 10,
        _ => 0,
    }
}

/// A moment on the local clock of `country`.
pub fn local(ts: i64, country: &str) -> i64 {
    ts + utc_offset_hours(country) * HOUR
}

/// user_id -> country.
pub fn user_countries(d: &Data) -> Res<HashMap<&str, &str>> {
    let users = d.t("users")?;
    let (id, country) = (users.col("user_id")?, users.col("country")?);
    Ok(id.iter().zip(country.iter()).collect())
}

/// category_id -> department: the top-level category reached by walking
/// parent_category_id up from the category.
pub fn category_departments(d: &Data) -> Res<HashMap<&str, &str>> {
    let categories = d.t("categories")?;
    let (id, name, parent) = (
        categories.col("category_id")?,
        categories.col("name")?,
        categories.col("parent_category_id")?,
    );
    let parent_of: HashMap<&str, &str> = id.iter().zip(parent.iter()).collect();
    let name_of: HashMap<&str, &str> = id.iter().zip(name.iter()).collect();
    let mut department = HashMap::new();
    for category in id.iter() {
        let mut at = category;
        for _ in 0..64 {
            match parent_of.get(at) {
                Some(p) if !p.is_empty() => at = p,
                _ => break,
            }
        }
        department.insert(category, *name_of.get(at).unwrap_or(&""));
    }
    Ok(department)
}

/// product_id -> department of its category.
pub fn product_departments(d: &Data) -> Res<HashMap<&str, &str>> {
    let departments = category_departments(d)?;
    let products = d.t("products")?;
    let (id, category) = (products.col("product_id")?, products.col("category_id")?);
    Ok(id
        .iter()
        .zip(category.iter())
        .map(|(p, c)| (p, *departments.get(c).unwrap_or(&"")))
        .collect())
}

/// Departments whose goods come in sizes (wrong_size and fit returns are possible).
pub const SIZED: &[&str] = &["Clothing", "Sports & Outdoors"];

/// Departments whose goods are used up and bought again.
pub const CONSUMABLE: &[&str] = &[
    "Grocery & Gourmet",
    "Health & Household",
    "Beauty & Personal Care",
    "Pet Supplies",
];

/// One order as the measures read it.
pub struct Order<'a> {
    pub id: &'a str,
    pub user: &'a str,
    pub status: &'a str,
    pub created: i64,
    pub total: f64,
    pub subtotal: f64,
    pub discount: f64,
    pub promotion: &'a str,
}

impl Order<'_> {
    /// Counted: any order that is not cancelled (DATA_MODEL.md).
    pub fn counted(&self) -> bool {
        self.status != "cancelled"
    }
}

pub fn orders(d: &Data) -> Res<Vec<Order<'_>>> {
    let t = d.t("orders")?;
    let (id, user, status, created, total) = (
        t.col("order_id")?,
        t.col("user_id")?,
        t.col("status")?,
        t.col("created_at")?,
        t.col("total")?,
    );
    let (subtotal, discount, promotion) = (
        t.col("subtotal")?,
        t.col("discount")?,
        t.col("promotion_id")?,
    );
    Ok((0..t.len())
        .map(|i| Order {
            id: id.get(i),
            user: user.get(i),
            status: status.get(i),
            created: created.ts_req(i),
            total: total.num_req(i),
            subtotal: subtotal.num_req(i),
            discount: discount.num_req(i),
            promotion: promotion.get(i),
        })
        .collect())
}

/// One order line.
pub struct Item<'a> {
    pub id: &'a str,
    pub order: &'a str,
    pub product: &'a str,
    pub quantity: f64,
}

pub fn items(d: &Data) -> Res<Vec<Item<'_>>> {
    let t = d.t("order_items")?;
    let (id, order, product, quantity) = (
        t.col("order_item_id")?,
        t.col("order_id")?,
        t.col("product_id")?,
        t.col("quantity")?,
    );
    Ok((0..t.len())
        .map(|i| Item {
            id: id.get(i),
            order: order.get(i),
            product: product.get(i),
            quantity: quantity.num_req(i),
        })
        .collect())
}

/// One shipment, judged against its promised day.
pub struct Shipment<'a> {
    pub order: &'a str,
    pub warehouse: &'a str,
    pub shipped: i64,
    pub promised_day: i64,
    pub delivered: Option<i64>,
    pub method: &'a str,
}

impl Shipment<'_> {
    /// Late: delivered on a day (shop's clock) after estimated_delivery, or still in
    /// transit at the window's end when the promised day is already past. None when it
    /// cannot be judged yet (in transit, promised day not past).
    pub fn late(&self, window: &Window) -> Option<bool> {
        match self.delivered {
            Some(at) => Some(at.div_euclid(DAY) > self.promised_day),
            None if self.promised_day < window.last_day => Some(true),
            None => None,
        }
    }
}

pub fn shipments(d: &Data) -> Res<Vec<Shipment<'_>>> {
    let t = d.t("shipping")?;
    let (order, warehouse, shipped, promised, delivered, method) = (
        t.col("order_id")?,
        t.col("warehouse_id")?,
        t.col("shipped_at")?,
        t.col("estimated_delivery")?,
        t.col("delivered_at")?,
        t.col("shipping_method")?,
    );
    Ok((0..t.len())
        .map(|i| Shipment {
            order: order.get(i),
            warehouse: warehouse.get(i),
            shipped: shipped.ts_req(i),
            promised_day: promised.date(i).expect("estimated_delivery set"),
            delivered: delivered.ts(i),
            method: method.get(i),
        })
        .collect())
}

/// Lowercase words of a text (letters, digits, apostrophes and hyphens).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '#'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// A name as compared across spellings: lowercase, umlauts spelled out, accents off.
pub fn fold_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'â' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' => out.push('i'),
            'ô' => out.push('o'),
            'ù' | 'û' => out.push('u'),
            'ç' => out.push('c'),
            _ => out.push(c),
        }
    }
    out
}
