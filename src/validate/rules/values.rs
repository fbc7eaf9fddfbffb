//! Checks of single values, each on its own: the type's text form, required values,
//! enumerations, and the window every activity timestamp lies in (invariant 14).
//! A value that fails here is skipped by every later check, so one bad value is
//! reported once rather than again by each rule that uses it.

use super::super::report::Findings;
use super::super::table::Rows;
use super::super::value::{format_expected, format_rule, shown, well_formed, window_text};
use crate::model::{Timestamp, Window};
use crate::rules::Rule;
use crate::schema::FieldType;

pub fn check(rows: &Rows, window: Window, found: &mut Findings) {
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
