//! Payments: every attempt to charge an order and every refund, read off the order's
//! facts. Failed attempts come first, then the capture (or the pending charge), then
//! one refund row per refunded return.

use super::orders::{CHILD_KEYS, OrderFacts, Orders, PaymentOutcome, ReturnStatus};
use super::{
    CountRule, EntitySpec, FromOrders, Generator, OrderFed, RowSource, World, flat_record,
};
use crate::model::{Currency, Id, Money, Timestamp};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("payment_id", "Primary key."),
    Field::foreign("order_id", Table::Orders, "Order charged or refunded."),
    Field::new("method", F::Text, "How the customer paid.").one_of(&super::orders::PAYMENT_METHODS),
    Field::new(
        "amount",
        F::Money,
        "Charged amount; for a refund, the positive amount returned.",
    ),
    Field::new(
        "currency",
        F::Text,
        "ISO 4217 code of every amount in the row: the shop's currency.",
    ),
    Field::new("status", F::Text, "Outcome of the attempt, or a refund.").one_of(PAYMENT_STATUSES),
    Field::new(
        "created_at",
        F::Timestamp,
        "When the attempt or refund was made.",
    ),
    Field::new(
        "paid_at",
        F::Timestamp,
        "Set for completed and refunded rows, empty otherwise.",
    )
    .nullable(),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Payments,
    name: "payments",
    row_tag: "payment",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Payments,
    stable_id: 8,
    name: "payments",
    doc: "Payment attempts, captures and refunds of each order.",
    parents: &[Entity::Orders],
    requires: &[],
    count: CountRule::Derived("one row per payment attempt and refund of each order"),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Payments::new(world))
}

pub const PAYMENT_STATUSES: &[&str] = &["completed", "failed", "pending", "refunded"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    #[default]
    Completed,
    Failed,
    Pending,
    Refunded,
}

#[derive(Debug, Default, Serialize)]
pub struct Payment {
    pub payment_id: Id,
    pub order_id: Id,
    pub method: &'static str,
    pub amount: Money,
    pub currency: Currency,
    pub status: PaymentStatus,
    pub created_at: Timestamp,
    pub paid_at: Option<Timestamp>,
}

flat_record!(Payment);

/// Key offset of refund rows among an order's child keys: after up to two failed
/// attempts and the capture.
const REFUND_KEYS: u64 = 4;

/// The payment rows of one order, in file order.
pub fn for_each_payment(
    facts: &OrderFacts,
    mut each: impl FnMut(u64, PaymentStatus, Money, Timestamp, Option<Timestamp>),
) {
    let key = |n: u64| facts.index * CHILD_KEYS + n;
    for (n, at) in facts.failed_attempts[..facts.failed_count]
        .iter()
        .enumerate()
    {
        each(key(n as u64), PaymentStatus::Failed, facts.total, *at, None);
    }
    let next = facts.failed_count as u64;
    match facts.outcome() {
        PaymentOutcome::Completed(at) => each(
            key(next),
            PaymentStatus::Completed,
            facts.total,
            at,
            Some(at),
        ),
        PaymentOutcome::Pending(at) => {
            each(key(next), PaymentStatus::Pending, facts.total, at, None)
        }
        PaymentOutcome::Abandoned => {}
    }
    for (i, item) in facts.items().iter().enumerate() {
        if let Some(r) = item.returned
            && r.status == ReturnStatus::Refunded
        {
            let at = r
                .resolved_at
                .expect("a refunded return has its refund time");
            each(
                key(REFUND_KEYS + i as u64),
                PaymentStatus::Refunded,
                r.refund,
                at,
                Some(at),
            );
        }
    }
}

pub struct Payments<'w> {
    world: &'w World,
    orders: Orders<'w>,
}

impl<'w> Payments<'w> {
    pub fn new(world: &'w World) -> Self {
        Payments {
            world,
            orders: Orders::new(world),
        }
    }
}

impl Generator for Payments<'_> {
    type Row = Payment;

    fn units(&self) -> u64 {
        self.orders.count()
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Payment)) {
        self.generate_orders(&self.orders, units, emit);
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        Some(self)
    }
}

impl FromOrders for Payments<'_> {
    type Row = Payment;

    fn rows_of(
        &self,
        order: u64,
        facts: &OrderFacts,
        row: &mut Payment,
        emit: &mut dyn FnMut(&Payment),
    ) {
        let ids = self.world.ids(Table::Payments);
        row.order_id = self.world.ids(Table::Orders).id(order);
        row.method = facts.payment_method;
        row.currency = self.world.currency;
        for_each_payment(facts, |key, status, amount, created_at, paid_at| {
            row.payment_id = ids.id(key);
            row.status = status;
            row.amount = amount;
            row.created_at = created_at;
            row.paid_at = paid_at;
            emit(row);
        });
    }
}
