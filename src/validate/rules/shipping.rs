//! Invariant 7: one shipment for each order that left the warehouse, none for the
//! others, shipped after it was placed and delivered exactly when the order says so.

use super::super::report::Findings;
use super::super::table::{Choice, Column, Id, Moment, Rows};
use super::{DELIVERED_STATUSES, Joined, SHIPPED_STATUSES};
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(s) = joined.table(Table::Shipping) else {
        return Ok(());
    };
    let shipments = ShipmentColumns {
        rows: s,
        order: s.column("order_id")?,
        shipped: s.column("shipped_at")?,
        delivered: s.column("delivered_at")?,
        status: s.column("status")?,
    };
    let orders = joined
        .table(Table::Orders)
        .map(|o| {
            Ok::<_, crate::Error>((
                o.column::<Moment>("created_at")?,
                o.column::<Choice>("status")?,
            ))
        })
        .transpose()?;
    for row in 0..s.len() {
        check_shipment(&shipments, row, found);
        if let Some((placed, status)) = orders {
            check_against_order(joined, &shipments, placed, status, row, found);
        }
    }
    if let (Some(o), Some(groups)) = (joined.table(Table::Orders), &joined.shipments_of) {
        let status = o.column::<Choice>("status")?;
        let id = o.column::<Id>("order_id")?;
        for row in 0..o.len() {
            let Some(os) = status.at(row) else {
                continue;
            };
            let expected = usize::from(SHIPPED_STATUSES.contains(&os));
            let shipments = groups.of(row).len();
            if shipments != expected {
                found.at(
                    o,
                    row,
                    Rule::ShippingOnePerOrder,
                    format!(
                        "the {os} order {} has {shipments} shipping rows; it needs {expected}",
                        id.text(row).unwrap_or_default()
                    ),
                );
            }
        }
    }
    Ok(())
}

struct ShipmentColumns<'t> {
    rows: &'t Rows,
    order: Column<'t, Id>,
    shipped: Column<'t, Moment>,
    delivered: Column<'t, Moment>,
    status: Column<'t, Choice>,
}

fn check_shipment(s: &ShipmentColumns, row: usize, found: &mut Findings) {
    let delivered_at = s.delivered.text(row);
    if let (Some(sh), Some(de)) = (s.shipped.at(row), s.delivered.at(row))
        && de < sh
    {
        found.at(
            s.rows,
            row,
            Rule::ShippingDeliveredAt,
            format!("delivered_at {de} is before shipped_at {sh}"),
        );
    }
    if let Some(st) = s.status.at(row)
        && (st == "delivered") != delivered_at.is_some()
    {
        found.at(
            s.rows,
            row,
            Rule::ShippingStatus,
            match delivered_at {
                Some(_) => format!("status is {st}, but delivered_at is set"),
                None => format!("status is {st}, but delivered_at is empty"),
            },
        );
    }
}

fn check_against_order(
    joined: &Joined,
    s: &ShipmentColumns,
    placed_at: Column<Moment>,
    order_status: Column<Choice>,
    row: usize,
    found: &mut Findings,
) {
    let Some(order) = joined.find(Table::Orders, s.order.at(row)) else {
        return;
    };
    let delivered_at = s.delivered.text(row);
    if let (Some(placed), Some(sh)) = (placed_at.at(order), s.shipped.at(row))
        && sh < placed
    {
        found.at(
            s.rows,
            row,
            Rule::ShippingShippedAt,
            format!("shipped_at {sh} is before the order's created_at {placed}"),
        );
    }
    if let Some(os) = order_status.at(order)
        && DELIVERED_STATUSES.contains(&os) != delivered_at.is_some()
    {
        found.at(
            s.rows,
            row,
            Rule::ShippingDeliveredAt,
            match delivered_at {
                Some(_) => format!("delivered_at is set, but the order is {os}"),
                None => format!("delivered_at is empty, but the order is {os}"),
            },
        );
    }
}
