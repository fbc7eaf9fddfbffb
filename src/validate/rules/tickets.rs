//! Invariant 10: a ticket about an order is its buyer's, written once the order was
//! placed, and is resolved after it was opened.

use super::super::report::Findings;
use super::super::table::{Id, Moment};
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(t) = joined.table(Table::SupportTickets) else {
        return Ok(());
    };
    let user = t.column::<Id>("user_id")?;
    let order = t.column::<Id>("order_id")?;
    let created = t.column::<Moment>("created_at")?;
    let resolved = t.column::<Moment>("resolved_at")?;
    let placed = joined
        .table(Table::Orders)
        .map(|o| o.column::<Moment>("created_at"))
        .transpose()?;
    for row in 0..t.len() {
        if let Some(o) = joined.find(Table::Orders, order.at(row))
            && let (Some(tu), Some(ou)) = (user.at(row), joined.buyer_of(o))
            && tu != ou
        {
            found.at(
                t,
                row,
                Rule::TicketsOrder,
                format!("the ticket's order belongs to user {ou}, not to the ticket's user {tu}"),
            );
        }
        if let (Some(placed), Some(o)) = (&placed, joined.find(Table::Orders, order.at(row)))
            && let (Some(at), Some(c)) = (placed.at(o), created.at(row))
            && c < at
        {
            found.at(
                t,
                row,
                Rule::TicketsOrder,
                format!("created_at {c} is before its order was placed at {at}"),
            );
        }
        if let (Some(c), Some(r)) = (created.at(row), resolved.at(row))
            && r < c
        {
            found.at(
                t,
                row,
                Rule::TicketsResolvedAt,
                format!("resolved_at {r} is before created_at {c}"),
            );
        }
    }
    Ok(())
}
