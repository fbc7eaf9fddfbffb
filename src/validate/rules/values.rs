//! Checks of single values, each on its own: the type's text form, required values,
//! enumerations, the range of numbers, and the window every activity timestamp lies
//! in (invariant 14).
//! A value that fails here is skipped by every later check, so one bad value is
//! reported once rather than again by each rule that uses it.

use super::super::Period;
use super::super::report::Findings;
use super::super::table::Rows;
use super::super::value::{
    format_expected, format_rule, parse_int, parse_money, shown, well_formed, window_text,
};
use crate::model::{Timestamp, Window};
use crate::rules::Rule;
use crate::schema::{Bound, FieldType, Table};

pub fn check(rows: &Rows, period: Period, found: &mut Findings) {
    // Accounts are older than the window: a shop has customers from the day it
    // opened.
    let window = match rows.spec.table {
        Table::Users => Window {
            start: period.opened.timestamp(),
            end: period.window.end,
        },
        _ => period.window,
    };
    // Activity timestamps are the `*_at` ones; the promotions' dates overlap the window
    // instead, which their own rule checks.
    let in_window: Vec<bool> = rows
        .fields()
        .iter()
        .map(|f| f.ty == FieldType::Timestamp && f.name.ends_with("_at"))
        .collect();
    for row in 0..rows.len() {
        for (c, field) in rows.fields().iter().enumerate() {
            let Some(v) = rows.get(row, c) else {
                if !field.nullable && !rows.is_misshapen(row) {
                    found.at(
                        rows,
                        row,
                        Rule::FormatRequired,
                        format!("{} is missing; it is required", field.name),
                    );
                }
                continue;
            };
            if field.ty == FieldType::Text && !field.nullable && v.trim().is_empty() {
                found.at(
                    rows,
                    row,
                    Rule::FormatText,
                    format!(
                        "{} is {}: only spaces, where it is required",
                        field.name,
                        shown(v)
                    ),
                );
                continue;
            }
            if !well_formed(field.ty, v) {
                found.at(
                    rows,
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
                found.at(
                    rows,
                    row,
                    Rule::Window,
                    format!(
                        "{} {v} is outside the window {}",
                        field.name,
                        window_text(window)
                    ),
                );
            }
        }
        check_enumerations(rows, row, found);
        check_ranges(rows, row, found);
    }
}

/// The schema lists the values of enumerated fields.
fn check_enumerations(rows: &Rows, row: usize, found: &mut Findings) {
    for (c, field) in rows.fields().iter().enumerate() {
        if field.values.is_empty() {
            continue;
        }
        if let Some(v) = rows.get(row, c)
            && !field.values.contains(&v)
        {
            found.at(
                rows,
                row,
                Rule::FormatEnum,
                format!(
                    "{} is {}, not one of {}",
                    field.name,
                    shown(v),
                    field.values.join(", ")
                ),
            );
        }
    }
}

/// Numbers against the range the schema gives their field (as the SQL schema's
/// CHECK constraints do).
fn check_ranges(rows: &Rows, row: usize, found: &mut Findings) {
    for (c, field) in rows.fields().iter().enumerate() {
        let (Some(bound), Some(v)) = (field.range(), rows.get(row, c)) else {
            continue;
        };
        // Money bounds are in whole units, like the SQL CHECKs; compare in cents.
        let (value, unit) = match field.ty {
            FieldType::Money => (parse_money(v), 100),
            _ => (parse_int(v), 1),
        };
        let Some(value) = value else { continue };
        let (inside, range) = match bound {
            Bound::NonNegative => (value >= 0, "0 or more".to_string()),
            Bound::Positive => (value > 0, "above 0".to_string()),
            Bound::AtLeast(n) => (value >= n.saturating_mul(unit), format!("at least {n}")),
            Bound::Between(lo, hi) => (
                (lo.saturating_mul(unit)..=hi.saturating_mul(unit)).contains(&value),
                format!("{lo} to {hi}"),
            ),
        };
        if !inside {
            found.at(
                rows,
                row,
                range_rule(rows.spec.table, field.name),
                format!("{} is {v}; it must be {range}", field.name),
            );
        }
    }
}

/// The rule that states a number's range, where the data model names one.
fn range_rule(table: Table, field: &str) -> Rule {
    match (table, field) {
        (Table::Products, "price") => Rule::ProductsPrice,
        (Table::Inventory, "quantity_on_hand") => Rule::InventoryQuantity,
        (Table::OrderItems, "quantity") => Rule::OrdersQuantity,
        (Table::Returns, "refund_amount") => Rule::ReturnsRefundAmount,
        (Table::Reviews, "rating") => Rule::ReviewsRating,
        _ => Rule::FormatRange,
    }
}
