//! Invariant 11 (codes are checked with the keys), the data model's promise that a
//! promotion's dates overlap the window, and how orders use the codes.

use super::super::report::Findings;
use super::super::table::{Cents, Column, Day, Id, Moment, Rows, Text};
use super::super::value::{money_text, parse_int, parse_money, shown, window_text};
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
        if let Some(problem) = discount_problem(kind.at(row), value.at(row)) {
            found.at(t, row, Rule::PromotionsDiscount, problem);
        }
        if let (Some(p), Some(c)) = (product.at(row), category.at(row)) {
            found.at(
                t,
                row,
                Rule::PromotionsTarget,
                format!("both product_id {p} and category_id {c} are set; at most one may be"),
            );
        }
    }
    Ok(())
}

fn discount_problem(kind: Option<&str>, value: Option<&str>) -> Option<String> {
    match (kind?, value) {
        ("percentage" | "fixed", None) => Some(format!("a {} code has no discount_value", kind?)),
        ("percentage", Some(v)) if parse_int(v).is_none_or(|p| !(1..=90).contains(&p)) => {
            Some(format!(
                "a percentage discount_value is {}, not a whole number from 1 to 90",
                shown(v)
            ))
        }
        ("fixed", Some(v)) if parse_money(v).is_none_or(|m| m <= 0) => Some(format!(
            "a fixed discount_value is {}, not an amount above 0.00",
            shown(v)
        )),
        ("free_shipping", Some(v)) => Some(format!(
            "a free_shipping code has discount_value {}; it discounts no amount",
            shown(v)
        )),
        _ => None,
    }
}

/// An order's discount against its promotion: none without one, the code running on
/// the day, its product bought, and free shipping waiving only the shipping.
pub fn check_uses(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(orders) = joined.table(Table::Orders) else {
        return Ok(());
    };
    let promotion = orders.column::<Id>("promotion_id")?;
    let placed = orders.column::<Moment>("created_at")?;
    let subtotal = orders.column::<Cents>("subtotal")?;
    let shipping = orders.column::<Cents>("shipping_cost")?;
    let discount = orders.column::<Cents>("discount")?;
    let codes = joined
        .table(Table::Promotions)
        .map(Codes::new)
        .transpose()?;
    let item_product = joined
        .table(Table::OrderItems)
        .map(|t| t.column::<Id>("product_id"))
        .transpose()?;
    for row in 0..orders.len() {
        let mut problems = Vec::new();
        let (d, sub) = (discount.at(row), subtotal.at(row));
        if let (Some(d), Some(sub)) = (d, sub)
            && d > sub
        {
            problems.push(format!(
                "discount {} is more than the subtotal {}",
                money_text(d),
                money_text(sub)
            ));
        }
        if promotion.text(row).is_none() && d.is_some_and(|d| d != 0) {
            problems.push(format!(
                "discount is {} without a promotion",
                money_text(d.unwrap_or(0))
            ));
        }
        if let Some(codes) = &codes
            && let Some(q) = joined.find(Table::Promotions, promotion.at(row))
        {
            if let (Some(at), Some(start), Some(end)) =
                (placed.at(row), codes.start.at(q), codes.end.at(q))
                && !(start <= at.date() && at.date() <= end)
            {
                problems.push(format!(
                    "its promotion runs {start}..{end}, but the order was placed at {at}"
                ));
            }
            if codes.kind.at(q) == Some("free_shipping")
                && (d.is_some_and(|d| d != 0) || shipping.at(row).is_some_and(|s| s != 0))
            {
                problems.push(format!(
                    "a free_shipping code leaves discount {} and shipping_cost {}, not 0.00",
                    money_text(d.unwrap_or(0)),
                    money_text(shipping.at(row).unwrap_or(0))
                ));
            }
            if let (Some(target), Some(item_product), Some(groups)) =
                (codes.product.at(q), item_product, &joined.items_of)
                && !groups
                    .of(row)
                    .iter()
                    .any(|&i| item_product.at(i) == Some(target))
            {
                problems.push(format!(
                    "its promotion is for product {target}, which the order does not hold"
                ));
            }
        }
        for problem in problems {
            found.at(orders, row, Rule::OrdersPromotion, problem);
        }
    }
    Ok(())
}

/// The promotion columns an order's use of a code is checked against.
struct Codes<'t> {
    kind: Column<'t, Text>,
    product: Column<'t, Id>,
    start: Column<'t, Day>,
    end: Column<'t, Day>,
}

impl<'t> Codes<'t> {
    fn new(t: &'t Rows) -> Result<Self> {
        Ok(Codes {
            kind: t.column("discount_type")?,
            product: t.column("product_id")?,
            start: t.column("start_date")?,
            end: t.column("end_date")?,
        })
    }
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
