//! Invariant 11 (codes are checked with the keys), and the data model's promise that
//! a promotion's dates overlap the window.

use super::super::report::Findings;
use super::super::table::{Day, Rows, Text};
use super::super::value::{parse_int, parse_money, shown, window_text};
use super::Joined;
use crate::error::Result;
use crate::model::Window;
use crate::rules::Rule;
use crate::schema::Table;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(t) = joined.table(Table::Promotions) else {
        return Ok(());
    };
    let kind = t.column::<Text>("discount_type")?;
    let value = t.column::<Text>("discount_value")?;
    let product = t.column::<Text>("product_id")?;
    let category = t.column::<Text>("category_id")?;
    let start = t.column::<Day>("start_date")?;
    let end = t.column::<Day>("end_date")?;
    for row in 0..t.len() {
        if let (Some(s), Some(e)) = (start.at(row), end.at(row)) {
            check_dates(t, row, (s, e), joined.window, found);
        }
        let problem = match (kind.at(row), value.at(row)) {
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
            found.at(t, row, Rule::PromotionsDiscount, problem);
        }
        let targets =
            usize::from(product.at(row).is_some()) + usize::from(category.at(row).is_some());
        if targets != 1 {
            found.at(
                t,
                row,
                Rule::PromotionsTarget,
                format!("{targets} of product_id and category_id are set; exactly one must be"),
            );
        }
    }
    Ok(())
}

fn check_dates(
    t: &Rows,
    row: usize,
    (s, e): (crate::model::Date, crate::model::Date),
    window: Window,
    found: &mut Findings,
) {
    if e < s {
        found.at(
            t,
            row,
            Rule::PromotionsDates,
            format!("end_date {e} is before start_date {s}"),
        );
    } else if e < window.first_day() || s > window.last_day() {
        found.at(
            t,
            row,
            Rule::PromotionsWindow,
            format!(
                "{s}..{e} does not overlap the window {}",
                window_text(window)
            ),
        );
    }
}
