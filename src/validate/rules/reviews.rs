//! Invariant 9: a review is its buyer's, of a product of that order, written once
//! the order was delivered and once only (its rating's range is checked with the
//! values).

use super::super::index::repeats;
use super::super::report::Findings;
use super::super::table::{Choice, Column, Id, Moment, Rows, Text};
use super::{DELIVERED_STATUSES, Joined};
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;
use std::collections::HashMap;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(v) = joined.table(Table::Reviews) else {
        return Ok(());
    };
    let reviews = ReviewColumns {
        rows: v,
        user: v.column("user_id")?,
        product: v.column("product_id")?,
        order: v.column("order_id")?,
        created: v.column("created_at")?,
    };
    let item_product = joined
        .table(Table::OrderItems)
        .map(|t| t.column::<Text>("product_id"))
        .transpose()?;
    let order_status = joined
        .table(Table::Orders)
        .map(|t| t.column::<Choice>("status"))
        .transpose()?;
    let mut reviewed = HashMap::new();
    for row in 0..v.len() {
        if let (Some(o), Some(p)) = (reviews.order.at(row), reviews.product.at(row))
            && let Some(first) = repeats(&mut reviewed, (o, p), row)
        {
            found.at(
                v,
                row,
                Rule::ReviewsOnePerPurchase,
                format!(
                    "product {p} of order {o} was reviewed already, in record {}",
                    first + 1
                ),
            );
        }
        let Some(order_status) = order_status else {
            continue;
        };
        let Some(order) = joined.find(Table::Orders, reviews.order.at(row)) else {
            continue;
        };
        check_purchase(joined, &reviews, item_product, order, row, found);
        check_delivery(joined, &reviews, order_status, order, row, found);
    }
    Ok(())
}

struct ReviewColumns<'t> {
    rows: &'t Rows,
    user: Column<'t, Id>,
    product: Column<'t, Id>,
    order: Column<'t, Id>,
    created: Column<'t, Moment>,
}

fn check_purchase(
    joined: &Joined,
    v: &ReviewColumns,
    item_product: Option<Column<Text>>,
    order: usize,
    row: usize,
    found: &mut Findings,
) {
    if let (Some(vu), Some(ou)) = (v.user.at(row), joined.buyer_of(order))
        && vu != ou
    {
        found.at(
            v.rows,
            row,
            Rule::ReviewsPurchase,
            format!("the reviewer {vu} is not the order's buyer {ou}"),
        );
    }
    if let (Some(item_product), Some(groups), Some(product)) =
        (item_product, &joined.items_of, v.product.at(row))
        && !groups
            .of(order)
            .iter()
            .any(|&i| item_product.at(i) == Some(product))
    {
        found.at(
            v.rows,
            row,
            Rule::ReviewsPurchase,
            format!("product {product} is not an item of the reviewed order"),
        );
    }
}

fn check_delivery(
    joined: &Joined,
    v: &ReviewColumns,
    order_status: Column<Choice>,
    order: usize,
    row: usize,
    found: &mut Findings,
) {
    let Some(at) = v.created.at(row) else {
        return;
    };
    if joined.table(Table::Shipping).is_some() {
        match joined.delivered_at(order) {
            Some(delivered) if delivered <= at => {}
            Some(delivered) => found.at(
                v.rows,
                row,
                Rule::ReviewsDelivery,
                format!("created_at {at} is before the order's delivery at {delivered}"),
            ),
            None => found.at(
                v.rows,
                row,
                Rule::ReviewsDelivery,
                "the reviewed order has no delivery in shipping".to_string(),
            ),
        }
    } else if let Some(s) = order_status.at(order)
        && !DELIVERED_STATUSES.contains(&s)
    {
        found.at(
            v.rows,
            row,
            Rule::ReviewsDelivery,
            format!("the reviewed order is {s}, not delivered"),
        );
    }
}
