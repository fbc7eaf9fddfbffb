//! `ecomgen validate`: re-reads a dataset in any format and checks every invariant of
//! the data model (DATA_MODEL.md), so users can trust data they edited, exported or
//! made with another version, and so tests can prove that each format keeps the
//! contract.
//!
//! The checks join entities in every direction (payments and shipments to orders,
//! returns to items, analytics to everything), so the whole dataset is held in memory.
//! To keep that affordable a row is one string of its values plus one offset per
//! field (two allocations per row, whatever its width), and the indexes borrow their
//! keys from those strings: memory is about the size of the CSV files plus a few dozen
//! bytes per row and per key.
//!
//! Every check reads values as text and parses them where it needs them; a value that
//! does not parse is reported once by the format checks and then skipped by the others,
//! so one bad value does not bury the report under its consequences.

use crate::cli::ValidateArgs;
use crate::error::{Error, Result};
use crate::generate::notifications;
use crate::generate::orders;
use crate::model::{Date, Money, Timestamp, Window};
use crate::output::Format;
use crate::schema::{self, Entity};
use crate::schema::{Field, FieldType, Key};
use crate::words::plural;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

/// One broken rule: where, which rule of the data model, and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Entity (file stem) the row belongs to; `order_items` for order items.
    pub entity: String,
    /// 0-based row index in its file (nested order items count across orders, the
    /// way `order_items.csv` lists them); `None` for a problem of the whole file.
    pub row: Option<u64>,
    /// Invariant number and subject (`"5 orders: total"`), or `format: ...`.
    pub rule: &'static str,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            // People count records from 1: record 1 is the first after a CSV header
            // (its line 2), the first element of a JSON array, the first line of JSONL.
            Some(row) => write!(
                f,
                "{} record {}: [{}] {}",
                self.entity,
                row + 1,
                self.rule,
                self.message
            ),
            None => write!(f, "{}: [{}] {}", self.entity, self.rule, self.message),
        }
    }
}

/// What a validation found.
#[derive(Debug)]
pub struct Report {
    pub format: Format,
    /// Dataset files read.
    pub files: usize,
    /// Rows read, order items included.
    pub rows: u64,
    /// Entities with no file, whose rows and the keys into them went unchecked (only
    /// where no manifest lists the run's files: then a missing file is a violation).
    pub absent: Vec<&'static str>,
    pub violations: Vec<Violation>,
}

/// Reads the dataset in `dir` (one format; entities whose files are absent are
/// skipped, and so are the checks that need them) and checks it against the data model,
/// with `window` as the range every `*_at` timestamp must fall in.
///
/// Errors are for what stops validation altogether (no dataset, mixed formats, I/O);
/// anything wrong inside the files, including a file that does not parse, is a
/// violation.
pub fn validate_dir(dir: &Path, window: Window) -> Result<Report> {
    check_is_dir(dir)?;
    let listed = listed_files(dir)?;
    let format = match &listed {
        Some((format, _)) => *format,
        None => detect_format(dir)?,
    };
    let mut sink = Sink::default();
    let data = load(dir, format, &mut sink)?;
    let mut absent = Vec::new();
    match &listed {
        Some((_, files)) => {
            for (file, entity) in files {
                if !dir.join(file).is_file() {
                    sink.add(
                        entity,
                        None,
                        "manifest: file",
                        format!(
                            "{file} is listed in manifest.json but missing: its rows and the \
                             keys into them are not checked"
                        ),
                    );
                }
            }
        }
        None => {
            absent.extend(
                Entity::ALL
                    .into_iter()
                    .filter(|e| data.table(*e).is_none())
                    .map(Entity::name),
            );
        }
    }
    for table in data.tables.iter().flatten() {
        check_values(table, window, &mut sink);
    }
    if let Some(items) = &data.items {
        check_values(items, window, &mut sink);
    }
    let ctx = Ctx::new(&data, window, &mut sink)?;
    ctx.check(&mut sink)?;
    Ok(Report {
        format,
        files: data.files,
        rows: data.rows,
        absent,
        violations: sink.0,
    })
}

/// `ecomgen validate`: prints what is wrong (up to `--max-shown`) and fails, or says
/// that everything holds.
pub fn run_cli(args: &ValidateArgs) -> Result<()> {
    check_is_dir(&args.dir)?;
    let window = resolve_window(args)?;
    let report = validate_dir(&args.dir, window)?;
    let count = report.violations.len();
    if count == 0 {
        let mut out = std::io::stdout().lock();
        let unchecked = match report.absent.as_slice() {
            [] => String::new(),
            absent => format!(
                " (no file for {}: their rows and the keys into them are not checked)",
                absent.join(", ")
            ),
        };
        return writeln!(
            out,
            "ok: {}, {}, every invariant holds{unchecked}",
            plural(report.files as u64, "file"),
            plural(report.rows, "row")
        )
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("standard output", e));
    }
    let mut err = std::io::stderr().lock();
    // A closed stderr must not hide the verdict: the exit code still says it.
    for violation in report.violations.iter().take(args.max_shown) {
        let _ = writeln!(err, "ecomgen: {violation}");
    }
    if count > args.max_shown {
        let _ = writeln!(
            err,
            "ecomgen: ... and {} more (raise --max-shown to see them)",
            count - args.max_shown
        );
    }
    Err(Error::Invalid(count as u64))
}

/// Flags win; then the manifest a run writes next to its files; then the generator's
/// default year. The manifest is read only when a flag is missing, so a broken one
/// does not matter when both are given.
fn resolve_window(args: &ValidateArgs) -> Result<Window> {
    let (mut start, mut end) = (args.start_date, args.end_date);
    if start.is_none() || end.is_none() {
        let (manifest_start, manifest_end) = manifest_dates(&args.dir)?;
        start = start.or(manifest_start);
        end = end.or(manifest_end);
    }
    let start = start.unwrap_or(Window::default().first_day());
    let end = end.unwrap_or(Window::default().last_day());
    if start > end {
        return Err(Error::Usage(format!(
            "the window starts on {start}, after its end {end}"
        )));
    }
    Ok(Window::new(start, end))
}

/// `settings.start_date` and `settings.end_date` of `DIR/manifest.json`, if it exists.
fn manifest_dates(dir: &Path) -> Result<(Option<Date>, Option<Date>)> {
    let path = dir.join("manifest.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((None, None)),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let manifest: Value = serde_json::from_str(&text).map_err(|e| {
        Error::Runtime(format!(
            "{}: not valid JSON ({e}); give --start-date and --end-date",
            path.display()
        ))
    })?;
    let date = |key: &str| match manifest.pointer(&format!("/settings/{key}")) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Date::parse(s).map(Some).ok_or_else(|| {
            Error::Runtime(format!(
                "{}: settings.{key} is {s:?}, not a date YYYY-MM-DD",
                path.display()
            ))
        }),
        Some(other) => Err(Error::Runtime(format!(
            "{}: settings.{key} is {other}, not a date YYYY-MM-DD",
            path.display()
        ))),
    };
    Ok((date("start_date")?, date("end_date")?))
}

// ---------------------------------------------------------------------------------
// Rows in memory

/// Set in an end offset when the value is missing.
const MISSING: u32 = 1 << 31;

/// One row: its values back to back, and where each ends (in schema order).
struct Row {
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

#[derive(Default)]
struct RowBuilder {
    text: String,
    ends: Vec<u32>,
}

impl RowBuilder {
    /// An empty value is a missing one: CSV cannot tell them apart, and the data model
    /// writes a missing value as empty in CSV and XML.
    fn push(&mut self, value: Option<&str>) -> Result<(), String> {
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

    fn finish(&mut self) -> Row {
        let row = Row {
            text: self.text.as_str().into(),
            ends: self.ends.as_slice().into(),
        };
        self.text.clear();
        self.ends.clear();
        row
    }
}

/// The rows of one file (or of the order items nested in one).
struct Table {
    /// What violations name: the entity, or `order_items`.
    name: &'static str,
    fields: &'static [Field],
    rows: Vec<Row>,
    /// Rows whose set of fields was wrong: reported once, so the values they lack are
    /// not reported again as missing.
    misshapen: HashSet<usize>,
}

impl Table {
    fn new(name: &'static str, fields: &'static [Field]) -> Self {
        Table {
            name,
            fields,
            rows: Vec::new(),
            misshapen: HashSet::new(),
        }
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    /// The column of a field the checks rely on. The schema is the source of truth: if
    /// it lost a field a check needs, the validator must be updated, not guess.
    fn col(&self, name: &str) -> Result<usize> {
        self.opt_col(name).ok_or_else(|| {
            Error::Runtime(format!(
                "the validator checks {}.{name}, which the schema no longer has",
                self.name
            ))
        })
    }

    fn opt_col(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    fn get(&self, row: usize, col: usize) -> Option<&str> {
        self.rows[row].get(col)
    }

    fn money(&self, row: usize, col: usize) -> Option<i64> {
        self.get(row, col).and_then(parse_money)
    }

    fn int(&self, row: usize, col: usize) -> Option<i64> {
        self.get(row, col).and_then(parse_int)
    }

    fn ts(&self, row: usize, col: usize) -> Option<Timestamp> {
        self.get(row, col).and_then(Timestamp::parse)
    }

    fn date(&self, row: usize, col: usize) -> Option<Date> {
        self.get(row, col).and_then(Date::parse)
    }

    /// A key value fit for a lookup: a malformed id is reported by the format checks
    /// and must not be reported again as a dangling reference.
    fn id(&self, row: usize, col: usize) -> Option<&str> {
        self.get(row, col).filter(|v| is_uuid(v))
    }
}

#[derive(Default)]
struct Sink(Vec<Violation>);

impl Sink {
    fn add(&mut self, entity: &str, row: Option<usize>, rule: &'static str, message: String) {
        self.0.push(Violation {
            entity: entity.to_string(),
            row: row.map(|r| r as u64),
            rule,
            message,
        });
    }

    fn at(&mut self, table: &Table, row: usize, rule: &'static str, message: String) {
        self.add(table.name, Some(row), rule, message);
    }
}

// ---------------------------------------------------------------------------------
// Value formats

use crate::generate::orders::ORDER_STATUSES;
use crate::generate::payments::PAYMENT_STATUSES;
use crate::generate::shipping::SHIPMENT_STATUSES;

/// Orders whose payment was captured: their completed payments add up to the total.
const PAID_STATUSES: &[&str] = &["processing", "shipped", "delivered", "returned"];
const SHIPPED_STATUSES: &[&str] = &["shipped", "delivered", "returned"];
const DELIVERED_STATUSES: &[&str] = &["delivered", "returned"];

/// An order's event as the dataset tells it: not known from what was read, never
/// happened, or happened at a moment.
enum Event {
    Unknown,
    Never,
    At(Timestamp),
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

fn parse_money(s: &str) -> Option<i64> {
    Money::parse(s).map(Money::cents)
}

fn parse_int(s: &str) -> Option<i64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    if !digits(body) {
        return None;
    }
    s.parse().ok()
}

fn well_formed(ty: FieldType, v: &str) -> bool {
    match ty {
        FieldType::Uuid => is_uuid(v),
        FieldType::Text => true,
        FieldType::Integer => parse_int(v).is_some(),
        FieldType::Boolean => v == "true" || v == "false",
        FieldType::Money | FieldType::Decimal => parse_money(v).is_some(),
        FieldType::Timestamp => Timestamp::parse(v).is_some(),
        FieldType::Date => Date::parse(v).is_some(),
    }
}

fn format_rule(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Uuid => "format: uuid",
        FieldType::Text => "format: text",
        FieldType::Integer => "format: integer",
        FieldType::Boolean => "format: boolean",
        FieldType::Money | FieldType::Decimal => "format: money",
        FieldType::Timestamp => "format: timestamp",
        FieldType::Date => "format: date",
    }
}

fn format_expected(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Uuid => "a lowercase hyphenated UUID",
        FieldType::Text => "text",
        FieldType::Integer => "a whole number",
        FieldType::Boolean => "true or false",
        FieldType::Money | FieldType::Decimal => "an amount with exactly two decimals, like 107.99",
        FieldType::Timestamp => "a timestamp YYYY-MM-DDTHH:MM:SS",
        FieldType::Date => "a date YYYY-MM-DD",
    }
}

/// A value as a message quotes it: edited files can hold anything, of any length.
fn shown(v: &str) -> String {
    const MAX: usize = 60;
    match v.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{:?}...", &v[..cut]),
        None => format!("{v:?}"),
    }
}

fn money_text(cents: i64) -> String {
    Money(cents).to_string()
}

fn window_text(window: Window) -> String {
    format!("{}..{}", window.first_day(), window.last_day())
}

// ---------------------------------------------------------------------------------
// Finding and reading the files

const FORMATS: [Format; 4] = [Format::Csv, Format::Json, Format::Jsonl, Format::Xml];

fn file_stems(format: Format) -> impl Iterator<Item = &'static str> {
    Entity::ALL
        .iter()
        .map(|e| e.name())
        .chain(format.is_flat().then_some(orders::ITEMS_TABLE.name))
}

fn check_is_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "{} is not a directory holding a dataset",
            dir.display()
        )))
    }
}

/// File names with the entity each holds.
type ListedFiles = Vec<(String, &'static str)>;

/// The format and the files (with their entities) that `DIR/manifest.json` says the
/// last run wrote there, so files another run left beside them do not matter. `None`
/// without a manifest, or with one that cannot be read: then the files themselves tell.
fn listed_files(dir: &Path) -> Result<Option<(Format, ListedFiles)>> {
    let Ok(text) = std::fs::read_to_string(dir.join("manifest.json")) else {
        return Ok(None);
    };
    let Ok(manifest) = serde_json::from_str::<Value>(&text) else {
        return Ok(None);
    };
    let Some(format) = manifest
        .pointer("/settings/format")
        .and_then(|f| serde_json::from_value::<Format>(f.clone()).ok())
    else {
        return Ok(None);
    };
    if !FORMATS.contains(&format) {
        return Err(Error::Usage(format!(
            "{} holds --format {} output (manifest.json); validate reads csv, json, jsonl \
             and xml. Check it in the database with the reconcile.sql that --format sql \
             writes, or generate the same seed as csv and validate that",
            dir.display(),
            format.name()
        )));
    }
    let mut files = Vec::new();
    for entry in manifest["files"].as_array().into_iter().flatten() {
        let Some(file) = entry["file"].as_str() else {
            continue;
        };
        let entity = file_stems(format)
            .find(|stem| file == format!("{stem}.{}", format.extension()))
            .unwrap_or("manifest");
        files.push((file.to_string(), entity));
    }
    Ok(Some((format, files)))
}

fn detect_format(dir: &Path) -> Result<Format> {
    let mut found: Vec<(Format, Vec<String>)> = Vec::new();
    for format in FORMATS {
        let names: Vec<String> = file_stems(format)
            .map(|stem| format!("{stem}.{}", format.extension()))
            .filter(|name| dir.join(name).is_file())
            .collect();
        if !names.is_empty() {
            found.push((format, names));
        }
    }
    let parts = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .flatten()
        .any(|entry| entry.file_name().to_string_lossy().contains(".part-"));
    match found.as_slice() {
        [] if parts => Err(Error::Usage(format!(
            "{} holds parts of a partitioned run; validate checks a whole dataset: concatenate \
             each entity's parts into one file (README, \"Big data: threads and parts\") and \
             validate that",
            dir.display()
        ))),
        [] => Err(Error::Usage(format!(
            "no dataset file in {} (expected files named after the entities, such as \
             users.csv, orders.json, payments.jsonl or reviews.xml; SQL, Parquet and SQLite \
             output is checked by loading it into a database)",
            dir.display()
        ))),
        [(format, _)] => Ok(*format),
        _ => {
            let listed: Vec<String> = found
                .iter()
                .map(|(f, names)| format!("{} ({})", f.extension(), names.join(", ")))
                .collect();
            Err(Error::Usage(format!(
                "{} holds dataset files of more than one format: {}; validate one format \
                 per directory",
                dir.display(),
                listed.join("; ")
            )))
        }
    }
}

struct Dataset {
    /// By position in `Entity::ALL`; `None` when the file is absent or unreadable.
    tables: Vec<Option<Table>>,
    items: Option<Table>,
    files: usize,
    rows: u64,
}

impl Dataset {
    fn table(&self, entity: Entity) -> Option<&Table> {
        let i = Entity::ALL.iter().position(|e| *e == entity)?;
        self.tables[i].as_ref()
    }
}

fn load(dir: &Path, format: Format, sink: &mut Sink) -> Result<Dataset> {
    let mut data = Dataset {
        tables: Entity::ALL.iter().map(|_| None).collect(),
        items: None,
        files: 0,
        rows: 0,
    };
    for (i, entity) in Entity::ALL.into_iter().enumerate() {
        let nested = entity == Entity::Orders && !format.is_flat();
        let loader = Loader::new(entity.name(), entity.table().fields, Some(entity), nested);
        if let Some((table, items)) = read_file(dir, format, loader, &mut data.files, sink)? {
            data.rows += table.len() as u64 + items.as_ref().map_or(0, |t| t.len() as u64);
            data.tables[i] = Some(table);
            if nested {
                data.items = items;
            }
        }
    }
    if format.is_flat() {
        let spec = orders::ITEMS_TABLE;
        let loader = Loader::new(spec.name, spec.fields, None, false);
        match read_file(dir, format, loader, &mut data.files, sink)? {
            Some((items, _)) => {
                data.rows += items.len() as u64;
                data.items = Some(items);
            }
            None if data.table(Entity::Orders).is_some()
                && !dir.join(format!("{}.csv", spec.name)).is_file() =>
            {
                sink.add(
                    spec.name,
                    None,
                    "format: file",
                    format!(
                        "orders.csv is present but {}.csv is missing: the orders' items are \
                         not checked",
                        spec.name
                    ),
                );
            }
            None => {}
        }
    }
    Ok(data)
}

/// Reads one file if it exists. A file that does not parse is a violation, and its
/// entity is then treated as absent, since its rows cannot be trusted.
fn read_file(
    dir: &Path,
    format: Format,
    mut loader: Loader,
    files: &mut usize,
    sink: &mut Sink,
) -> Result<Option<(Table, Option<Table>)>> {
    let name = format!("{}.{}", loader.table.name, format.extension());
    let path = dir.join(&name);
    if !path.is_file() {
        return Ok(None);
    }
    *files += 1;
    let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
    let outcome = match format {
        Format::Csv => loader.csv(file, sink),
        Format::Json => loader.json(file, sink),
        Format::Jsonl => loader.jsonl(file, sink),
        Format::Xml => loader.xml(file, sink),
        // Never detected: SQL scripts, Parquet and SQLite files are checked by the
        // engines that read them.
        Format::Sql | Format::Parquet | Format::Sqlite => {
            Err("this format is not read back; load it into a database".to_string())
        }
    };
    match outcome {
        Ok(()) => Ok(Some((loader.table, loader.items))),
        Err(problem) => {
            sink.add(
                loader.table.name,
                None,
                "format: file",
                format!("{name}: {problem}; the file is not checked further"),
            );
            Ok(None)
        }
    }
}

/// What is wrong with a row's (or a header's) set of fields, if anything.
fn shape_problem(expected: &[&str], names: &[&str]) -> Option<String> {
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|e| !names.contains(e))
        .collect();
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !expected.contains(name) {
            unknown.push(*name);
        } else if names[..i].contains(name) && !repeated.contains(name) {
            repeated.push(*name);
        }
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("lacks {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        let unknown: Vec<String> = unknown.iter().map(|n| shown(n)).collect();
        parts.push(format!("has unknown fields {}", unknown.join(", ")));
    }
    if !repeated.is_empty() {
        parts.push(format!("repeats {}", repeated.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Builds the table of one file, and for orders in a tree format the table of their
/// nested items, with the `order_id` each item gets from its order.
struct Loader {
    table: Table,
    entity: Option<Entity>,
    /// Field names a row must have: the schema's, plus `items` when nested.
    expected: Vec<&'static str>,
    items: Option<Table>,
    /// Field names a nested item must have: the schema's but `order_id`.
    item_expected: Vec<&'static str>,
    builder: RowBuilder,
}

type Pairs<'a> = [(&'a str, Option<&'a str>)];

impl Loader {
    fn new(
        name: &'static str,
        fields: &'static [Field],
        entity: Option<Entity>,
        nested: bool,
    ) -> Self {
        let mut expected: Vec<&'static str> = fields.iter().map(|f| f.name).collect();
        let mut items = None;
        let mut item_expected = Vec::new();
        if nested {
            expected.push(CHILDREN.0);
            items = Some(Table::new(orders::ITEMS_TABLE.name, orders::ITEM_FIELDS));
            item_expected = orders::ITEM_FIELDS
                .iter()
                .map(|f| f.name)
                .filter(|n| *n != "order_id")
                .collect();
        }
        Loader {
            table: Table::new(name, fields),
            entity,
            expected,
            items,
            item_expected,
            builder: RowBuilder::default(),
        }
    }

    /// Adds a row; `names` are the field names the source row had (nested `items`
    /// included), `pairs` its values.
    fn add_row(&mut self, names: &[&str], pairs: &Pairs, sink: &mut Sink) -> Result<(), String> {
        let row = self.table.len();
        if let Some(problem) = shape_problem(&self.expected, names) {
            sink.at(
                &self.table,
                row,
                "format: fields",
                format!("the row {problem}"),
            );
            self.table.misshapen.insert(row);
        }
        for field in self.table.fields {
            let value = pairs.iter().find(|p| p.0 == field.name).and_then(|p| p.1);
            self.builder.push(value)?;
        }
        self.table.rows.push(self.builder.finish());
        Ok(())
    }

    fn add_item(
        &mut self,
        order_id: Option<&str>,
        pairs: &Pairs,
        sink: &mut Sink,
    ) -> Result<(), String> {
        let Some(items) = &mut self.items else {
            return Ok(());
        };
        let row = items.len();
        let names: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        if let Some(problem) = shape_problem(&self.item_expected, &names) {
            // The order's own row is already in: items are added after it.
            let order_row = self.table.len().saturating_sub(1);
            sink.at(
                items,
                row,
                "format: fields",
                format!("the item (of orders row {order_row}) {problem}"),
            );
            items.misshapen.insert(row);
        }
        for field in items.fields {
            let value = match field.name {
                "order_id" => order_id,
                name => pairs.iter().find(|p| p.0 == name).and_then(|p| p.1),
            };
            self.builder.push(value)?;
        }
        items.rows.push(self.builder.finish());
        Ok(())
    }

    fn csv(&mut self, file: File, sink: &mut Sink) -> Result<(), String> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(BufReader::new(file));
        let header = reader
            .headers()
            .map_err(|e| format!("unreadable header: {e}"))?
            .clone();
        let names: Vec<&str> = header.iter().collect();
        if let Some(problem) = shape_problem(&self.expected, &names) {
            return Err(format!("the header {problem}"));
        }
        let positions: Vec<Option<usize>> = self
            .table
            .fields
            .iter()
            .map(|f| names.iter().position(|n| *n == f.name))
            .collect();
        let mut record = csv::StringRecord::new();
        loop {
            let row = self.table.len();
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return Ok(()),
                Err(e) => return Err(format!("row {row} is not readable CSV: {e}")),
            }
            if record.len() != names.len() {
                sink.at(
                    &self.table,
                    row,
                    "format: fields",
                    format!(
                        "the row has {} for the header's {} columns",
                        plural(record.len() as u64, "value"),
                        names.len()
                    ),
                );
                self.table.misshapen.insert(row);
            }
            for position in &positions {
                self.builder.push(position.and_then(|p| record.get(p)))?;
            }
            self.table.rows.push(self.builder.finish());
        }
    }

    fn json(&mut self, file: File, sink: &mut Sink) -> Result<(), String> {
        use serde::de::DeserializeSeed;
        let mut de = serde_json::Deserializer::from_reader(BufReader::new(file));
        let mut failure = None;
        let mut each = |value: Value| match self.json_row(value, sink) {
            Ok(()) => true,
            Err(problem) => {
                failure = Some(problem);
                false
            }
        };
        let parsed = EachElement(&mut each)
            .deserialize(&mut de)
            .and_then(|()| de.end());
        if let Some(problem) = failure {
            return Err(problem);
        }
        parsed.map_err(|e| format!("not a JSON array of rows: {e}"))
    }

    fn jsonl(&mut self, file: File, sink: &mut Sink) -> Result<(), String> {
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let value: Value =
                serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
            self.json_row(value, sink)?;
        }
        Ok(())
    }

    fn json_row(&mut self, value: Value, sink: &mut Sink) -> Result<(), String> {
        let row = self.table.len();
        let Value::Object(map) = value else {
            return Err(format!("row {row} is {}, not an object", json_kind(&value)));
        };
        let names: Vec<&str> = map.keys().map(String::as_str).collect();
        let fields = self.table.fields;
        let pairs = json_pairs(&map, fields, |rule, message| {
            sink.add(self.table.name, Some(row), rule, message)
        });
        let pairs: Vec<(&str, Option<&str>)> =
            pairs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
        self.add_row(&names, &pairs, sink)?;
        if self.items.is_none() {
            return Ok(());
        }
        let order_id = map.get("order_id").and_then(Value::as_str);
        match map.get(CHILDREN.0) {
            None => {}
            Some(Value::Array(items)) => {
                for item in items {
                    let Value::Object(item) = item else {
                        return Err(format!(
                            "an item of row {row} is {}, not an object",
                            json_kind(item)
                        ));
                    };
                    let item_row = self.items.as_ref().map_or(0, Table::len);
                    let pairs = json_pairs(item, orders::ITEM_FIELDS, |rule, message| {
                        sink.add(orders::ITEMS_TABLE.name, Some(item_row), rule, message)
                    });
                    let pairs: Vec<(&str, Option<&str>)> =
                        pairs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
                    self.add_item(order_id, &pairs, sink)?;
                }
            }
            Some(other) => sink.at(
                &self.table,
                row,
                "format: json type",
                format!("items is {}, not an array", json_kind(other)),
            ),
        }
        Ok(())
    }

    fn xml(&mut self, file: File, sink: &mut Sink) -> Result<(), String> {
        let mut xml = XmlReader::new(file);
        let root = self.table.name;
        let row_tag = self.entity.map_or("", |e: Entity| e.table().row_tag);
        loop {
            match xml.next()? {
                Ev::Start(name) if name == root => break,
                Ev::Empty(name) if name == root => return xml.expect_end_of_document(root),
                Ev::Start(name) | Ev::Empty(name) => {
                    return Err(format!("the root element is <{name}>, expected <{root}>"));
                }
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(_) => return Err("text before the root element".to_string()),
                Ev::Skip => {}
                Ev::End => return Err("a closing tag before the root element".to_string()),
                Ev::Eof => return Err("no root element".to_string()),
            }
        }
        loop {
            match xml.next()? {
                Ev::Start(name) if name == row_tag => {
                    let (pairs, items) = xml.row(row_tag, self.items.is_some())?;
                    self.add_xml_row(&pairs, items, sink)?;
                }
                Ev::Empty(name) if name == row_tag => self.add_xml_row(&[], None, sink)?,
                Ev::Start(name) | Ev::Empty(name) => {
                    return Err(format!(
                        "element <{name}> in <{root}>, where rows are <{row_tag}>"
                    ));
                }
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(t) => return Err(format!("text {} inside <{root}>", shown(&t))),
                Ev::Skip => {}
                Ev::End => return xml.expect_end_of_document(root),
                Ev::Eof => return Err(format!("the document ends before </{root}>")),
            }
        }
    }

    fn add_xml_row(
        &mut self,
        pairs: &[(String, Option<String>)],
        items: Option<Vec<XmlPairs>>,
        sink: &mut Sink,
    ) -> Result<(), String> {
        let mut names: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
        if items.is_some() {
            names.push(CHILDREN.0);
        }
        let view: Vec<(&str, Option<&str>)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        self.add_row(&names, &view, sink)?;
        let order_id = view.iter().find(|p| p.0 == "order_id").and_then(|p| p.1);
        for item in items.iter().flatten() {
            let item: Vec<(&str, Option<&str>)> = item
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_deref()))
                .collect();
            self.add_item(order_id, &item, sink)?;
        }
        Ok(())
    }
}

/// Field name and element name of the items nested in an order.
const CHILDREN: (&str, &str) = match orders::ITEMS_TABLE.nesting {
    Some(n) => (n.wrapper, n.tag),
    None => ("items", "item"),
};

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON object's values as text, checking that each has the JSON type the data model
/// gives its field (money, ids and times are strings; a missing value is null).
fn json_pairs<'m>(
    map: &'m serde_json::Map<String, Value>,
    fields: &[Field],
    mut report: impl FnMut(&'static str, String),
) -> Vec<(&'m str, Option<Cow<'m, str>>)> {
    let mut pairs = Vec::with_capacity(map.len());
    for (key, value) in map {
        if key == CHILDREN.0 && matches!(value, Value::Array(_)) {
            continue;
        }
        let field = fields.iter().find(|f| f.name == key);
        let expected = field.map(|f| match f.ty {
            FieldType::Integer => "a number",
            FieldType::Boolean => "a boolean",
            _ => "a string",
        });
        let text = match value {
            Value::Null => None,
            Value::String(s) if s.is_empty() && field.is_some() => {
                report(
                    "format: json type",
                    format!("{key} is an empty string; a missing value is null in JSON"),
                );
                None
            }
            Value::String(s) => Some(Cow::Borrowed(s.as_str())),
            Value::Number(n) => Some(Cow::Owned(n.to_string())),
            Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
            Value::Array(_) | Value::Object(_) => None,
        };
        if let Some(expected) = expected
            && !value.is_null()
            && json_kind(value) != expected
        {
            report(
                "format: json type",
                format!(
                    "{key} is {}; the data model writes it as {expected}",
                    json_kind(value)
                ),
            );
        }
        pairs.push((key.as_str(), text));
    }
    pairs
}

/// Streams the elements of a JSON array one at a time, so a large file is never held
/// as one JSON tree. The callback returns false to stop.
struct EachElement<'f>(&'f mut dyn FnMut(Value) -> bool);

impl<'de> serde::de::DeserializeSeed<'de> for EachElement<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for EachElement<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of objects")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            if !(self.0)(value) {
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

type XmlPairs = Vec<(String, Option<String>)>;

/// XML events reduced to what a dataset file may hold, with entity and character
/// references resolved into text.
enum Ev {
    Start(String),
    Empty(String),
    End,
    Text(String),
    /// Declarations, comments, processing instructions.
    Skip,
    Eof,
}

struct XmlReader {
    reader: quick_xml::Reader<BufReader<File>>,
    buf: Vec<u8>,
}

impl XmlReader {
    fn new(file: File) -> Self {
        XmlReader {
            reader: quick_xml::Reader::from_reader(BufReader::new(file)),
            buf: Vec::new(),
        }
    }

    fn next(&mut self) -> Result<Ev, String> {
        use quick_xml::events::Event;
        self.buf.clear();
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => event,
            Err(e) => {
                return Err(format!(
                    "not well-formed XML at byte {}: {e}",
                    self.reader.error_position()
                ));
            }
        };
        let at = self.reader.buffer_position();
        Ok(match event {
            Event::Start(e) => Ev::Start(e.name().as_ref().to_string()),
            Event::Empty(e) => Ev::Empty(e.name().as_ref().to_string()),
            Event::End(_) => Ev::End,
            Event::Text(t) => Ev::Text(t.xml10_content().into_owned()),
            Event::CData(t) => Ev::Text(t.into_inner().into_owned()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r)
                        .ok_or_else(|| format!("unknown entity &{}; at byte {at}", &*r))?
                        .to_string(),
                    Err(e) => return Err(format!("bad character reference at byte {at}: {e}")),
                };
                Ev::Text(resolved)
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => Ev::Skip,
            Event::Eof => Ev::Eof,
        })
    }

    /// The fields of a row element (whose start was just read), and its nested items
    /// when `nested`.
    fn row(
        &mut self,
        tag: &str,
        nested: bool,
    ) -> Result<(XmlPairs, Option<Vec<XmlPairs>>), String> {
        let mut pairs = Vec::new();
        let mut items: Option<Vec<XmlPairs>> = None;
        loop {
            match self.next()? {
                Ev::Start(name) if nested && name == CHILDREN.0 => {
                    if items.is_some() {
                        return Err(format!("a <{tag}> repeats <{name}>"));
                    }
                    items = Some(self.items()?);
                }
                Ev::Empty(name) if nested && name == CHILDREN.0 => {
                    if items.is_some() {
                        return Err(format!("a <{tag}> repeats <{name}>"));
                    }
                    items = Some(Vec::new());
                }
                Ev::Start(name) => {
                    let value = self.text_of(&name)?;
                    pairs.push((name, value));
                }
                Ev::Empty(name) => pairs.push((name, None)),
                Ev::End => return Ok((pairs, items)),
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(t) => return Err(format!("text {} directly inside <{tag}>", shown(&t))),
                Ev::Skip => {}
                Ev::Eof => return Err(format!("the document ends inside <{tag}>")),
            }
        }
    }

    fn items(&mut self) -> Result<Vec<XmlPairs>, String> {
        let (wrapper, tag) = CHILDREN;
        let mut items = Vec::new();
        loop {
            match self.next()? {
                Ev::Start(name) if name == tag => items.push(self.row(tag, false)?.0),
                Ev::Empty(name) if name == tag => items.push(Vec::new()),
                Ev::Start(name) | Ev::Empty(name) => {
                    return Err(format!(
                        "element <{name}> in <{wrapper}>, where items are <{tag}>"
                    ));
                }
                Ev::End => return Ok(items),
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(t) => return Err(format!("text {} inside <{wrapper}>", shown(&t))),
                Ev::Skip => {}
                Ev::Eof => return Err(format!("the document ends inside <{wrapper}>")),
            }
        }
    }

    /// The text of a field element (whose start was just read); empty is missing.
    fn text_of(&mut self, field: &str) -> Result<Option<String>, String> {
        let mut value = String::new();
        loop {
            match self.next()? {
                Ev::Text(t) => value.push_str(&t),
                Ev::End => return Ok((!value.is_empty()).then_some(value)),
                Ev::Skip => {}
                Ev::Start(name) | Ev::Empty(name) => {
                    return Err(format!("element <{name}> inside field <{field}>"));
                }
                Ev::Eof => return Err(format!("the document ends inside <{field}>")),
            }
        }
    }

    fn expect_end_of_document(&mut self, root: &str) -> Result<(), String> {
        loop {
            match self.next()? {
                Ev::Eof => return Ok(()),
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Skip => {}
                _ => return Err(format!("content after </{root}>")),
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Checks of single values: formats, required values, enumerations, the window (14)

fn check_values(t: &Table, window: Window, sink: &mut Sink) {
    let in_window: Vec<bool> = t
        .fields
        .iter()
        .map(|f| f.ty == FieldType::Timestamp && f.name.ends_with("_at"))
        .collect();
    // The schema lists the values of enumerated fields.
    let enums: Vec<(usize, &[&str])> = t
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.values.is_empty())
        .map(|(c, f)| (c, f.values))
        .collect();
    for row in 0..t.len() {
        for (c, field) in t.fields.iter().enumerate() {
            let Some(v) = t.get(row, c) else {
                if !field.nullable && !t.misshapen.contains(&row) {
                    sink.at(
                        t,
                        row,
                        "format: required",
                        format!("{} is missing; it is required", field.name),
                    );
                }
                continue;
            };
            if !well_formed(field.ty, v) {
                sink.at(
                    t,
                    row,
                    format_rule(field.ty),
                    format!(
                        "{} is {}, not {}",
                        field.name,
                        shown(v),
                        format_expected(field.ty)
                    ),
                );
                continue;
            }
            if in_window[c]
                && let Some(at) = Timestamp::parse(v)
                && !window.contains(at)
            {
                sink.at(
                    t,
                    row,
                    "14 window",
                    format!(
                        "{} {v} is outside the window {}",
                        field.name,
                        window_text(window)
                    ),
                );
            }
        }
        for &(c, allowed) in &enums {
            if let Some(v) = t.get(row, c)
                && !allowed.contains(&v)
            {
                sink.at(
                    t,
                    row,
                    "format: enum",
                    format!(
                        "{} is {}, not one of {}",
                        t.fields[c].name,
                        shown(v),
                        allowed.join(", ")
                    ),
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Checks across rows and files: invariants 1 to 13

/// Rows of a child table grouped by the parent row they point to.
struct Groups {
    start: Vec<usize>,
    members: Vec<usize>,
}

impl Groups {
    fn new(parents: usize, child: &Table, col: usize, index: &HashMap<&str, usize>) -> Groups {
        let parent_of: Vec<Option<usize>> = (0..child.len())
            .map(|r| child.id(r, col).and_then(|id| index.get(id).copied()))
            .collect();
        let mut start = vec![0; parents + 1];
        for p in parent_of.iter().flatten() {
            start[p + 1] += 1;
        }
        for i in 0..parents {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut members = vec![0; start[parents]];
        for (r, p) in parent_of.iter().enumerate() {
            if let Some(p) = p {
                members[next[*p]] = r;
                next[*p] += 1;
            }
        }
        Groups { start, members }
    }

    fn of(&self, parent: usize) -> &[usize] {
        &self.members[self.start[parent]..self.start[parent + 1]]
    }
}

/// The dataset with its primary-key indexes and the children of each order.
struct Ctx<'a> {
    data: &'a Dataset,
    window: Window,
    keys: HashMap<Entity, HashMap<&'a str, usize>>,
    item_keys: Option<HashMap<&'a str, usize>>,
    items_of: Option<Groups>,
    payments_of: Option<Groups>,
    shipments_of: Option<Groups>,
    returns_of: Option<Groups>,
}

/// First row of each key; repeated keys are reported (invariant 1).
fn key_index<'a>(t: &'a Table, col: usize, sink: &mut Sink) -> HashMap<&'a str, usize> {
    let mut index = HashMap::with_capacity(t.len());
    for row in 0..t.len() {
        let Some(id) = t.id(row, col) else { continue };
        if let Some(&first) = index.get(id) {
            sink.at(
                t,
                row,
                "1 primary key",
                format!("{} {id} repeats record {}", t.fields[col].name, first + 1),
            );
        } else {
            index.insert(id, row);
        }
    }
    index
}

fn primary_col(t: &Table) -> Option<usize> {
    t.fields.iter().position(|f| f.key == Key::Primary)
}

impl<'a> Ctx<'a> {
    fn new(data: &'a Dataset, window: Window, sink: &mut Sink) -> Result<Ctx<'a>> {
        let mut keys = HashMap::new();
        for entity in Entity::ALL {
            if let Some(t) = data.table(entity)
                && let Some(col) = primary_col(t)
            {
                keys.insert(entity, key_index(t, col, sink));
            }
        }
        let item_keys = match &data.items {
            Some(t) => primary_col(t).map(|col| key_index(t, col, sink)),
            None => None,
        };
        let mut ctx = Ctx {
            data,
            window,
            keys,
            item_keys,
            items_of: None,
            payments_of: None,
            shipments_of: None,
            returns_of: None,
        };
        if let (Some(orders), Some(index)) =
            (data.table(Entity::Orders), ctx.keys.get(&Entity::Orders))
        {
            let group = |child: Option<&Table>| -> Result<Option<Groups>> {
                match child {
                    Some(t) => Ok(Some(Groups::new(
                        orders.len(),
                        t,
                        t.col("order_id")?,
                        index,
                    ))),
                    None => Ok(None),
                }
            };
            ctx.items_of = group(data.items.as_ref())?;
            ctx.payments_of = group(data.table(Entity::Payments))?;
            ctx.shipments_of = group(data.table(Entity::Shipping))?;
            ctx.returns_of = group(data.table(Entity::Returns))?;
        }
        Ok(ctx)
    }

    fn table(&self, entity: Entity) -> Option<&'a Table> {
        self.data.table(entity)
    }

    /// The row an id names in `entity`, when that entity was read.
    fn find(&self, entity: Entity, id: Option<&str>) -> Option<usize> {
        self.keys.get(&entity)?.get(id?).copied()
    }

    /// When the user an id names signed up, when users were read.
    fn signup_of(&self, user: Option<&str>) -> Option<Timestamp> {
        let users = self.table(Entity::Users)?;
        users.ts(
            self.find(Entity::Users, user)?,
            users.opt_col("created_at")?,
        )
    }

    /// The user who placed the order at row `order`, when orders were read.
    fn buyer_of(&self, order: usize) -> Option<&'a str> {
        let orders = self.table(Entity::Orders)?;
        orders.id(order, orders.opt_col("user_id")?)
    }

    fn check(&self, sink: &mut Sink) -> Result<()> {
        self.keys_and_references(sink)?;
        self.users(sink)?;
        self.categories(sink)?;
        self.products_and_inventory(sink)?;
        self.orders(sink)?;
        self.payments(sink)?;
        self.shipping(sink)?;
        self.returns(sink)?;
        self.reviews(sink)?;
        self.support_tickets(sink)?;
        self.promotions(sink)?;
        self.wishlists(sink)?;
        self.notifications(sink)?;
        self.user_analytics(sink)?;
        self.product_analytics(sink)
    }

    /// Invariant 1 (primary keys are checked while indexing) and the unique fields of
    /// the schema.
    fn keys_and_references(&self, sink: &mut Sink) -> Result<()> {
        let tables = Entity::ALL
            .into_iter()
            .filter_map(|e| Some((Some(e), self.table(e)?)))
            .chain(self.data.items.as_ref().map(|t| (None, t)));
        for (entity, t) in tables {
            for (c, field) in t.fields.iter().enumerate() {
                match field.key {
                    Key::Unique => {
                        let rule = match entity {
                            Some(Entity::Users) => "2 users: unique",
                            Some(Entity::Products) => "3 products: sku",
                            Some(Entity::Promotions) => "11 promotions: code",
                            _ => "schema: unique",
                        };
                        let mut seen: HashMap<&str, usize> = HashMap::new();
                        for row in 0..t.len() {
                            let Some(v) = t.get(row, c) else { continue };
                            if let Some(&first) = seen.get(v) {
                                sink.at(
                                    t,
                                    row,
                                    rule,
                                    format!(
                                        "{} {} repeats record {}",
                                        field.name,
                                        shown(v),
                                        first + 1
                                    ),
                                );
                            } else {
                                seen.insert(v, row);
                            }
                        }
                    }
                    Key::Foreign(target) => {
                        let (index, target_name) = if target == schema::Table::OrderItems {
                            (self.item_keys.as_ref(), orders::ITEMS_TABLE.name)
                        } else {
                            (self.keys.get(&target.entity()), target.name())
                        };
                        let Some(index) = index else { continue };
                        for row in 0..t.len() {
                            if let Some(id) = t.id(row, c)
                                && !index.contains_key(id)
                            {
                                sink.at(
                                    t,
                                    row,
                                    "1 foreign key",
                                    format!("{} {id} matches no row of {target_name}", field.name),
                                );
                            }
                        }
                    }
                    Key::Primary | Key::None => {}
                }
            }
        }
        Ok(())
    }

    /// Invariant 2 (uniqueness is checked with the keys).
    fn users(&self, sink: &mut Sink) -> Result<()> {
        let Some(t) = self.table(Entity::Users) else {
            return Ok(());
        };
        let (created, updated) = (t.col("created_at")?, t.col("updated_at")?);
        for row in 0..t.len() {
            if let (Some(c), Some(u)) = (t.ts(row, created), t.ts(row, updated))
                && u < c
            {
                sink.at(
                    t,
                    row,
                    "2 users: updated_at",
                    format!("updated_at {u} is before created_at {c}"),
                );
            }
        }
        Ok(())
    }

    /// Invariant 3: following parents from any category ends at a department.
    fn categories(&self, sink: &mut Sink) -> Result<()> {
        let (Some(t), Some(index)) = (
            self.table(Entity::Categories),
            self.keys.get(&Entity::Categories),
        ) else {
            return Ok(());
        };
        let (id_col, parent_col) = (t.col("category_id")?, t.col("parent_category_id")?);
        let parent: Vec<Option<usize>> = (0..t.len())
            .map(|r| t.id(r, parent_col).and_then(|id| index.get(id).copied()))
            .collect();
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; t.len()];
        let mut path = Vec::new();
        for start in 0..t.len() {
            let mut node = Some(start);
            while let Some(x) = node {
                match state[x] {
                    DONE => break,
                    ON_PATH => {
                        let cycle = &path[path.iter().position(|&p| p == x).unwrap_or(0)..];
                        let first = cycle.iter().copied().min().unwrap_or(x);
                        let ids: Vec<&str> =
                            cycle.iter().filter_map(|&r| t.get(r, id_col)).collect();
                        sink.at(
                            t,
                            first,
                            "3 categories: tree",
                            format!(
                                "the category is its own ancestor: parents form a cycle of {} ({})",
                                cycle.len(),
                                ids.join(" -> ")
                            ),
                        );
                        break;
                    }
                    _ => {
                        state[x] = ON_PATH;
                        path.push(x);
                        node = parent[x];
                    }
                }
            }
            for &x in &path {
                state[x] = DONE;
            }
            path.clear();
        }
        Ok(())
    }

    /// Invariants 3 (prices) and 4.
    fn products_and_inventory(&self, sink: &mut Sink) -> Result<()> {
        if let Some(t) = self.table(Entity::Products) {
            let price = t.col("price")?;
            for row in 0..t.len() {
                if let Some(p) = t.money(row, price)
                    && p <= 0
                {
                    sink.at(
                        t,
                        row,
                        "3 products: price",
                        format!("price is {}; it must be above 0", money_text(p)),
                    );
                }
            }
        }
        if let Some(t) = self.table(Entity::Inventory) {
            let (product, warehouse, quantity) = (
                t.col("product_id")?,
                t.col("warehouse_id")?,
                t.col("quantity_on_hand")?,
            );
            let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
            for row in 0..t.len() {
                if let (Some(p), Some(w)) = (t.id(row, product), t.id(row, warehouse)) {
                    if let Some(&first) = seen.get(&(p, w)) {
                        sink.at(
                            t,
                            row,
                            "4 inventory: pair",
                            format!("product {p} in warehouse {w} repeats record {}", first + 1),
                        );
                    } else {
                        seen.insert((p, w), row);
                    }
                }
                if let Some(q) = t.int(row, quantity)
                    && q < 0
                {
                    sink.at(
                        t,
                        row,
                        "4 inventory: quantity_on_hand",
                        format!("quantity_on_hand is {q}; it cannot be negative"),
                    );
                }
            }
        }
        Ok(())
    }

    /// Invariant 5.
    fn orders(&self, sink: &mut Sink) -> Result<()> {
        if let Some(items) = &self.data.items {
            let (product, quantity, price, total) = (
                items.col("product_id")?,
                items.col("quantity")?,
                items.col("unit_price")?,
                items.col("total")?,
            );
            let products = self.table(Entity::Products);
            let product_price = products.map(|t| t.col("price")).transpose()?;
            for row in 0..items.len() {
                let q = items.int(row, quantity);
                if let Some(q) = q
                    && q < 1
                {
                    sink.at(
                        items,
                        row,
                        "5 orders: quantity",
                        format!("quantity is {q}; it must be at least 1"),
                    );
                }
                let unit = items.money(row, price);
                if let (Some(products), Some(pc), Some(unit)) = (products, product_price, unit)
                    && let Some(p) = self.find(Entity::Products, items.id(row, product))
                    && let Some(list) = products.money(p, pc)
                    && list != unit
                {
                    sink.at(
                        items,
                        row,
                        "5 orders: unit_price",
                        format!(
                            "unit_price is {}; the product's price is {}",
                            money_text(unit),
                            money_text(list)
                        ),
                    );
                }
                if let (Some(unit), Some(q), Some(t)) = (unit, q, items.money(row, total))
                    && unit.checked_mul(q) != Some(t)
                {
                    sink.at(
                        items,
                        row,
                        "5 orders: item total",
                        format!(
                            "total is {}; unit_price {} x quantity {q} is {}",
                            money_text(t),
                            money_text(unit),
                            unit.checked_mul(q)
                                .map_or("out of range".into(), money_text)
                        ),
                    );
                }
            }
        }

        let Some(o) = self.table(Entity::Orders) else {
            return Ok(());
        };
        let (user, created) = (o.col("user_id")?, o.col("created_at")?);
        let (subtotal, tax, total) = (o.col("subtotal")?, o.col("tax")?, o.col("total")?);
        // The data model makes these two optional: absent fields count as zero.
        let (shipping_cost, discount) = (o.opt_col("shipping_cost"), o.opt_col("discount"));
        for row in 0..o.len() {
            if let (Some(at), Some(signup)) = (o.ts(row, created), self.signup_of(o.id(row, user)))
                && at < signup
            {
                sink.at(
                    o,
                    row,
                    "5 orders: created_at",
                    format!("created_at {at} is before the user's created_at {signup}"),
                );
            }
            let sub = o.money(row, subtotal);
            if let (Some(groups), Some(items)) = (&self.items_of, &self.data.items) {
                let mine = groups.of(row);
                if mine.is_empty() {
                    sink.at(
                        o,
                        row,
                        "5 orders: items",
                        "the order has no items".to_string(),
                    );
                } else if let Some(sub) = sub {
                    let item_total = items.col("total")?;
                    let sum: Option<i64> = mine
                        .iter()
                        .map(|&i| items.money(i, item_total))
                        .try_fold(0i64, |acc, m| acc.checked_add(m?));
                    if let Some(sum) = sum
                        && sum != sub
                    {
                        sink.at(
                            o,
                            row,
                            "5 orders: subtotal",
                            format!(
                                "subtotal is {}; its {} items add up to {}",
                                money_text(sub),
                                mine.len(),
                                money_text(sum)
                            ),
                        );
                    }
                }
            }
            let part = |col: Option<usize>| match col {
                Some(c) => o.money(row, c),
                None => Some(0),
            };
            if let (Some(s), Some(tx), Some(sc), Some(d), Some(t)) = (
                sub,
                o.money(row, tax),
                part(shipping_cost),
                part(discount),
                o.money(row, total),
            ) {
                let expected = s + tx + sc - d;
                if expected != t {
                    sink.at(
                        o,
                        row,
                        "5 orders: total",
                        format!(
                            "total is {}; subtotal {} + tax {} + shipping_cost {} - discount {} = {}",
                            money_text(t),
                            money_text(s),
                            money_text(tx),
                            money_text(sc),
                            money_text(d),
                            money_text(expected)
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    /// Invariant 6.
    fn payments(&self, sink: &mut Sink) -> Result<()> {
        let Some(p) = self.table(Entity::Payments) else {
            return Ok(());
        };
        let (p_order, amount, p_status, paid) = (
            p.col("order_id")?,
            p.col("amount")?,
            p.col("status")?,
            p.col("paid_at")?,
        );
        let orders = self.table(Entity::Orders);
        let order_created = orders.map(|o| o.col("created_at")).transpose()?;
        for row in 0..p.len() {
            let s = p
                .get(row, p_status)
                .filter(|s| PAYMENT_STATUSES.contains(s));
            let paid_at = p.get(row, paid);
            if let Some(s) = s {
                let settled = s == "completed" || s == "refunded";
                if settled && paid_at.is_none() {
                    sink.at(
                        p,
                        row,
                        "6 payments: paid_at",
                        format!("a {s} payment has no paid_at"),
                    );
                } else if !settled && let Some(at) = paid_at {
                    sink.at(
                        p,
                        row,
                        "6 payments: paid_at",
                        format!("a {s} payment has paid_at {}; it must be empty", shown(at)),
                    );
                }
                if s == "refunded"
                    && let Some(a) = p.money(row, amount)
                    && a <= 0
                {
                    sink.at(
                        p,
                        row,
                        "6 payments: refund",
                        format!(
                            "a refund's amount is {}; it must be positive",
                            money_text(a)
                        ),
                    );
                }
            }
            if let (Some(orders), Some(oc), Some(at)) = (orders, order_created, p.ts(row, paid))
                && let Some(o) = self.find(Entity::Orders, p.id(row, p_order))
                && let Some(placed) = orders.ts(o, oc)
                && at < placed
            {
                sink.at(
                    p,
                    row,
                    "6 payments: paid_at",
                    format!("paid_at {at} is before the order's created_at {placed}"),
                );
            }
        }

        let (Some(o), Some(groups)) = (orders, &self.payments_of) else {
            return Ok(());
        };
        let (o_status, o_total, o_id) = (o.col("status")?, o.col("total")?, o.col("order_id")?);
        let returns = self.table(Entity::Returns);
        for row in 0..o.len() {
            let Some(status) = o.get(row, o_status).filter(|s| ORDER_STATUSES.contains(s)) else {
                continue;
            };
            let id = o.get(row, o_id).unwrap_or_default();
            let mine = groups.of(row);
            if mine.is_empty() {
                sink.at(
                    o,
                    row,
                    "6 payments: missing",
                    format!("the {status} order {id} has no payment rows"),
                );
                continue;
            }
            let rows_with = |wanted: &str| -> Vec<usize> {
                mine.iter()
                    .copied()
                    .filter(|&r| p.get(r, p_status) == Some(wanted))
                    .collect()
            };
            let completed = rows_with("completed");
            let refunded = rows_with("refunded");
            let sum = |rows: &[usize]| -> Option<i64> {
                rows.iter()
                    .try_fold(0i64, |acc, &r| acc.checked_add(p.money(r, amount)?))
            };
            match status {
                "cancelled" if !completed.is_empty() || !refunded.is_empty() => {
                    sink.at(
                            o,
                            row,
                            "6 payments: cancelled",
                            format!(
                                "the cancelled order {id} has {} completed and {} refunded payment rows; \
                                 orders are cancelled before payment",
                                completed.len(),
                                refunded.len()
                            ),
                        );
                }
                "pending" if rows_with("pending").is_empty() || !completed.is_empty() => {
                    sink.at(
                        o,
                        row,
                        "6 payments: pending",
                        format!(
                            "the pending order {id} has {} pending and {} completed payment rows; \
                                 it needs a pending one and no completed one",
                            rows_with("pending").len(),
                            completed.len()
                        ),
                    );
                }
                s if PAID_STATUSES.contains(&s) => {
                    if let (Some(paid), Some(total)) = (sum(&completed), o.money(row, o_total))
                        && paid != total
                    {
                        sink.at(
                            o,
                            row,
                            "6 payments: completed",
                            format!(
                                "the {status} order {id}'s completed payments add up to {}; its total is {}",
                                money_text(paid),
                                money_text(total)
                            ),
                        );
                    }
                }
                _ => {}
            }
            if status == "cancelled" {
                continue;
            }
            if let (Some(returns), Some(return_groups)) = (returns, &self.returns_of) {
                self.refunds(o, row, &refunded, returns, return_groups.of(row), sink)?;
            }
        }
        Ok(())
    }

    /// Invariant 6's refunds: the refunded payments of one order against its returns
    /// with status `refunded`: the same total, and each refund paid no earlier than the
    /// request of the return it pays. Rows do not name the return they pay, so each
    /// refund is matched to a return of the same amount requested by then.
    fn refunds(
        &self,
        o: &Table,
        order_row: usize,
        refund_rows: &[usize],
        r: &Table,
        return_rows: &[usize],
        sink: &mut Sink,
    ) -> Result<()> {
        let Some(p) = self.table(Entity::Payments) else {
            return Ok(());
        };
        let (amount, paid) = (p.col("amount")?, p.col("paid_at")?);
        let (r_status, r_refund, r_requested) = (
            r.col("status")?,
            r.col("refund_amount")?,
            r.col("requested_at")?,
        );
        let id = o.get(order_row, o.col("order_id")?).unwrap_or_default();
        let mut owed: Vec<(i64, Option<Timestamp>)> = Vec::new();
        for &rr in return_rows {
            if r.get(rr, r_status) == Some("refunded") {
                let Some(refund) = r.money(rr, r_refund) else {
                    return Ok(());
                };
                owed.push((refund, r.ts(rr, r_requested)));
            }
        }
        let mut refunds: Vec<(i64, Option<Timestamp>, usize)> = Vec::new();
        for &pr in refund_rows {
            let Some(a) = p.money(pr, amount) else {
                return Ok(());
            };
            refunds.push((a, p.ts(pr, paid), pr));
        }
        let owed_sum: i64 = owed.iter().map(|o| o.0).sum();
        let paid_sum: i64 = refunds.iter().map(|r| r.0).sum();
        if owed_sum != paid_sum {
            sink.at(
                o,
                order_row,
                "6 payments: refunds",
                format!(
                    "order {id}'s refunded payments add up to {}; its refunded returns to {}",
                    money_text(paid_sum),
                    money_text(owed_sum)
                ),
            );
        }
        // Earlier refunds first: a later one can pay any return an earlier one could,
        // so taking any return that fits never blocks a match.
        refunds.sort_by_key(|r| r.1);
        let earliest_request = owed.iter().filter_map(|o| o.1).min();
        let mut matched = vec![false; owed.len()];
        for (a, at, pr) in refunds {
            let Some(at) = at else { continue };
            let fits = owed
                .iter()
                .enumerate()
                .position(|(i, &(refund, requested))| {
                    !matched[i] && refund == a && requested.is_none_or(|q| q <= at)
                });
            if let Some(i) = fits {
                matched[i] = true;
                continue;
            }
            let same_amount = owed
                .iter()
                .enumerate()
                .filter(|(i, o)| !matched[*i] && o.0 == a)
                .filter_map(|(_, o)| o.1)
                .min();
            let requested = same_amount.or(earliest_request);
            if let Some(requested) = requested
                && at < requested
            {
                sink.at(
                    p,
                    pr,
                    "6 payments: refunds",
                    format!(
                        "the refund of {} is paid at {at}, before its return was requested at {requested}",
                        money_text(a)
                    ),
                );
            }
        }
        Ok(())
    }

    /// Invariant 7.
    fn shipping(&self, sink: &mut Sink) -> Result<()> {
        let Some(s) = self.table(Entity::Shipping) else {
            return Ok(());
        };
        let (s_order, shipped, delivered, status) = (
            s.col("order_id")?,
            s.col("shipped_at")?,
            s.col("delivered_at")?,
            s.col("status")?,
        );
        let orders = self.table(Entity::Orders);
        let order_cols = orders
            .map(|o| Ok::<_, Error>((o.col("created_at")?, o.col("status")?)))
            .transpose()?;
        for row in 0..s.len() {
            let shipped_at = s.ts(row, shipped);
            let delivered_at = s.get(row, delivered);
            if let (Some(sh), Some(de)) = (shipped_at, s.ts(row, delivered))
                && de < sh
            {
                sink.at(
                    s,
                    row,
                    "7 shipping: delivered_at",
                    format!("delivered_at {de} is before shipped_at {sh}"),
                );
            }
            if let Some(st) = s.get(row, status).filter(|v| SHIPMENT_STATUSES.contains(v))
                && (st == "delivered") != delivered_at.is_some()
            {
                sink.at(
                    s,
                    row,
                    "7 shipping: status",
                    match delivered_at {
                        Some(_) => format!("status is {st}, but delivered_at is set"),
                        None => format!("status is {st}, but delivered_at is empty"),
                    },
                );
            }
            let (Some(o), Some((created, o_status))) = (orders, order_cols) else {
                continue;
            };
            let Some(order) = self.find(Entity::Orders, s.id(row, s_order)) else {
                continue;
            };
            if let (Some(placed), Some(sh)) = (o.ts(order, created), shipped_at)
                && sh < placed
            {
                sink.at(
                    s,
                    row,
                    "7 shipping: shipped_at",
                    format!("shipped_at {sh} is before the order's created_at {placed}"),
                );
            }
            if let Some(os) = o
                .get(order, o_status)
                .filter(|v| ORDER_STATUSES.contains(v))
                && DELIVERED_STATUSES.contains(&os) != delivered_at.is_some()
            {
                sink.at(
                    s,
                    row,
                    "7 shipping: delivered_at",
                    match delivered_at {
                        Some(_) => format!("delivered_at is set, but the order is {os}"),
                        None => format!("delivered_at is empty, but the order is {os}"),
                    },
                );
            }
        }
        let (Some(o), Some(groups)) = (orders, &self.shipments_of) else {
            return Ok(());
        };
        let (o_status, o_id) = (o.col("status")?, o.col("order_id")?);
        for row in 0..o.len() {
            let Some(os) = o.get(row, o_status).filter(|v| ORDER_STATUSES.contains(v)) else {
                continue;
            };
            let expected = usize::from(SHIPPED_STATUSES.contains(&os));
            let found = groups.of(row).len();
            if found != expected {
                sink.at(
                    o,
                    row,
                    "7 shipping: one per order",
                    format!(
                        "the {os} order {} has {found} shipping rows; it needs {expected}",
                        o.get(row, o_id).unwrap_or_default()
                    ),
                );
            }
        }
        Ok(())
    }

    /// The delivery time of an order, from its (first) shipment.
    fn delivered_at(&self, order: usize) -> Option<Timestamp> {
        let s = self.table(Entity::Shipping)?;
        let first = *self.shipments_of.as_ref()?.of(order).first()?;
        s.ts(first, s.opt_col("delivered_at")?)
    }

    /// Invariant 8.
    fn returns(&self, sink: &mut Sink) -> Result<()> {
        let Some(r) = self.table(Entity::Returns) else {
            return Ok(());
        };
        let (r_order, r_item, r_user, r_product, requested, refund) = (
            r.col("order_id")?,
            r.col("order_item_id")?,
            r.col("user_id")?,
            r.col("product_id")?,
            r.col("requested_at")?,
            r.col("refund_amount")?,
        );
        let orders = self.table(Entity::Orders);
        let items = self.data.items.as_ref();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for row in 0..r.len() {
            let refund_amount = r.money(row, refund);
            if let Some(a) = refund_amount
                && a <= 0
            {
                sink.at(
                    r,
                    row,
                    "8 returns: refund_amount",
                    format!("refund_amount is {}; it must be above 0", money_text(a)),
                );
            }
            let item_id = r.id(row, r_item);
            if let Some(item_id) = item_id {
                if let Some(&first) = seen.get(item_id) {
                    sink.at(
                        r,
                        row,
                        "8 returns: one per item",
                        format!(
                            "order item {item_id} is already returned in record {}",
                            first + 1
                        ),
                    );
                } else {
                    seen.insert(item_id, row);
                }
            }
            let order_id = r.id(row, r_order);
            let order = self.find(Entity::Orders, order_id);
            if let (Some(o), Some(order)) = (orders, order) {
                let status = o.get(order, o.col("status")?);
                if let Some(s) = status.filter(|s| ORDER_STATUSES.contains(s))
                    && s != "returned"
                {
                    sink.at(
                        r,
                        row,
                        "8 returns: order",
                        format!("the return's order is {s}; only returned orders have returns"),
                    );
                }
                if let (Some(ru), Some(ou)) = (r.id(row, r_user), self.buyer_of(order))
                    && ru != ou
                {
                    sink.at(
                        r,
                        row,
                        "8 returns: user",
                        format!("user_id {ru} is not the order's user {ou}"),
                    );
                }
                if let (Some(req), Some(delivered)) =
                    (r.ts(row, requested), self.delivered_at(order))
                    && req < delivered
                {
                    sink.at(
                        r,
                        row,
                        "8 returns: requested_at",
                        format!("requested_at {req} is before the order's delivery at {delivered}"),
                    );
                }
            }
            let (Some(items), Some(keys)) = (items, &self.item_keys) else {
                continue;
            };
            let Some(&item) = item_id.and_then(|id| keys.get(id)) else {
                continue;
            };
            if let (Some(ro), Some(io)) = (order_id, items.id(item, items.col("order_id")?))
                && ro != io
            {
                sink.at(
                    r,
                    row,
                    "8 returns: item",
                    format!(
                        "order item {} belongs to order {io}, not to {ro}",
                        item_id.unwrap_or_default()
                    ),
                );
            }
            if let (Some(rp), Some(ip)) = (
                r.id(row, r_product),
                items.id(item, items.col("product_id")?),
            ) && rp != ip
            {
                sink.at(
                    r,
                    row,
                    "8 returns: item",
                    format!("product_id {rp} is not the item's product {ip}"),
                );
            }
            if let (Some(a), Some(total)) = (refund_amount, items.money(item, items.col("total")?))
                && a > total
            {
                sink.at(
                    r,
                    row,
                    "8 returns: refund_amount",
                    format!(
                        "refund_amount {} is more than the item's total {}",
                        money_text(a),
                        money_text(total)
                    ),
                );
            }
        }
        if let (Some(o), Some(groups)) = (orders, &self.returns_of) {
            let (status, id) = (o.col("status")?, o.col("order_id")?);
            for row in 0..o.len() {
                if o.get(row, status) == Some("returned") && groups.of(row).is_empty() {
                    sink.at(
                        o,
                        row,
                        "8 returns: missing",
                        format!(
                            "the returned order {} has no return rows",
                            o.get(row, id).unwrap_or_default()
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    /// Invariant 9.
    fn reviews(&self, sink: &mut Sink) -> Result<()> {
        let Some(v) = self.table(Entity::Reviews) else {
            return Ok(());
        };
        let (v_user, v_product, v_order, rating, created) = (
            v.col("user_id")?,
            v.col("product_id")?,
            v.col("order_id")?,
            v.col("rating")?,
            v.col("created_at")?,
        );
        for row in 0..v.len() {
            if let Some(r) = v.int(row, rating)
                && !(1..=5).contains(&r)
            {
                sink.at(
                    v,
                    row,
                    "9 reviews: rating",
                    format!("rating is {r}; it must be 1 to 5"),
                );
            }
            let Some(o) = self.table(Entity::Orders) else {
                continue;
            };
            let Some(order) = self.find(Entity::Orders, v.id(row, v_order)) else {
                continue;
            };
            if let (Some(vu), Some(ou)) = (v.id(row, v_user), self.buyer_of(order))
                && vu != ou
            {
                sink.at(
                    v,
                    row,
                    "9 reviews: purchase",
                    format!("the reviewer {vu} is not the order's buyer {ou}"),
                );
            }
            if let (Some(items), Some(groups), Some(product)) =
                (&self.data.items, &self.items_of, v.id(row, v_product))
            {
                let item_product = items.col("product_id")?;
                if !groups
                    .of(order)
                    .iter()
                    .any(|&i| items.get(i, item_product) == Some(product))
                {
                    sink.at(
                        v,
                        row,
                        "9 reviews: purchase",
                        format!("product {product} is not an item of the reviewed order"),
                    );
                }
            }
            let Some(at) = v.ts(row, created) else {
                continue;
            };
            if self.table(Entity::Shipping).is_some() {
                match self.delivered_at(order) {
                    Some(delivered) if delivered <= at => {}
                    Some(delivered) => sink.at(
                        v,
                        row,
                        "9 reviews: delivery",
                        format!("created_at {at} is before the order's delivery at {delivered}"),
                    ),
                    None => sink.at(
                        v,
                        row,
                        "9 reviews: delivery",
                        "the reviewed order has no delivery in shipping".to_string(),
                    ),
                }
            } else if let Some(s) = o.get(order, o.col("status")?)
                && ORDER_STATUSES.contains(&s)
                && !DELIVERED_STATUSES.contains(&s)
            {
                sink.at(
                    v,
                    row,
                    "9 reviews: delivery",
                    format!("the reviewed order is {s}, not delivered"),
                );
            }
        }
        Ok(())
    }

    /// Invariant 10.
    fn support_tickets(&self, sink: &mut Sink) -> Result<()> {
        let Some(t) = self.table(Entity::SupportTickets) else {
            return Ok(());
        };
        let (user, order, created, resolved) = (
            t.col("user_id")?,
            t.col("order_id")?,
            t.col("created_at")?,
            t.col("resolved_at")?,
        );
        for row in 0..t.len() {
            if let Some(order) = self.find(Entity::Orders, t.id(row, order))
                && let (Some(tu), Some(ou)) = (t.id(row, user), self.buyer_of(order))
                && tu != ou
            {
                sink.at(
                    t,
                    row,
                    "10 support_tickets: order",
                    format!(
                        "the ticket's order belongs to user {ou}, not to the ticket's user {tu}"
                    ),
                );
            }
            if let (Some(c), Some(r)) = (t.ts(row, created), t.ts(row, resolved))
                && r < c
            {
                sink.at(
                    t,
                    row,
                    "10 support_tickets: resolved_at",
                    format!("resolved_at {r} is before created_at {c}"),
                );
            }
        }
        Ok(())
    }

    /// Invariant 11 (codes are checked with the keys), and the data model's promise
    /// that a promotion's dates overlap the window.
    fn promotions(&self, sink: &mut Sink) -> Result<()> {
        let Some(t) = self.table(Entity::Promotions) else {
            return Ok(());
        };
        let (kind, value, product, category, start, end) = (
            t.col("discount_type")?,
            t.col("discount_value")?,
            t.col("product_id")?,
            t.col("category_id")?,
            t.col("start_date")?,
            t.col("end_date")?,
        );
        let (first_day, last_day) = (self.window.first_day(), self.window.last_day());
        for row in 0..t.len() {
            let (s, e) = (t.date(row, start), t.date(row, end));
            if let (Some(s), Some(e)) = (s, e) {
                if e < s {
                    sink.at(
                        t,
                        row,
                        "11 promotions: dates",
                        format!("end_date {e} is before start_date {s}"),
                    );
                } else if e < first_day || s > last_day {
                    sink.at(
                        t,
                        row,
                        "11 promotions: window",
                        format!(
                            "{s}..{e} does not overlap the window {}",
                            window_text(self.window)
                        ),
                    );
                }
            }
            let problem = match (t.get(row, kind), t.get(row, value)) {
                (Some("percentage"), Some(v))
                    if parse_int(v).is_none_or(|p| !(1..=90).contains(&p)) =>
                {
                    Some(format!(
                        "a percentage discount_value is {}, not a whole number from 1 to 90",
                        shown(v)
                    ))
                }
                (Some("fixed"), Some(v)) if parse_money(v).is_none_or(|m| m <= 0) => Some(format!(
                    "a fixed discount_value is {}, not an amount above 0.00",
                    shown(v)
                )),
                _ => None,
            };
            if let Some(problem) = problem {
                sink.at(t, row, "11 promotions: discount", problem);
            }
            let targets = usize::from(t.get(row, product).is_some())
                + usize::from(t.get(row, category).is_some());
            if targets != 1 {
                sink.at(
                    t,
                    row,
                    "11 promotions: target",
                    format!("{targets} of product_id and category_id are set; exactly one must be"),
                );
            }
        }
        Ok(())
    }

    /// Invariant 12.
    fn wishlists(&self, sink: &mut Sink) -> Result<()> {
        let Some(t) = self.table(Entity::Wishlists) else {
            return Ok(());
        };
        let (user, product, added) = (t.col("user_id")?, t.col("product_id")?, t.col("added_at")?);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for row in 0..t.len() {
            if let (Some(u), Some(p)) = (t.id(row, user), t.id(row, product)) {
                if let Some(&first) = seen.get(&(u, p)) {
                    sink.at(
                        t,
                        row,
                        "12 wishlists: pair",
                        format!("user {u} already saved product {p} in record {}", first + 1),
                    );
                } else {
                    seen.insert((u, p), row);
                }
            }
            if let (Some(at), Some(signup)) = (t.ts(row, added), self.signup_of(t.id(row, user)))
                && at < signup
            {
                sink.at(
                    t,
                    row,
                    "12 wishlists: added_at",
                    format!("added_at {at} is before the user's created_at {signup}"),
                );
            }
        }
        Ok(())
    }

    /// The promise of the notifications' schema: an order notification names one of
    /// the user's orders and is never dated before the event it announces; no
    /// notification comes before its user signed up or is read before it was sent.
    fn notifications(&self, sink: &mut Sink) -> Result<()> {
        let Some(t) = self.table(Entity::Notifications) else {
            return Ok(());
        };
        let (user, order, kind, created, read) = (
            t.col("user_id")?,
            t.col("order_id")?,
            t.col("kind")?,
            t.col("created_at")?,
            t.col("read_at")?,
        );
        for row in 0..t.len() {
            let at = t.ts(row, created);
            if let (Some(c), Some(r)) = (at, t.ts(row, read))
                && r < c
            {
                sink.at(
                    t,
                    row,
                    "notifications: read_at",
                    format!("read_at {r} is before created_at {c}"),
                );
            }
            if let (Some(at), Some(signup)) = (at, self.signup_of(t.id(row, user)))
                && at < signup
            {
                sink.at(
                    t,
                    row,
                    "notifications: created_at",
                    format!("created_at {at} is before the user's created_at {signup}"),
                );
            }
            let Some(k) = t
                .get(row, kind)
                .filter(|k| notifications::KINDS.contains(k))
            else {
                continue;
            };
            let named = t.id(row, order);
            match (notifications::names_an_order(k), named) {
                (true, None) => sink.at(
                    t,
                    row,
                    "notifications: order",
                    format!("an {k} notification names no order"),
                ),
                (false, Some(id)) => sink.at(
                    t,
                    row,
                    "notifications: order",
                    format!("a {k} notification names order {id}; only order notifications do"),
                ),
                _ => {}
            }
            let Some(found) = self.find(Entity::Orders, named) else {
                continue;
            };
            if let (Some(nu), Some(ou)) = (t.id(row, user), self.buyer_of(found))
                && nu != ou
            {
                sink.at(
                    t,
                    row,
                    "notifications: order",
                    format!("the order belongs to user {ou}, not to the notified user {nu}"),
                );
            }
            let Some(at) = at else { continue };
            match self.order_event(k, found)? {
                Event::Unknown => {}
                Event::Never => sink.at(
                    t,
                    row,
                    "notifications: event",
                    format!(
                        "{k} announces what never happened to order {}",
                        named.unwrap_or_default()
                    ),
                ),
                Event::At(event) if at < event => sink.at(
                    t,
                    row,
                    "notifications: event",
                    format!("created_at {at} is before the {k} event at {event}"),
                ),
                Event::At(_) => {}
            }
        }
        Ok(())
    }

    /// When the event an order notification of `kind` announces happened to `order`,
    /// as far as the tables that were read tell.
    fn order_event(&self, kind: &str, order: usize) -> Result<Event> {
        let at = |t: Option<Timestamp>| t.map_or(Event::Never, Event::At);
        Ok(match kind {
            "order_confirmed" => match self.table(Entity::Orders) {
                Some(o) => o
                    .ts(order, o.col("created_at")?)
                    .map_or(Event::Unknown, Event::At),
                None => Event::Unknown,
            },
            "order_shipped" => match (self.table(Entity::Shipping), &self.shipments_of) {
                (Some(s), Some(groups)) => {
                    let shipped = s.col("shipped_at")?;
                    at(groups.of(order).first().and_then(|&row| s.ts(row, shipped)))
                }
                _ => Event::Unknown,
            },
            "order_delivered" | "review_reminder" if self.table(Entity::Shipping).is_some() => {
                at(self.delivered_at(order))
            }
            "refund_issued" => match (self.table(Entity::Returns), &self.returns_of) {
                (Some(r), Some(groups)) => {
                    let (status, resolved) = (r.col("status")?, r.col("resolved_at")?);
                    at(groups
                        .of(order)
                        .iter()
                        .filter(|&&row| r.get(row, status) == Some("refunded"))
                        .filter_map(|&row| r.ts(row, resolved))
                        .min())
                }
                _ => Event::Unknown,
            },
            _ => Event::Unknown,
        })
    }

    /// Invariant 13 for users: recomputed from orders and reviews.
    fn user_analytics(&self, sink: &mut Sink) -> Result<()> {
        let Some(a) = self.table(Entity::UserAnalytics) else {
            return Ok(());
        };
        #[derive(Default)]
        struct Totals {
            orders: i64,
            spent: i64,
            first: Option<Timestamp>,
            last: Option<Timestamp>,
            reviews: i64,
            /// An order of the user had an unreadable value (already reported).
            unknown: bool,
        }
        let mut totals: HashMap<&str, Totals> = HashMap::new();
        let orders = self.table(Entity::Orders);
        if let Some(o) = orders {
            let (user, status, total, created) = (
                o.col("user_id")?,
                o.col("status")?,
                o.col("total")?,
                o.col("created_at")?,
            );
            for row in 0..o.len() {
                let Some(u) = o.get(row, user) else { continue };
                let t = totals.entry(u).or_default();
                match o.get(row, status) {
                    Some("cancelled") => continue,
                    Some(s) if ORDER_STATUSES.contains(&s) => {}
                    _ => {
                        t.unknown = true;
                        continue;
                    }
                }
                match (o.money(row, total), o.ts(row, created)) {
                    (Some(total), Some(at)) => {
                        t.orders += 1;
                        t.spent = t.spent.saturating_add(total);
                        t.first = Some(t.first.map_or(at, |f| f.min(at)));
                        t.last = Some(t.last.map_or(at, |l| l.max(at)));
                    }
                    _ => t.unknown = true,
                }
            }
        }
        let reviews = self.table(Entity::Reviews);
        if let Some(v) = reviews {
            let user = v.col("user_id")?;
            for row in 0..v.len() {
                if let Some(u) = v.get(row, user) {
                    totals.entry(u).or_default().reviews += 1;
                }
            }
        }
        let cols = [
            "user_id",
            "total_orders",
            "total_spent",
            "average_order_value",
            "first_order_at",
            "last_order_at",
            "total_reviews",
        ]
        .map(|name| a.col(name));
        let [user, n, spent, average, first, last, reviews_col] = cols;
        let (user, n, spent, average, first, last, reviews_col) =
            (user?, n?, spent?, average?, first?, last?, reviews_col?);
        let none = Totals::default();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for row in 0..a.len() {
            let Some(u) = a.get(row, user) else { continue };
            if let Some(&first_row) = seen.get(u) {
                sink.at(
                    a,
                    row,
                    "13 user_analytics: one row per user",
                    format!("user {u} already has row {first_row}"),
                );
            } else {
                seen.insert(u, row);
            }
            let t = totals.get(u).unwrap_or(&none);
            let check = Expect {
                t: a,
                row,
                source: "the orders",
            };
            if orders.is_some() && !t.unknown {
                let avg = if t.orders == 0 {
                    0
                } else {
                    Money(t.spent).scale_half_up(1, t.orders).cents()
                };
                check.int(n, t.orders, "13 user_analytics: total_orders", sink);
                check.money(spent, Some(t.spent), "13 user_analytics: total_spent", sink);
                check.money(
                    average,
                    Some(avg),
                    "13 user_analytics: average_order_value",
                    sink,
                );
                check.timestamp(first, t.first, "13 user_analytics: first_order_at", sink);
                check.timestamp(last, t.last, "13 user_analytics: last_order_at", sink);
            }
            if reviews.is_some() {
                let check = Expect {
                    source: "the reviews",
                    ..check
                };
                check.int(
                    reviews_col,
                    t.reviews,
                    "13 user_analytics: total_reviews",
                    sink,
                );
            }
        }
        if let Some(users) = self.table(Entity::Users) {
            let id = users.col("user_id")?;
            for row in 0..users.len() {
                if let Some(u) = users.id(row, id)
                    && !seen.contains_key(u)
                {
                    sink.add(
                        a.name,
                        None,
                        "13 user_analytics: one row per user",
                        format!("user {u} (users row {row}) has no row"),
                    );
                }
            }
        }
        Ok(())
    }

    /// Invariant 13 for products: recomputed from items, orders, reviews and returns.
    fn product_analytics(&self, sink: &mut Sink) -> Result<()> {
        let Some(a) = self.table(Entity::ProductAnalytics) else {
            return Ok(());
        };
        #[derive(Default)]
        struct Totals {
            units: i64,
            revenue: i64,
            reviews: i64,
            rating_sum: i64,
            returns: i64,
            /// A sale or review had an unreadable value (already reported).
            sales_unknown: bool,
            ratings_unknown: bool,
        }
        let mut totals: HashMap<&str, Totals> = HashMap::new();
        let sales = match (&self.data.items, self.table(Entity::Orders)) {
            (Some(items), Some(o)) => Some((items, o)),
            _ => None,
        };
        if let Some((items, o)) = sales {
            let (product, order, quantity, total) = (
                items.col("product_id")?,
                items.col("order_id")?,
                items.col("quantity")?,
                items.col("total")?,
            );
            let status = o.col("status")?;
            for row in 0..items.len() {
                let Some(p) = items.get(row, product) else {
                    continue;
                };
                let t = totals.entry(p).or_default();
                let order_status = self
                    .find(Entity::Orders, items.id(row, order))
                    .and_then(|r| o.get(r, status));
                match order_status {
                    Some("cancelled") => continue,
                    Some(s) if ORDER_STATUSES.contains(&s) => {}
                    _ => {
                        t.sales_unknown = true;
                        continue;
                    }
                }
                match (items.int(row, quantity), items.money(row, total)) {
                    (Some(q), Some(m)) => {
                        t.units = t.units.saturating_add(q);
                        t.revenue = t.revenue.saturating_add(m);
                    }
                    _ => t.sales_unknown = true,
                }
            }
        }
        let reviews = self.table(Entity::Reviews);
        if let Some(v) = reviews {
            let (product, rating) = (v.col("product_id")?, v.col("rating")?);
            for row in 0..v.len() {
                let Some(p) = v.get(row, product) else {
                    continue;
                };
                let t = totals.entry(p).or_default();
                t.reviews += 1;
                match v.int(row, rating) {
                    Some(r) => t.rating_sum = t.rating_sum.saturating_add(r),
                    None => t.ratings_unknown = true,
                }
            }
        }
        let returns = self.table(Entity::Returns);
        if let Some(r) = returns {
            let product = r.col("product_id")?;
            for row in 0..r.len() {
                if let Some(p) = r.get(row, product) {
                    totals.entry(p).or_default().returns += 1;
                }
            }
        }
        let (product, units, revenue, review_count, average, return_count) = (
            a.col("product_id")?,
            a.col("units_sold")?,
            a.col("revenue")?,
            a.col("review_count")?,
            a.col("average_rating")?,
            a.col("return_count")?,
        );
        let none = Totals::default();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for row in 0..a.len() {
            let Some(p) = a.get(row, product) else {
                continue;
            };
            if let Some(&first_row) = seen.get(p) {
                sink.at(
                    a,
                    row,
                    "13 product_analytics: one row per product",
                    format!("product {p} already has row {first_row}"),
                );
            } else {
                seen.insert(p, row);
            }
            let t = totals.get(p).unwrap_or(&none);
            if sales.is_some() && !t.sales_unknown {
                let check = Expect {
                    t: a,
                    row,
                    source: "the counted orders' items",
                };
                check.int(units, t.units, "13 product_analytics: units_sold", sink);
                check.money(
                    revenue,
                    Some(t.revenue),
                    "13 product_analytics: revenue",
                    sink,
                );
            }
            if reviews.is_some() {
                let check = Expect {
                    t: a,
                    row,
                    source: "the reviews",
                };
                check.int(
                    review_count,
                    t.reviews,
                    "13 product_analytics: review_count",
                    sink,
                );
                if !t.ratings_unknown {
                    let mean = (t.reviews > 0).then(|| {
                        Money(t.rating_sum.saturating_mul(100))
                            .scale_half_up(1, t.reviews)
                            .cents()
                    });
                    check.money(average, mean, "13 product_analytics: average_rating", sink);
                }
            }
            if returns.is_some() {
                let check = Expect {
                    t: a,
                    row,
                    source: "the returns",
                };
                check.int(
                    return_count,
                    t.returns,
                    "13 product_analytics: return_count",
                    sink,
                );
            }
        }
        if let Some(products) = self.table(Entity::Products) {
            let id = products.col("product_id")?;
            for row in 0..products.len() {
                if let Some(p) = products.id(row, id)
                    && !seen.contains_key(p)
                {
                    sink.add(
                        a.name,
                        None,
                        "13 product_analytics: one row per product",
                        format!("product {p} (products row {row}) has no row"),
                    );
                }
            }
        }
        Ok(())
    }
}

/// Compares an analytics value with what the other files give; an unreadable value
/// was already reported by the format checks.
#[derive(Clone, Copy)]
struct Expect<'t> {
    t: &'t Table,
    row: usize,
    /// What the expected value was computed from, for the message.
    source: &'static str,
}

impl Expect<'_> {
    fn int(&self, col: usize, expected: i64, rule: &'static str, sink: &mut Sink) {
        if let Some(v) = self.t.int(self.row, col)
            && v != expected
        {
            let name = self.t.fields[col].name;
            let message = format!("{name} is {v}; {} give {expected}", self.source);
            sink.at(self.t, self.row, rule, message);
        }
    }

    fn money(&self, col: usize, expected: Option<i64>, rule: &'static str, sink: &mut Sink) {
        let Some(found) = self.t.get(self.row, col).map(parse_money) else {
            // A required value that is missing was reported as such.
            if let Some(e) = expected
                && self.t.fields[col].nullable
            {
                let name = self.t.fields[col].name;
                let message = format!("{name} is empty; {} give {}", self.source, money_text(e));
                sink.at(self.t, self.row, rule, message);
            }
            return;
        };
        let Some(found) = found else { return };
        if Some(found) != expected {
            let name = self.t.fields[col].name;
            let wanted = expected.map_or("an empty value".to_string(), money_text);
            let message = format!(
                "{name} is {}; {} give {wanted}",
                money_text(found),
                self.source
            );
            sink.at(self.t, self.row, rule, message);
        }
    }

    fn timestamp(
        &self,
        col: usize,
        expected: Option<Timestamp>,
        rule: &'static str,
        sink: &mut Sink,
    ) {
        let name = self.t.fields[col].name;
        let found = match self.t.get(self.row, col) {
            None => None,
            Some(v) => match Timestamp::parse(v) {
                Some(at) => Some(at),
                None => return,
            },
        };
        if found != expected {
            let shown = |t: Option<Timestamp>| t.map_or("empty".to_string(), |t| t.to_string());
            let message = format!(
                "{name} is {}; {} give {}",
                shown(found),
                self.source,
                shown(expected)
            );
            sink.at(self.t, self.row, rule, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::time::days_from_civil;
    use std::path::PathBuf;

    /// A small full dataset: enough orders for returns, refunds and reviews to occur.
    fn generate(format: Format) -> (tempfile::TempDir, PathBuf) {
        let temp = tempfile::tempdir().expect("a temporary directory");
        let dir = temp.path().join("data");
        let mut config = Config::new(11, &dir);
        config.format = format;
        for (entity, n) in [
            (Entity::Users, 150),
            (Entity::Categories, 12),
            (Entity::Vendors, 6),
            (Entity::Warehouses, 3),
            (Entity::Products, 80),
            (Entity::Inventory, 120),
            (Entity::Promotions, 12),
            (Entity::Orders, 500),
            (Entity::SupportTickets, 40),
            (Entity::Wishlists, 80),
            (Entity::Notifications, 80),
        ] {
            config.input.counts.set(entity, n);
        }
        crate::run(&config).expect("the dataset is generated");
        (temp, dir)
    }

    fn violations(dir: &Path) -> Vec<Violation> {
        validate_dir(dir, Window::default())
            .expect("the dataset is readable")
            .violations
    }

    fn listed(violations: &[Violation]) -> String {
        let lines: Vec<String> = violations.iter().take(20).map(|v| v.to_string()).collect();
        format!("{} violations:\n{}", violations.len(), lines.join("\n"))
    }

    fn rules(violations: &[Violation]) -> Vec<&'static str> {
        let mut rules: Vec<&'static str> = violations.iter().map(|v| v.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    fn assert_clean(format: Format) {
        let (_temp, dir) = generate(format);
        let report = validate_dir(&dir, Window::default()).expect("the dataset is readable");
        assert!(
            report.violations.is_empty(),
            "{format:?}: {}",
            listed(&report.violations)
        );
        assert_eq!(report.format, format);
        assert!(report.rows > 1_000, "{} rows", report.rows);
        let expected_files = if format == Format::Csv { 18 } else { 17 };
        assert_eq!(report.files, expected_files);
    }

    #[test]
    fn generated_csv_holds_every_invariant() {
        assert_clean(Format::Csv);
    }

    #[test]
    fn generated_json_holds_every_invariant() {
        assert_clean(Format::Json);
    }

    #[test]
    fn generated_jsonl_holds_every_invariant() {
        assert_clean(Format::Jsonl);
    }

    #[test]
    fn generated_xml_holds_every_invariant() {
        assert_clean(Format::Xml);
    }

    /// Rewrites a CSV file through the csv crate, so quoting stays right.
    fn edit_csv(path: &Path, edit: impl FnOnce(&[String], &mut Vec<Vec<String>>)) {
        let mut reader = csv::Reader::from_path(path).expect("a CSV file");
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(String::from)
            .collect();
        let mut rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("a record").iter().map(String::from).collect())
            .collect();
        edit(&header, &mut rows);
        let mut writer = csv::Writer::from_path(path).expect("writable");
        writer.write_record(&header).expect("written");
        for row in rows {
            writer.write_record(&row).expect("written");
        }
        writer.flush().expect("flushed");
    }

    fn column(header: &[String], name: &str) -> usize {
        header
            .iter()
            .position(|h| h == name)
            .expect("a known column")
    }

    fn cents(text: &str) -> i64 {
        parse_money(text).expect("money")
    }

    #[test]
    fn a_changed_order_total_is_caught() {
        let (_temp, dir) = generate(Format::Csv);
        edit_csv(&dir.join("orders.csv"), |h, rows| {
            let total = column(h, "total");
            rows[0][total] = money_text(cents(&rows[0][total]) + 100);
        });
        let found = violations(&dir);
        assert!(
            found
                .iter()
                .any(|v| v.rule == "5 orders: total" && v.entity == "orders" && v.row == Some(0)),
            "{}",
            listed(&found)
        );
    }

    #[test]
    fn notifications_before_their_event_or_for_another_user_are_caught() {
        let (_temp, dir) = generate(Format::Csv);
        let (mut early, mut stolen, mut marketing) = (0, 0, 0);
        edit_csv(&dir.join("notifications.csv"), |h, rows| {
            let (user, order, kind, created) = (
                column(h, "user_id"),
                column(h, "order_id"),
                column(h, "kind"),
                column(h, "created_at"),
            );
            let mut about_orders = (0..rows.len()).filter(|&r| !rows[r][order].is_empty());
            early = about_orders.next().expect("an order notification");
            stolen = about_orders
                .find(|&r| rows[r][user] != rows[early][user])
                .expect("another user's order notification");
            marketing = (0..rows.len())
                .find(|&r| rows[r][order].is_empty())
                .expect("a marketing notification");
            rows[early][created] = "2023-01-01T00:00:00".to_string();
            rows[stolen][user] = rows[early][user].clone();
            rows[marketing][order] = rows[early][order].clone();
            rows[marketing][kind] = "promotion".to_string();
        });
        let found = violations(&dir);
        let at = |row: usize, rule: &str| {
            let row = row as u64;
            found
                .iter()
                .any(|v| v.entity == "notifications" && v.row == Some(row) && v.rule == rule)
        };
        assert!(at(early, "notifications: event"), "{}", listed(&found));
        assert!(at(stolen, "notifications: order"), "{}", listed(&found));
        assert!(at(marketing, "notifications: order"), "{}", listed(&found));
    }

    #[test]
    fn a_repeated_email_is_caught() {
        let (_temp, dir) = generate(Format::Json);
        let path = dir.join("users.json");
        let mut users: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        let first = users[0]["email"].clone();
        users[3]["email"] = first;
        std::fs::write(&path, serde_json::to_string(&users).expect("JSON")).expect("written");
        let found = violations(&dir);
        assert_eq!(rules(&found), ["2 users: unique"], "{}", listed(&found));
        assert_eq!(found[0].row, Some(3));
        // Records count from 1 in messages as in their location.
        assert!(
            found[0].message.ends_with("repeats record 1"),
            "{}",
            found[0]
        );
        assert!(found[0].to_string().starts_with("users record 4: "));
    }

    #[test]
    fn a_rating_of_six_is_caught() {
        let (_temp, dir) = generate(Format::Xml);
        let path = dir.join("reviews.xml");
        let text = std::fs::read_to_string(&path).expect("readable");
        let start = text.find("<rating>").expect("a rating") + "<rating>".len();
        let end = start + text[start..].find("</rating>").expect("closed");
        let text = format!("{}6{}", &text[..start], &text[end..]);
        std::fs::write(&path, text).expect("written");
        let found = violations(&dir);
        assert!(
            found
                .iter()
                .any(|v| v.rule == "9 reviews: rating" && v.row == Some(0)),
            "{}",
            listed(&found)
        );
        // The product's average no longer matches the reviews either.
        assert!(
            rules(&found)
                .iter()
                .all(|r| *r == "9 reviews: rating" || *r == "13 product_analytics: average_rating")
        );
    }

    #[test]
    fn a_timestamp_outside_the_window_is_caught() {
        let (_temp, dir) = generate(Format::Jsonl);
        let path = dir.join("wishlists.jsonl");
        let text = std::fs::read_to_string(&path).expect("readable");
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let mut row: Value = serde_json::from_str(&lines[0]).expect("JSON");
        row["added_at"] = Value::from("2024-01-01T00:00:00");
        lines[0] = row.to_string();
        std::fs::write(&path, lines.join("\n") + "\n").expect("written");
        let found = violations(&dir);
        assert_eq!(rules(&found), ["14 window"], "{}", listed(&found));
        assert_eq!(
            (found[0].entity.as_str(), found[0].row),
            ("wishlists", Some(0))
        );
        // The same file is fine in a window that takes in that day.
        let longer = Window::new(
            Date(days_from_civil(2023, 1, 1)),
            Date(days_from_civil(2024, 1, 1)),
        );
        let report = validate_dir(&dir, longer).expect("readable");
        assert!(
            report.violations.is_empty(),
            "{}",
            listed(&report.violations)
        );
    }

    #[test]
    fn an_analytics_total_off_by_a_cent_is_caught() {
        let (_temp, dir) = generate(Format::Csv);
        let mut changed = None;
        edit_csv(&dir.join("user_analytics.csv"), |h, rows| {
            let (orders, spent) = (column(h, "total_orders"), column(h, "total_spent"));
            let row = rows
                .iter()
                .position(|r| r[orders] != "0")
                .expect("a user with orders");
            rows[row][spent] = money_text(cents(&rows[row][spent]) + 1);
            changed = Some(row as u64);
        });
        let found = violations(&dir);
        assert_eq!(
            rules(&found),
            ["13 user_analytics: total_spent"],
            "{}",
            listed(&found)
        );
        assert_eq!(found[0].row, changed);
    }

    #[test]
    fn a_missing_payment_of_a_delivered_order_is_caught() {
        let (_temp, dir) = generate(Format::Csv);
        let mut order = (String::new(), 0);
        edit_csv(&dir.join("orders.csv"), |h, rows| {
            let (id, status) = (column(h, "order_id"), column(h, "status"));
            let row = rows
                .iter()
                .position(|r| r[status] == "delivered")
                .expect("a delivered order");
            order = (rows[row][id].clone(), row as u64);
        });
        edit_csv(&dir.join("payments.csv"), |h, rows| {
            let (id, status) = (column(h, "order_id"), column(h, "status"));
            let before = rows.len();
            rows.retain(|r| !(r[id] == order.0 && r[status] == "completed"));
            assert_eq!(rows.len() + 1, before);
        });
        let found = violations(&dir);
        assert!(!found.is_empty());
        for v in &found {
            assert!(
                matches!(v.rule, "6 payments: missing" | "6 payments: completed"),
                "{}",
                listed(&found)
            );
            assert_eq!((v.entity.as_str(), v.row), ("orders", Some(order.1)));
        }
    }

    #[test]
    fn values_in_the_wrong_format_are_caught_once_each() {
        let (_temp, dir) = generate(Format::Csv);
        edit_csv(&dir.join("products.csv"), |h, rows| {
            rows[0][column(h, "price")] = "12.5".to_string();
            rows[1][column(h, "product_id")] = rows[1][column(h, "product_id")].to_uppercase();
            rows[2][column(h, "is_active")] = "yes".to_string();
        });
        edit_csv(&dir.join("payments.csv"), |h, rows| {
            rows[0][column(h, "status")] = "settled".to_string();
        });
        let found = violations(&dir);
        let has = |rule: &str, entity: &str, row: u64| {
            found
                .iter()
                .any(|v| v.rule == rule && v.entity == entity && v.row == Some(row))
        };
        assert!(has("format: money", "products", 0), "{}", listed(&found));
        assert!(has("format: uuid", "products", 1), "{}", listed(&found));
        assert!(has("format: boolean", "products", 2), "{}", listed(&found));
        assert!(has("format: enum", "payments", 0), "{}", listed(&found));
        // A price that does not parse is reported once, not again by every check using it.
        let about_price: Vec<&Violation> = found
            .iter()
            .filter(|v| v.rule == "format: money" || v.rule.contains("price"))
            .collect();
        assert_eq!(about_price.len(), 1, "{}", listed(&found));
    }

    fn read_xml(dir: &Path, entity: Entity) -> (Table, Option<Table>, Vec<Violation>) {
        let mut sink = Sink::default();
        let nested = entity == Entity::Orders;
        let loader = Loader::new(entity.name(), entity.table().fields, Some(entity), nested);
        let (table, items) = read_file(dir, Format::Xml, loader, &mut 0, &mut sink)
            .expect("readable")
            .expect("well-formed");
        (table, items, sink.0)
    }

    #[test]
    fn xml_text_is_unescaped_and_empty_elements_are_missing() {
        let temp = tempfile::tempdir().expect("a temporary directory");
        let id = "32efd717-b77e-45e5-8ef7-add88020ce1b";
        let tag = Entity::Categories.table().row_tag;
        std::fs::write(
            temp.path().join("categories.xml"),
            format!(
                "<?xml version=\"1.0\"?>\n<categories>\n<{tag}><category_id>{id}</category_id>\
                 <name>Home &amp; Kitchen &#x3C;&#60;<!-- note --><![CDATA[ & more]]></name>\
                 <slug>home</slug><parent_category_id/><level>1</level>\
                 <description></description></{tag}>\n</categories>\n"
            ),
        )
        .expect("written");
        let (t, _, found) = read_xml(temp.path(), Entity::Categories);
        assert!(found.is_empty(), "{}", listed(&found));
        assert_eq!(t.len(), 1);
        let get = |name: &str| t.get(0, t.col(name).expect("a field"));
        assert_eq!(get("name"), Some("Home & Kitchen << & more"));
        assert_eq!(get("category_id"), Some(id));
        assert_eq!(get("parent_category_id"), None);
        assert_eq!(get("description"), None);
    }

    #[test]
    fn nested_items_take_their_order_id() {
        let (_temp, dir) = generate(Format::Xml);
        let (orders, items, found) = read_xml(&dir, Entity::Orders);
        assert!(found.is_empty(), "{}", listed(&found));
        let items = items.expect("nested items");
        let (order_id, item_order) = (
            orders.col("order_id").expect("a field"),
            items.col("order_id").expect("a field"),
        );
        let ids: HashSet<&str> = (0..orders.len())
            .filter_map(|r| orders.get(r, order_id))
            .collect();
        assert!(items.len() > orders.len());
        assert!(
            (0..items.len()).all(|r| items.get(r, item_order).is_some_and(|id| ids.contains(id)))
        );
        assert_eq!(items.get(0, item_order), orders.get(0, order_id));
    }

    #[test]
    fn a_file_that_does_not_parse_is_a_violation_not_a_panic() {
        let (_temp, dir) = generate(Format::Json);
        let path = dir.join("orders.json");
        let text = std::fs::read_to_string(&path).expect("readable");
        std::fs::write(&path, &text[..text.len() / 2]).expect("written");
        let found = violations(&dir);
        assert_eq!(rules(&found), ["format: file"], "{}", listed(&found));
        assert_eq!(found[0].entity, "orders");
    }

    #[test]
    fn a_subset_is_checked_without_its_missing_parents() {
        let temp = tempfile::tempdir().expect("a temporary directory");
        let mut config = Config::new(3, temp.path());
        config.format = Format::Xml;
        config.input.counts.set(Entity::Orders, 200);
        config.input.entities = vec![Entity::Orders, Entity::Payments];
        crate::run(&config).expect("the subset is generated");
        let report = validate_dir(temp.path(), Window::default()).expect("readable");
        assert!(
            report.violations.is_empty(),
            "{}",
            listed(&report.violations)
        );
        assert_eq!(report.files, 2);
    }

    #[test]
    fn a_directory_without_one_clear_format_is_refused() {
        let temp = tempfile::tempdir().expect("a temporary directory");
        let empty = validate_dir(temp.path(), Window::default()).expect_err("no dataset");
        assert!(empty.to_string().contains("no dataset file"), "{empty}");
        std::fs::write(temp.path().join("users.csv"), "user_id\n").expect("written");
        std::fs::write(temp.path().join("orders.json"), "[]").expect("written");
        let mixed = validate_dir(temp.path(), Window::default()).expect_err("two formats");
        assert!(
            mixed.to_string().contains("more than one format"),
            "{mixed}"
        );
    }

    #[test]
    fn the_window_comes_from_flags_then_the_manifest_then_2023() {
        let temp = tempfile::tempdir().expect("a temporary directory");
        let args = |start: Option<&str>, end: Option<&str>| ValidateArgs {
            dir: temp.path().to_path_buf(),
            start_date: start.map(|s| s.parse().expect("a date")),
            end_date: end.map(|s| s.parse().expect("a date")),
            max_shown: 50,
        };
        let window = |s: (i64, u32, u32), e: (i64, u32, u32)| {
            Window::new(
                Date(days_from_civil(s.0, s.1, s.2)),
                Date(days_from_civil(e.0, e.1, e.2)),
            )
        };
        assert_eq!(
            resolve_window(&args(None, None)).expect("default"),
            Window::default()
        );
        std::fs::write(
            temp.path().join("manifest.json"),
            r#"{"settings": {"start_date": "2024-02-20", "end_date": "2024-03-10"}}"#,
        )
        .expect("written");
        assert_eq!(
            resolve_window(&args(None, None)).expect("from the manifest"),
            window((2024, 2, 20), (2024, 3, 10))
        );
        assert_eq!(
            resolve_window(&args(Some("2024-01-01"), None)).expect("mixed"),
            window((2024, 1, 1), (2024, 3, 10))
        );
        assert!(resolve_window(&args(Some("2024-04-01"), None)).is_err());
    }

    #[test]
    fn values_parse_strictly() {
        assert_eq!(parse_money("107.99"), Some(10799));
        assert!(is_uuid("32efd717-b77e-45e5-8ef7-add88020ce1b"));
        assert!(!is_uuid("32EFD717-B77E-45E5-8EF7-ADD88020CE1B"));
        assert!(!is_uuid("32efd717b77e45e58ef7add88020ce1b"));
        assert_eq!(parse_int("-4"), Some(-4));
        assert_eq!(parse_int("+4"), None);
        assert_eq!(parse_int("4.0"), None);
    }
}
