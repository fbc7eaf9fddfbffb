//! Returns: the items customers sent back, one row per returned item, read off the
//! order's facts so refunds, payments and analytics agree.

use super::orders::{OrderFacts, Orders, ReturnStatus};
use super::{
    CountRule, EntitySpec, FromOrders, Generator, OrderFed, RowSource, World, flat_record,
};
use crate::model::{Currency, Id, Money, Timestamp};
use crate::schema::{Bound, Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("return_id", "Primary key."),
    Field::foreign("order_id", Table::Orders, "A returned order."),
    Field::foreign(
        "order_item_id",
        Table::OrderItems,
        "Item returned (an order item id); one return per item at most.",
    ),
    Field::foreign("user_id", Table::Users, "The order's customer."),
    Field::foreign("product_id", Table::Products, "The item's product."),
    Field::new("reason", F::Text, "Why it came back."),
    Field::new("status", F::Text, "Where the return stands.")
        .one_of(super::orders::RETURN_STATUSES),
    Field::new("requested_at", F::Timestamp, ">= the order's delivery."),
    Field::new(
        "resolved_at",
        F::Timestamp,
        "When approved, rejected or refunded; empty while requested.",
    )
    .nullable(),
    Field::new(
        "refund_amount",
        F::Money,
        "Refund asked for or granted; 0 < refund_amount <= the item's total.",
    )
    .bounded(Bound::Positive),
    Field::new(
        "currency",
        F::Text,
        "ISO 4217 code of every amount in the row: the shop's currency.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Returns,
    name: "returns",
    row_tag: "return",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Returns,
    stable_id: 10,
    name: "returns",
    doc: "Returned items of delivered orders, with their refund.",
    parents: &[Entity::Orders, Entity::Users, Entity::Products],
    requires: &[],
    count: CountRule::Derived("one row per returned item of a returned order"),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Returns::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct Return {
    pub return_id: Id,
    pub order_id: Id,
    pub order_item_id: Id,
    pub user_id: Id,
    pub product_id: Id,
    pub reason: &'static str,
    pub status: ReturnStatus,
    pub requested_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
    pub refund_amount: Money,
    pub currency: Currency,
}

flat_record!(Return);

pub struct Returns<'w> {
    world: &'w World,
    orders: Orders<'w>,
}

impl<'w> Returns<'w> {
    pub fn new(world: &'w World) -> Self {
        Returns {
            world,
            orders: Orders::new(world),
        }
    }
}

impl Generator for Returns<'_> {
    type Row = Return;

    fn units(&self) -> u64 {
        self.orders.count()
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Return)) {
        self.generate_orders(&self.orders, units, emit);
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        Some(self)
    }
}

impl FromOrders for Returns<'_> {
    type Row = Return;

    fn rows_of(
        &self,
        order: u64,
        facts: &OrderFacts,
        row: &mut Return,
        emit: &mut dyn FnMut(&Return),
    ) {
        let w = self.world;
        for (i, item) in facts.items().iter().enumerate() {
            let Some(r) = item.returned else { continue };
            let key = Orders::item_key(order, i);
            row.return_id = w.ids(Table::Returns).id(key);
            row.order_id = w.ids(Table::Orders).id(order);
            row.order_item_id = w.ids(Table::OrderItems).id(key);
            row.user_id = w.ids(Table::Users).id(facts.user);
            row.product_id = w.ids(Table::Products).id(item.product);
            row.reason = r.reason;
            row.status = r.status;
            row.requested_at = r.requested_at;
            row.resolved_at = r.resolved_at;
            row.refund_amount = r.refund;
            row.currency = w.currency;
            emit(row);
        }
    }
}
