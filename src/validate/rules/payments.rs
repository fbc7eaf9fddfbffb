//! Invariant 6: every order's payment rows tell its status (captured for paid
//! orders, pending for pending ones, never for cancelled ones), and refunds pay back
//! exactly the order's refunded returns, each no earlier than its request.

use super::super::report::Findings;
use super::super::table::{Cents, Choice, Column, Id, Moment, Rows, Text};
use super::super::value::{money_text, shown};
use super::{Joined, PAID_STATUSES};
use crate::error::Result;
use crate::model::Timestamp;
use crate::rules::Rule;
use crate::schema::Table;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(p) = joined.table(Table::Payments) else {
        return Ok(());
    };
    let payments = PaymentColumns::new(p)?;
    let placed = joined
        .table(Table::Orders)
        .map(|o| o.column::<Moment>("created_at"))
        .transpose()?;
    for row in 0..p.len() {
        check_payment(joined, &payments, placed, row, found);
    }
    let (Some(o), Some(groups)) = (joined.table(Table::Orders), &joined.payments_of) else {
        return Ok(());
    };
    let status = o.column::<Choice>("status")?;
    let total = o.column::<Cents>("total")?;
    let id = o.column::<Id>("order_id")?;
    for row in 0..o.len() {
        let Some(status) = status.at(row) else {
            continue;
        };
        let order = Order {
            rows: o,
            row,
            status,
            id: id.text(row).unwrap_or_default(),
            total: total.at(row),
        };
        let mine = groups.of(row);
        if mine.is_empty() {
            found.at(
                o,
                row,
                Rule::PaymentsMissing,
                format!("the {status} order {} has no payment rows", order.id),
            );
            continue;
        }
        let refunded = check_order(&payments, &order, mine, found);
        if status == "cancelled" {
            continue;
        }
        if let (Some(returns), Some(return_groups)) =
            (joined.table(Table::Returns), &joined.returns_of)
        {
            check_refunds(
                &payments,
                &order,
                &refunded,
                returns,
                return_groups.of(row),
                found,
            )?;
        }
    }
    Ok(())
}

struct PaymentColumns<'t> {
    rows: &'t Rows,
    order: Column<'t, Id>,
    amount: Column<'t, Cents>,
    status: Column<'t, Choice>,
    paid_at: Column<'t, Moment>,
}

impl<'t> PaymentColumns<'t> {
    fn new(rows: &'t Rows) -> Result<Self> {
        Ok(PaymentColumns {
            rows,
            order: rows.column("order_id")?,
            amount: rows.column("amount")?,
            status: rows.column("status")?,
            paid_at: rows.column("paid_at")?,
        })
    }

    /// The rows among `rows` whose status is exactly `wanted`.
    fn with_status(&self, rows: &[usize], wanted: &str) -> Vec<usize> {
        rows.iter()
            .copied()
            .filter(|&r| self.status.text(r) == Some(wanted))
            .collect()
    }
}

/// An order whose payments are checked.
struct Order<'t> {
    rows: &'t Rows,
    row: usize,
    status: &'static str,
    id: &'t str,
    total: Option<i64>,
}

/// The checks of one payment row on its own and against its order's placement.
fn check_payment(
    joined: &Joined,
    p: &PaymentColumns,
    placed_at: Option<Column<Moment>>,
    row: usize,
    found: &mut Findings,
) {
    let paid_at = p.paid_at.text(row);
    if let Some(s) = p.status.at(row) {
        let settled = s == "completed" || s == "refunded";
        if settled && paid_at.is_none() {
            found.at(
                p.rows,
                row,
                Rule::PaymentsPaidAt,
                format!("a {s} payment has no paid_at"),
            );
        } else if !settled && let Some(at) = paid_at {
            found.at(
                p.rows,
                row,
                Rule::PaymentsPaidAt,
                format!("a {s} payment has paid_at {}; it must be empty", shown(at)),
            );
        }
        if s == "refunded"
            && let Some(a) = p.amount.at(row)
            && a <= 0
        {
            found.at(
                p.rows,
                row,
                Rule::PaymentsRefund,
                format!(
                    "a refund's amount is {}; it must be positive",
                    money_text(a)
                ),
            );
        }
    }
    if let Some(placed_at) = placed_at
        && let Some(at) = p.paid_at.at(row)
        && let Some(o) = joined.find(Table::Orders, p.order.at(row))
        && let Some(placed) = placed_at.at(o)
        && at < placed
    {
        found.at(
            p.rows,
            row,
            Rule::PaymentsPaidAt,
            format!("paid_at {at} is before the order's created_at {placed}"),
        );
    }
}

/// The payment rows of one order against its status; returns its refund rows.
fn check_order(
    p: &PaymentColumns,
    order: &Order,
    mine: &[usize],
    found: &mut Findings,
) -> Vec<usize> {
    let completed = p.with_status(mine, "completed");
    let refunded = p.with_status(mine, "refunded");
    let (o, row, id) = (order.rows, order.row, order.id);
    match order.status {
        "cancelled" if !completed.is_empty() || !refunded.is_empty() => {
            found.at(
                o,
                row,
                Rule::PaymentsCancelled,
                format!(
                    "the cancelled order {id} has {} completed and {} refunded payment rows; \
                     orders are cancelled before payment",
                    completed.len(),
                    refunded.len()
                ),
            );
        }
        "pending" if p.with_status(mine, "pending").is_empty() || !completed.is_empty() => {
            found.at(
                o,
                row,
                Rule::PaymentsPending,
                format!(
                    "the pending order {id} has {} pending and {} completed payment rows; \
                         it needs a pending one and no completed one",
                    p.with_status(mine, "pending").len(),
                    completed.len()
                ),
            );
        }
        s if PAID_STATUSES.contains(&s) => {
            let paid = completed
                .iter()
                .try_fold(0i64, |acc, &r| acc.checked_add(p.amount.at(r)?));
            if let (Some(paid), Some(total)) = (paid, order.total)
                && paid != total
            {
                found.at(
                    o,
                    row,
                    Rule::PaymentsCompleted,
                    format!(
                        "the {s} order {id}'s completed payments add up to {}; its total is {}",
                        money_text(paid),
                        money_text(total)
                    ),
                );
            }
        }
        _ => {}
    }
    refunded
}

/// The refunded payments of one order against its returns with status `refunded`:
/// the same total, and each refund paid no earlier than the request of the return it
/// pays. Rows do not name the return they pay, so each refund is matched to a return
/// of the same amount requested by then.
fn check_refunds(
    p: &PaymentColumns,
    order: &Order,
    refund_rows: &[usize],
    r: &Rows,
    return_rows: &[usize],
    found: &mut Findings,
) -> Result<()> {
    let status = r.column::<Text>("status")?;
    let refund = r.column::<Cents>("refund_amount")?;
    let requested = r.column::<Moment>("requested_at")?;
    let mut owed: Vec<(i64, Option<Timestamp>)> = Vec::new();
    for &rr in return_rows {
        if status.at(rr) == Some("refunded") {
            let Some(amount) = refund.at(rr) else {
                return Ok(());
            };
            owed.push((amount, requested.at(rr)));
        }
    }
    let mut refunds: Vec<(i64, Option<Timestamp>, usize)> = Vec::new();
    for &pr in refund_rows {
        let Some(a) = p.amount.at(pr) else {
            return Ok(());
        };
        refunds.push((a, p.paid_at.at(pr), pr));
    }
    let owed_sum = owed.iter().fold(0i64, |acc, o| acc.saturating_add(o.0));
    let paid_sum = refunds.iter().fold(0i64, |acc, r| acc.saturating_add(r.0));
    if owed_sum != paid_sum {
        found.at(
            order.rows,
            order.row,
            Rule::PaymentsRefunds,
            format!(
                "order {}'s refunded payments add up to {}; its refunded returns to {}",
                order.id,
                money_text(paid_sum),
                money_text(owed_sum)
            ),
        );
    }
    check_refund_times(p, refunds, &owed, found);
    Ok(())
}

/// Each refund against the request of a return it can pay.
fn check_refund_times(
    p: &PaymentColumns,
    mut refunds: Vec<(i64, Option<Timestamp>, usize)>,
    owed: &[(i64, Option<Timestamp>)],
    found: &mut Findings,
) {
    // Earlier refunds first: a later one can pay any return an earlier one could, so
    // taking any return that fits never blocks a match.
    refunds.sort_by_key(|r| r.1);
    let earliest_request = owed.iter().filter_map(|o| o.1).min();
    let mut matched = vec![false; owed.len()];
    for (a, at, pr) in refunds {
        let Some(at) = at else { continue };
        let fits = owed
            .iter()
            .enumerate()
            .position(|(i, &(refund, requested))| {
                !matched[i] && refund == a && requested.is_none_or(|q| q <= at)
            });
        if let Some(i) = fits {
            matched[i] = true;
            continue;
        }
        let same_amount = owed
            .iter()
            .enumerate()
            .filter(|(i, o)| !matched[*i] && o.0 == a)
            .filter_map(|(_, o)| o.1)
            .min();
        let requested = same_amount.or(earliest_request);
        if let Some(requested) = requested
            && at < requested
        {
            found.at(
                p.rows,
                pr,
                Rule::PaymentsRefunds,
                format!(
                    "the refund of {} is paid at {at}, before its return was requested at {requested}",
                    money_text(a)
                ),
            );
        }
    }
}
