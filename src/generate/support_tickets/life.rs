//! What a ticket about an order may say: the stretches of the order's life in which
//! each kind of issue is true (a "where is my order" only while it travels), so a
//! ticket's text and date fit the order it names.

use crate::generate::orders::{OrderFacts, PaymentOutcome, ReturnStatus};
use crate::model::{Money, Timestamp};
use crate::rng;
use crate::words::catalog::Goods;
use crate::words::text::{TICKET_TOPICS, TicketIssue, TicketTopic, When};

/// The moments of an order's life that decide what its customer can write about it.
#[derive(Clone, Copy, Debug)]
pub struct Life {
    pub(super) created: Timestamp,
    /// The first declined payment attempt.
    pub(super) declined: Option<Timestamp>,
    pub(super) paid: Option<Timestamp>,
    /// When the shop cancelled the order.
    pub(super) cancelled: Option<Timestamp>,
    pub(super) shipped: Option<Timestamp>,
    pub(super) delivered: Option<Timestamp>,
    /// When a return was requested.
    pub(super) returned: Option<Timestamp>,
    /// When a return was first approved or refunded.
    pub(super) refunded: Option<Timestamp>,
    /// The end of the day the carrier promised.
    pub(super) promised: Option<Timestamp>,
    pub(super) lines: usize,
    /// The most units of any line.
    pub(super) most_units: u32,
    /// Charged after a declined attempt.
    pub(super) paid_after_decline: bool,
    pub(super) shipping_fee: bool,
    pub(super) discounted: bool,
    /// The end of the window: nothing is dated after it.
    pub(super) end: Timestamp,
}

impl Life {
    pub fn of(facts: &OrderFacts, end: Timestamp) -> Life {
        let failed = &facts.failed_attempts[..facts.failed_count];
        let returns = || facts.items().iter().filter_map(|item| item.returned);
        Life {
            created: facts.created_at,
            declined: failed.first().copied(),
            paid: match facts.outcome() {
                PaymentOutcome::Completed(at) => Some(at),
                PaymentOutcome::Pending(_) | PaymentOutcome::Abandoned => None,
            },
            cancelled: facts.cancelled_at(),
            shipped: facts.shipped_at(),
            delivered: facts.delivered_at(),
            returned: returns().map(|r| r.requested_at).min(),
            refunded: returns()
                .filter(|r| matches!(r.status, ReturnStatus::Approved | ReturnStatus::Refunded))
                .filter_map(|r| r.resolved_at)
                .min(),
            promised: facts.shipment().map(|s| {
                // The promise is a day in the customer's zone; its end, in UTC.
                let offset = facts.country.utc_offset * 3_600;
                Timestamp((s.promised.0 + 1) * 86_400 - 1 - offset)
            }),
            lines: facts.items().len(),
            most_units: facts.items().iter().map(|i| i.quantity).max().unwrap_or(0),
            paid_after_decline: facts.failed_count > 0 && facts.paid_at().is_some(),
            shipping_fee: facts.shipping_cost > Money::ZERO,
            discounted: facts.discount > Money::ZERO,
            end,
        }
    }

    /// The first and last moment (inclusive) a ticket saying something true `when`
    /// can be dated, or `None` if the order never was in that state.
    pub fn span(&self, when: When) -> Option<(Timestamp, Timestamp)> {
        let placed = self.cancelled.is_none();
        // Up to the moment before `next`, or to the end if it never came.
        let until = |next: Option<Timestamp>| next.map_or(self.end, |t| t.plus(-1));
        let (from, to) = match when {
            When::Any => (self.created, self.end),
            When::Unpaid if placed => (self.created, until(self.paid)),
            When::Unshipped if placed => (self.created, until(self.shipped)),
            When::Processing => (self.paid?, until(self.shipped)),
            When::Undelivered if placed => (self.created, until(self.delivered)),
            When::InTransit => (self.shipped?, until(self.delivered)),
            When::Overdue => (
                self.promised?.plus(1).max(self.shipped?),
                until(self.delivered),
            ),
            When::KeptSeveral if self.returned.is_none() && self.lines > 1 => {
                (self.delivered?, self.end)
            }
            When::UnshippedSeveral if placed && self.most_units > 1 => {
                (self.created, until(self.shipped))
            }
            When::UnshippedLines if placed && self.lines > 1 => (self.created, until(self.shipped)),
            When::PaidAfterDecline if self.paid_after_decline => (self.paid?, self.end),
            When::Paid => (self.paid?, self.end),
            When::PaidShipping if self.shipping_fee => (self.paid?, self.end),
            When::Undiscounted if placed && !self.discounted => (self.created, self.end),
            When::Declined => (self.declined?, self.end),
            When::Delivered => (self.delivered?, until(self.returned)),
            When::Kept if self.returned.is_none() => (self.delivered?, self.end),
            When::Returned => (self.returned?, self.end),
            When::Refunded => (self.refunded?, self.end),
            When::Cancelled => (self.cancelled?, self.end),
            _ => return None,
        };
        (from <= to).then_some((from, to))
    }

    /// Whether a ticket about this order, naming a product of `goods`, can raise `issue`.
    pub fn fits(&self, goods: Goods, issue: &TicketIssue) -> bool {
        issue.goods.contains(&goods) && self.span(issue.when).is_some()
    }

    /// The topic to write about this order: `drawn` if any of its issues fits, else
    /// one drawn by weight among the topics about orders that have a fitting issue.
    pub fn topic(
        &self,
        rng: &mut rng::RowRng,
        goods: Goods,
        drawn: &'static TicketTopic,
    ) -> Option<&'static TicketTopic> {
        let weight = |t: &TicketTopic| {
            let fits = t.about_order && t.issues.iter().any(|i| self.fits(goods, i));
            if fits { t.weight } else { 0 }
        };
        if weight(drawn) > 0 {
            return Some(drawn);
        }
        let total: u32 = TICKET_TOPICS.iter().map(weight).sum();
        if total == 0 {
            return None;
        }
        let mut draw = rng::below(rng, total as u64) as u32;
        TICKET_TOPICS.iter().find(|t| {
            let w = weight(t);
            draw = match draw.checked_sub(w) {
                Some(rest) => rest,
                None => return true,
            };
            false
        })
    }

    /// One of `topic`'s issues that fits, uniformly, with the stretch it can be dated in.
    pub fn issue(
        &self,
        rng: &mut rng::RowRng,
        goods: Goods,
        topic: &'static TicketTopic,
    ) -> Option<(&'static TicketIssue, (Timestamp, Timestamp))> {
        let fitting = || topic.issues.iter().filter(|i| self.fits(goods, i));
        let count = fitting().count() as u64;
        if count == 0 {
            return None;
        }
        let issue = fitting().nth(rng::below(rng, count) as usize)?;
        Some((issue, self.span(issue.when)?))
    }
}

/// The product a ticket about the order names: a returned one if any, since whatever
/// went wrong is what sent it back.
pub fn named_product(facts: &OrderFacts) -> u64 {
    let items = facts.items();
    items
        .iter()
        .find(|item| item.returned.is_some())
        .unwrap_or(&items[0])
        .product
}
