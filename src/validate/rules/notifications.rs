//! The promises of the notifications' schema: an order notification names one of its
//! user's orders and is never dated before the event it announces; each order is
//! confirmed once; no notification comes before its user signed up or is read before
//! it was sent.

use super::super::report::Findings;
use super::super::table::{Choice, Column, Id, Moment, Rows, Text};
use super::Joined;
use crate::error::Result;
use crate::model::Timestamp;
use crate::rules::Rule;
use crate::schema::Table;

/// The kinds that announce an event of the order they name; the others (marketing,
/// account messages) name none.
const ORDER_KINDS: [&str; 5] = [
    "order_confirmed",
    "order_shipped",
    "order_delivered",
    "review_reminder",
    "refund_issued",
];

/// An order's event as the dataset tells it: not known from what was read, never
/// happened, or happened at a moment.
enum Event {
    Unknown,
    Never,
    At(Timestamp),
}

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(t) = joined.table(Table::Notifications) else {
        return Ok(());
    };
    let n = NotificationColumns {
        rows: t,
        user: t.column("user_id")?,
        order: t.column("order_id")?,
        kind: t.column("kind")?,
        created: t.column("created_at")?,
        read: t.column("read_at")?,
    };
    let events = EventColumns::new(joined)?;
    let orders = joined.table(Table::Orders);
    let mut confirmations = vec![0u32; orders.map_or(0, Rows::len)];
    for row in 0..t.len() {
        check_times(joined, &n, row, found);
        let Some(kind) = n.kind.at(row) else {
            continue;
        };
        check_order(joined, &n, &events, kind, row, found);
        if kind == "order_confirmed"
            && let Some(order) = joined.find(Table::Orders, n.order.at(row))
        {
            confirmations[order] += 1;
            if confirmations[order] == 2 {
                found.at(
                    t,
                    row,
                    Rule::NotificationsConfirmation,
                    "the order was confirmed already".to_string(),
                );
            }
        }
    }
    if let Some(orders) = orders {
        for (order, _) in confirmations.iter().enumerate().filter(|(_, n)| **n == 0) {
            found.at(
                orders,
                order,
                Rule::NotificationsConfirmation,
                "the order has no order_confirmed notification".to_string(),
            );
        }
    }
    Ok(())
}

struct NotificationColumns<'t> {
    rows: &'t Rows,
    user: Column<'t, Id>,
    order: Column<'t, Id>,
    kind: Column<'t, Choice>,
    created: Column<'t, Moment>,
    read: Column<'t, Moment>,
}

/// The columns that tell when an order's events happened, of the tables that were read.
struct EventColumns<'t> {
    placed: Option<Column<'t, Moment>>,
    shipped: Option<Column<'t, Moment>>,
    return_status: Option<Column<'t, Text>>,
    resolved: Option<Column<'t, Moment>>,
}

impl<'t> EventColumns<'t> {
    fn new(joined: &Joined<'t>) -> Result<Self> {
        let returns = joined.table(Table::Returns);
        Ok(EventColumns {
            placed: joined
                .table(Table::Orders)
                .map(|t| t.column("created_at"))
                .transpose()?,
            shipped: joined
                .table(Table::Shipping)
                .map(|t| t.column("shipped_at"))
                .transpose()?,
            return_status: returns.map(|t| t.column("status")).transpose()?,
            resolved: returns.map(|t| t.column("resolved_at")).transpose()?,
        })
    }
}

fn check_times(joined: &Joined, n: &NotificationColumns, row: usize, found: &mut Findings) {
    let at = n.created.at(row);
    if let (Some(c), Some(r)) = (at, n.read.at(row))
        && r < c
    {
        found.at(
            n.rows,
            row,
            Rule::NotificationsReadAt,
            format!("read_at {r} is before created_at {c}"),
        );
    }
    if let (Some(at), Some(signup)) = (at, joined.signup_of(n.user.at(row)))
        && at < signup
    {
        found.at(
            n.rows,
            row,
            Rule::NotificationsCreatedAt,
            format!("created_at {at} is before the user's created_at {signup}"),
        );
    }
}

fn check_order(
    joined: &Joined,
    n: &NotificationColumns,
    events: &EventColumns,
    kind: &str,
    row: usize,
    found: &mut Findings,
) {
    let named = n.order.at(row);
    match (ORDER_KINDS.contains(&kind), named) {
        (true, None) => found.at(
            n.rows,
            row,
            Rule::NotificationsOrder,
            format!("{} {kind} notification names no order", article(kind)),
        ),
        (false, Some(id)) => found.at(
            n.rows,
            row,
            Rule::NotificationsOrder,
            format!(
                "{} {kind} notification names order {id}; only order notifications do",
                article(kind)
            ),
        ),
        _ => {}
    }
    let Some(order) = joined.find(Table::Orders, named) else {
        return;
    };
    if let (Some(nu), Some(ou)) = (n.user.at(row), joined.buyer_of(order))
        && nu != ou
    {
        found.at(
            n.rows,
            row,
            Rule::NotificationsOrder,
            format!("the order belongs to user {ou}, not to the notified user {nu}"),
        );
    }
    let Some(at) = n.created.at(row) else { return };
    match order_event(joined, events, kind, order) {
        Event::Unknown => {}
        Event::Never => found.at(
            n.rows,
            row,
            Rule::NotificationsEvent,
            format!(
                "{kind} announces what never happened to order {}",
                named.unwrap_or_default()
            ),
        ),
        Event::At(event) if at < event => found.at(
            n.rows,
            row,
            Rule::NotificationsEvent,
            format!("created_at {at} is before the {kind} event at {event}"),
        ),
        Event::At(_) => {}
    }
}

/// When the event an order notification of `kind` announces happened to `order`, as
/// far as the tables that were read tell.
fn order_event(joined: &Joined, events: &EventColumns, kind: &str, order: usize) -> Event {
    let at = |t: Option<Timestamp>| t.map_or(Event::Never, Event::At);
    match kind {
        "order_confirmed" => match events.placed {
            Some(placed) => placed.at(order).map_or(Event::Unknown, Event::At),
            None => Event::Unknown,
        },
        "order_shipped" => match (events.shipped, &joined.shipments_of) {
            (Some(shipped), Some(groups)) => {
                at(groups.of(order).first().and_then(|&row| shipped.at(row)))
            }
            _ => Event::Unknown,
        },
        "order_delivered" | "review_reminder" if joined.table(Table::Shipping).is_some() => {
            at(joined.delivered_at(order))
        }
        "refund_issued" => match (events.return_status, events.resolved, &joined.returns_of) {
            (Some(status), Some(resolved), Some(groups)) => at(groups
                .of(order)
                .iter()
                .filter(|&&row| status.at(row) == Some("refunded"))
                .filter_map(|&row| resolved.at(row))
                .min()),
            _ => Event::Unknown,
        },
        _ => Event::Unknown,
    }
}

/// "an order_shipped", "a review_reminder".
fn article(word: &str) -> &'static str {
    match word.bytes().next() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
}
