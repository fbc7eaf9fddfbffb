//! Invariant 8: returns belong to returned orders, one per item at most, by the
//! order's buyer, after delivery, for at most what the item cost.

use super::super::index::repeats;
use super::super::report::Findings;
use super::super::table::{Cents, Choice, Column, Id, Moment, Rows, Text};
use super::super::value::money_text;
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;
use std::collections::HashMap;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(r) = joined.table(Table::Returns) else {
        return Ok(());
    };
    let returns = ReturnColumns {
        rows: r,
        order: r.column("order_id")?,
        item: r.column("order_item_id")?,
        user: r.column("user_id")?,
        product: r.column("product_id")?,
        requested: r.column("requested_at")?,
        resolved: r.column("resolved_at")?,
        refund: r.column("refund_amount")?,
    };
    let order_status = joined
        .table(Table::Orders)
        .map(|o| o.column::<Choice>("status"))
        .transpose()?;
    let items = joined
        .table(Table::OrderItems)
        .map(ItemColumns::new)
        .transpose()?;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in 0..r.len() {
        check_return(&returns, &mut seen, row, found);
        if let Some(order_status) = order_status {
            check_against_order(joined, &returns, order_status, row, found);
        }
        if let Some(items) = &items {
            check_against_item(joined, &returns, items, row, found);
        }
    }
    if let (Some(o), Some(groups)) = (joined.table(Table::Orders), &joined.returns_of) {
        let status = o.column::<Text>("status")?;
        let id = o.column::<Id>("order_id")?;
        for row in 0..o.len() {
            if status.at(row) == Some("returned") && groups.of(row).is_empty() {
                found.at(
                    o,
                    row,
                    Rule::ReturnsMissing,
                    format!(
                        "the returned order {} has no return rows",
                        id.text(row).unwrap_or_default()
                    ),
                );
            }
        }
    }
    Ok(())
}

struct ReturnColumns<'t> {
    rows: &'t Rows,
    order: Column<'t, Id>,
    item: Column<'t, Id>,
    user: Column<'t, Id>,
    product: Column<'t, Id>,
    requested: Column<'t, Moment>,
    resolved: Column<'t, Moment>,
    refund: Column<'t, Cents>,
}

struct ItemColumns<'t> {
    order: Column<'t, Id>,
    product: Column<'t, Id>,
    total: Column<'t, Cents>,
}

impl<'t> ItemColumns<'t> {
    fn new(rows: &'t Rows) -> Result<Self> {
        Ok(ItemColumns {
            order: rows.column("order_id")?,
            product: rows.column("product_id")?,
            total: rows.column("total")?,
        })
    }
}

fn check_return<'t>(
    r: &ReturnColumns<'t>,
    seen: &mut HashMap<&'t str, usize>,
    row: usize,
    found: &mut Findings,
) {
    if let (Some(requested), Some(resolved)) = (r.requested.at(row), r.resolved.at(row))
        && resolved < requested
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsRequestedAt,
            format!("resolved_at {resolved} is before requested_at {requested}"),
        );
    }
    if let Some(item_id) = r.item.at(row)
        && let Some(first) = repeats(seen, item_id, row)
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsOnePerItem,
            format!(
                "order item {item_id} is already returned in record {}",
                first + 1
            ),
        );
    }
}

fn check_against_order(
    joined: &Joined,
    r: &ReturnColumns,
    order_status: Column<Choice>,
    row: usize,
    found: &mut Findings,
) {
    let Some(order) = joined.find(Table::Orders, r.order.at(row)) else {
        return;
    };
    if let Some(s) = order_status.at(order)
        && s != "returned"
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsOrder,
            format!("the return's order is {s}; only returned orders have returns"),
        );
    }
    if let (Some(ru), Some(ou)) = (r.user.at(row), joined.buyer_of(order))
        && ru != ou
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsUser,
            format!("user_id {ru} is not the order's user {ou}"),
        );
    }
    if let (Some(req), Some(delivered)) = (r.requested.at(row), joined.delivered_at(order))
        && req < delivered
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsRequestedAt,
            format!("requested_at {req} is before the order's delivery at {delivered}"),
        );
    }
}

fn check_against_item(
    joined: &Joined,
    r: &ReturnColumns,
    items: &ItemColumns,
    row: usize,
    found: &mut Findings,
) {
    let item_id = r.item.at(row);
    let Some(item) = joined.find(Table::OrderItems, item_id) else {
        return;
    };
    if let (Some(ro), Some(io)) = (r.order.at(row), items.order.at(item))
        && ro != io
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsItem,
            format!(
                "order item {} belongs to order {io}, not to {ro}",
                item_id.unwrap_or_default()
            ),
        );
    }
    if let (Some(rp), Some(ip)) = (r.product.at(row), items.product.at(item))
        && rp != ip
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsItem,
            format!("product_id {rp} is not the item's product {ip}"),
        );
    }
    if let (Some(a), Some(total)) = (r.refund.at(row), items.total.at(item))
        && a > total
    {
        found.at(
            r.rows,
            row,
            Rule::ReturnsRefundAmount,
            format!(
                "refund_amount {} is more than the item's total {}",
                money_text(a),
                money_text(total)
            ),
        );
    }
}
