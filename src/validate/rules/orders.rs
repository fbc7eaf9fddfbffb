//! Invariant 5: items are sold at their product's price and add up, and an order's
//! total follows from its subtotal, tax, shipping and discount, to the cent.

use super::super::report::Findings;
use super::super::table::{Cents, Column, Id, Moment, Rows, Whole};
use super::super::value::money_text;
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    if let Some(items) = joined.table(Table::OrderItems) {
        check_items(joined, items, found)?;
    }
    let Some(orders) = joined.table(Table::Orders) else {
        return Ok(());
    };
    let columns = OrderColumns::new(orders)?;
    for row in 0..orders.len() {
        check_created_at(joined, &columns, row, found);
        check_subtotal(joined, &columns, row, found)?;
        check_total(&columns, row, found);
    }
    Ok(())
}

fn check_items(joined: &Joined, items: &Rows, found: &mut Findings) -> Result<()> {
    let product = items.column::<Id>("product_id")?;
    let quantity = items.column::<Whole>("quantity")?;
    let price = items.column::<Cents>("unit_price")?;
    let total = items.column::<Cents>("total")?;
    let list_price = joined
        .table(Table::Products)
        .map(|t| t.column::<Cents>("price"))
        .transpose()?;
    for row in 0..items.len() {
        let q = quantity.at(row);
        let unit = price.at(row);
        if let (Some(list_price), Some(unit)) = (list_price, unit)
            && let Some(p) = joined.find(Table::Products, product.at(row))
            && let Some(list) = list_price.at(p)
            && list != unit
        {
            found.at(
                items,
                row,
                Rule::OrdersUnitPrice,
                format!(
                    "unit_price is {}; the product's price is {}",
                    money_text(unit),
                    money_text(list)
                ),
            );
        }
        if let (Some(unit), Some(q), Some(t)) = (unit, q, total.at(row))
            && unit.checked_mul(q) != Some(t)
        {
            found.at(
                items,
                row,
                Rule::OrdersItemTotal,
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
    Ok(())
}

struct OrderColumns<'t> {
    rows: &'t Rows,
    user: Column<'t, Id>,
    created: Column<'t, Moment>,
    subtotal: Column<'t, Cents>,
    tax: Column<'t, Cents>,
    total: Column<'t, Cents>,
    // The data model makes these two optional: absent fields count as zero.
    shipping_cost: Option<Column<'t, Cents>>,
    discount: Option<Column<'t, Cents>>,
}

impl<'t> OrderColumns<'t> {
    fn new(rows: &'t Rows) -> Result<Self> {
        let optional = |name: &str| -> Result<Option<Column<'t, Cents>>> {
            match rows.fields().iter().any(|f| f.name == name) {
                true => rows.column(name).map(Some),
                false => Ok(None),
            }
        };
        Ok(OrderColumns {
            rows,
            user: rows.column("user_id")?,
            created: rows.column("created_at")?,
            subtotal: rows.column("subtotal")?,
            tax: rows.column("tax")?,
            total: rows.column("total")?,
            shipping_cost: optional("shipping_cost")?,
            discount: optional("discount")?,
        })
    }
}

fn check_created_at(joined: &Joined, o: &OrderColumns, row: usize, found: &mut Findings) {
    if let (Some(at), Some(signup)) = (o.created.at(row), joined.signup_of(o.user.at(row)))
        && at < signup
    {
        found.at(
            o.rows,
            row,
            Rule::OrdersCreatedAt,
            format!("created_at {at} is before the user's created_at {signup}"),
        );
    }
}

fn check_subtotal(
    joined: &Joined,
    o: &OrderColumns,
    row: usize,
    found: &mut Findings,
) -> Result<()> {
    let (Some(groups), Some(items)) = (&joined.items_of, joined.table(Table::OrderItems)) else {
        return Ok(());
    };
    let mine = groups.of(row);
    if mine.is_empty() {
        found.at(
            o.rows,
            row,
            Rule::OrdersItems,
            "the order has no items".to_string(),
        );
        return Ok(());
    }
    let Some(sub) = o.subtotal.at(row) else {
        return Ok(());
    };
    let item_total = items.column::<Cents>("total")?;
    let sum: Option<i64> = mine
        .iter()
        .map(|&i| item_total.at(i))
        .try_fold(0i64, |acc, m| acc.checked_add(m?));
    if let Some(sum) = sum
        && sum != sub
    {
        found.at(
            o.rows,
            row,
            Rule::OrdersSubtotal,
            format!(
                "subtotal is {}; its {} items add up to {}",
                money_text(sub),
                mine.len(),
                money_text(sum)
            ),
        );
    }
    Ok(())
}

fn check_total(o: &OrderColumns, row: usize, found: &mut Findings) {
    let part = |col: Option<Column<Cents>>| match col {
        Some(c) => c.at(row),
        None => Some(0),
    };
    let (Some(s), Some(tx), Some(sc), Some(d), Some(t)) = (
        o.subtotal.at(row),
        o.tax.at(row),
        part(o.shipping_cost),
        part(o.discount),
        o.total.at(row),
    ) else {
        return;
    };
    // Edited files can hold amounts whose sum does not fit.
    let expected = s
        .checked_add(tx)
        .and_then(|v| v.checked_add(sc))
        .and_then(|v| v.checked_sub(d));
    if expected != Some(t) {
        found.at(
            o.rows,
            row,
            Rule::OrdersTotal,
            format!(
                "total is {}; subtotal {} + tax {} + shipping_cost {} - discount {} = {}",
                money_text(t),
                money_text(s),
                money_text(tx),
                money_text(sc),
                money_text(d),
                expected.map_or("out of range".into(), money_text)
            ),
        );
    }
}
