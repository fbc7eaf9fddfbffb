//! Orders: the facts the rest of the shop hangs on. Orders are drawn per customer
//! (see `customers`), so the file lists each customer's orders together, in time
//! order. One order's whole life (items, discount, totals, payment attempts,
//! shipment, delivery, returns, refunds) is drawn from that order's own stream, so
//! payments, shipping, returns, reviews and analytics recompute exactly the same
//! facts from the order index alone.

mod basket;
mod facts;
pub mod logistics;
pub mod payment;
pub mod tuning;

pub use facts::{
    FactsSource, ItemFacts, LastCustomer, Life, MAX_ITEMS, OrderFacts, PaymentOutcome, ReturnFacts,
    Shipment,
};
pub use payment::PAYMENT_METHODS;

use super::{CountRule, EntitySpec, FromOrders, Generator, OrderFed, Record, RowSource, World};
use crate::model::{Currency, Id, Money, Timestamp};
use crate::schema::{Bound, Entity, Field, FieldType as F, Nesting, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;

/// Child rows of an order (items, payments, returns) take keys `order * 16 + n`.
pub const CHILD_KEYS: u64 = 16;

pub const FIELDS: &[Field] = &[
    Field::primary("order_id", "Primary key."),
    Field::foreign(
        "user_id",
        Table::Users,
        "Customer; signed up before ordering.",
    ),
    Field::new("status", F::Text, "Where the order is in its life.").one_of(ORDER_STATUSES),
    Field::new(
        "created_at",
        F::Timestamp,
        "Placed; >= the user's created_at.",
    ),
    Field::new(
        "shipping_address",
        F::Text,
        "The user's address on one line.",
    ),
    Field::new("shipping_method", F::Text, "Delivery speed chosen.").one_of(SHIPPING_METHODS),
    Field::foreign(
        "promotion_id",
        Table::Promotions,
        "Promotion applied, if any.",
    )
    .nullable(),
    Field::new("subtotal", F::Money, "Sum of item totals."),
    Field::new(
        "tax",
        F::Money,
        "Sales tax or VAT on subtotal - discount at the rate where it ships, half-up.",
    ),
    Field::new("shipping_cost", F::Money, "Shipping charged."),
    Field::new(
        "discount",
        F::Money,
        "Promotion discount on the targeted items.",
    ),
    Field::new(
        "total",
        F::Money,
        "subtotal + tax + shipping_cost - discount.",
    ),
    Field::new(
        "currency",
        F::Text,
        "ISO 4217 code of every amount in the row: the shop's currency.",
    ),
];

pub const ITEM_FIELDS: &[Field] = &[
    Field::primary("order_item_id", "Primary key."),
    Field::foreign(
        "order_id",
        Table::Orders,
        "Order (CSV only; nested items belong to their order).",
    ),
    Field::foreign("product_id", Table::Products, "Product sold."),
    Field::new("quantity", F::Integer, ">= 1.").bounded(Bound::AtLeast(1)),
    Field::new("unit_price", F::Money, "The product's price.").bounded(Bound::Positive),
    Field::new("total", F::Money, "unit_price x quantity."),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Orders,
    name: "orders",
    row_tag: "order",
    fields: FIELDS,
    nesting: None,
};

/// Order items: a table of their own in flat formats, `items` inside each order in
/// tree formats.
pub const ITEMS_TABLE: TableSpec = TableSpec {
    table: Table::OrderItems,
    name: "order_items",
    row_tag: "order_item",
    fields: ITEM_FIELDS,
    nesting: Some(Nesting {
        wrapper: "items",
        tag: "item",
        parent_field: 1,
    }),
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Orders,
    stable_id: 7,
    name: "orders",
    doc: "Orders with their items; totals reconcile to the cent.",
    // Orders recompute users' signups and addresses, products' prices and categories,
    // promotions' terms, and place each order at a warehouse.
    parents: &[
        Entity::Users,
        Entity::Categories,
        Entity::Products,
        Entity::Promotions,
        Entity::Warehouses,
    ],
    requires: &[Entity::Users, Entity::Products, Entity::Warehouses],
    count: CountRule::Set(5_000),
    tables: &[&TABLE, &ITEMS_TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Orders::new(world))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    #[default]
    Pending,
    Processing,
    Shipped,
    Delivered,
    Cancelled,
    Returned,
}

impl std::fmt::Display for OrderStatus {
    /// The status as every format writes it: `delivered`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, not `write_str`, so `{:>10}` lines up columns as it does for a `&str`.
        f.pad(ORDER_STATUSES[*self as usize])
    }
}

impl OrderStatus {
    /// Counted orders are the ones analytics add up: all but cancelled.
    pub fn is_counted(self) -> bool {
        self != OrderStatus::Cancelled
    }

    pub fn is_delivered(self) -> bool {
        matches!(self, OrderStatus::Delivered | OrderStatus::Returned)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShippingMethod {
    #[default]
    Standard,
    Express,
    Overnight,
    Economy,
}

impl ShippingMethod {
    pub const ALL: [ShippingMethod; 4] = [
        ShippingMethod::Standard,
        ShippingMethod::Express,
        ShippingMethod::Overnight,
        ShippingMethod::Economy,
    ];

    pub fn cost(self, goods: Money) -> Money {
        match self {
            ShippingMethod::Standard if goods >= Money(tuning::FREE_STANDARD_SHIPPING_CENTS) => {
                Money::ZERO
            }
            ShippingMethod::Standard => Money(599),
            ShippingMethod::Express => Money(1_299),
            ShippingMethod::Overnight => Money(2_499),
            ShippingMethod::Economy => Money(399),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    #[default]
    Requested,
    Approved,
    Refunded,
    Rejected,
}

pub const ORDER_STATUSES: &[&str] = &[
    "pending",
    "processing",
    "shipped",
    "delivered",
    "cancelled",
    "returned",
];
pub const SHIPPING_METHODS: &[&str] = &["standard", "express", "overnight", "economy"];
pub const RETURN_STATUSES: &[&str] = &["requested", "approved", "refunded", "rejected"];

pub struct Orders<'w> {
    facts: FactsSource<'w>,
}

impl<'w> Orders<'w> {
    pub fn new(world: &'w World) -> Self {
        Orders {
            facts: FactsSource::new(world),
        }
    }

    pub fn count(&self) -> u64 {
        self.facts.world.count(Entity::Orders)
    }

    pub fn facts(&self, index: u64) -> OrderFacts {
        self.facts.facts(index)
    }

    /// `facts`, for orders drawn in sequence (see `FactsSource::facts_after`).
    pub fn facts_after(&self, index: u64, last: &mut LastCustomer) -> OrderFacts {
        self.facts.facts_after(index, last)
    }

    pub fn item_key(order: u64, item: usize) -> u64 {
        order * CHILD_KEYS + item as u64
    }

    fn fill(&self, index: u64, facts: &OrderFacts, row: &mut Order) {
        let w = self.facts.world;
        let h = &mut row.header;
        h.order_id = w.ids(Table::Orders).id(index);
        h.user_id = w.ids(Table::Users).id(facts.user);
        h.status = facts.status();
        h.created_at = facts.created_at;
        h.shipping_address.clear();
        self.facts
            .users
            .shipping_address(facts.user, &mut h.shipping_address);
        h.shipping_method = facts.method;
        h.promotion_id = facts.promotion.map(|q| w.ids(Table::Promotions).id(q));
        h.subtotal = facts.subtotal;
        h.tax = facts.tax;
        h.shipping_cost = facts.shipping_cost;
        h.discount = facts.discount;
        h.total = facts.total;
        h.currency = w.currency;
        row.items.clear();
        let item_ids = w.ids(Table::OrderItems);
        let product_ids = w.ids(Table::Products);
        for (i, item) in facts.items().iter().enumerate() {
            row.items.push(OrderItem {
                order_item_id: item_ids.id(Self::item_key(index, i)),
                product_id: product_ids.id(item.product),
                quantity: item.quantity,
                unit_price: item.unit_price,
                total: item.total,
            });
        }
    }
}

#[derive(Debug, Default, Serialize)]
pub struct OrderHeader {
    pub order_id: Id,
    pub user_id: Id,
    pub status: OrderStatus,
    pub created_at: Timestamp,
    pub shipping_address: String,
    pub shipping_method: ShippingMethod,
    pub promotion_id: Option<Id>,
    pub subtotal: Money,
    pub tax: Money,
    pub shipping_cost: Money,
    pub discount: Money,
    pub total: Money,
    pub currency: Currency,
}

#[derive(Debug, Default, Serialize)]
pub struct OrderItem {
    pub order_item_id: Id,
    pub product_id: Id,
    pub quantity: u32,
    pub unit_price: Money,
    pub total: Money,
}

/// An order item as a row of its own, for CSV's `order_items` file.
#[derive(Debug, Serialize)]
pub struct OrderItemRow {
    pub order_item_id: Id,
    pub order_id: Id,
    pub product_id: Id,
    pub quantity: u32,
    pub unit_price: Money,
    pub total: Money,
}

#[derive(Debug, Default, Serialize)]
pub struct Order {
    #[serde(flatten)]
    pub header: OrderHeader,
    pub items: Vec<OrderItem>,
}

impl Record for Order {
    type Own = OrderHeader;
    type Child = OrderItemRow;

    fn own(&self) -> &OrderHeader {
        &self.header
    }

    fn each_child(&self, each: &mut dyn FnMut(&OrderItemRow)) {
        for item in &self.items {
            each(&OrderItemRow {
                order_item_id: item.order_item_id,
                order_id: self.header.order_id,
                product_id: item.product_id,
                quantity: item.quantity,
                unit_price: item.unit_price,
                total: item.total,
            });
        }
    }
}

impl Generator for Orders<'_> {
    type Row = Order;

    fn units(&self) -> u64 {
        self.count()
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Order)) {
        self.generate_orders(self, units, emit);
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        Some(self)
    }
}

impl FromOrders for Orders<'_> {
    type Row = Order;

    fn rows_of(
        &self,
        order: u64,
        facts: &OrderFacts,
        row: &mut Order,
        emit: &mut dyn FnMut(&Order),
    ) {
        self.fill(order, facts, row);
        emit(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keeping the last customer changes nothing, in order or out of it.
    #[test]
    fn facts_after_the_last_customer_are_the_facts() {
        let world = crate::generate::world::small_world(5, &[]);
        let orders = Orders::new(&world);
        let key = |f: &OrderFacts| {
            let products: Vec<u64> = f.items().iter().map(|i| i.product).collect();
            (
                f.user,
                f.nth,
                f.created_at,
                f.country.code,
                f.total,
                f.tax,
                products,
            )
        };
        let mut last = LastCustomer::default();
        let n = orders.count().min(3000);
        let mut repeats = 0;
        for o in (0..n).chain([7, 3, n - 1, 0]) {
            let kept = orders.facts_after(o, &mut last);
            let fresh = orders.facts(o);
            assert!(key(&kept) == key(&fresh), "order {o}");
            repeats += u32::from(o > 0 && orders.facts(o - 1).user == fresh.user);
        }
        assert!(
            repeats > 100,
            "few customers with consecutive orders: {repeats}"
        );
    }

    /// What `examples/single_entity.rs` prints: the bare word, padded like a `&str`.
    #[test]
    fn a_status_displays_as_written_and_pads() {
        assert_eq!(format!("{:>10}|", OrderStatus::Delivered), " delivered|");
        assert_eq!(OrderStatus::Cancelled.to_string(), "cancelled");
    }

    /// The schema's value lists are what the enums write.
    fn names<T: Serialize>(values: &[T]) -> Vec<String> {
        values
            .iter()
            .map(|v| {
                serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn value_lists_match_the_enums() {
        use OrderStatus::*;
        assert_eq!(
            names(&[Pending, Processing, Shipped, Delivered, Cancelled, Returned]),
            ORDER_STATUSES
        );
        assert_eq!(names(&ShippingMethod::ALL), SHIPPING_METHODS);
        use ReturnStatus::*;
        assert_eq!(
            names(&[Requested, Approved, Refunded, Rejected]),
            RETURN_STATUSES
        );
        use super::super::payments::{PAYMENT_STATUSES, PaymentStatus};
        assert_eq!(
            names(&[
                PaymentStatus::Completed,
                PaymentStatus::Failed,
                PaymentStatus::Pending,
                PaymentStatus::Refunded
            ]),
            PAYMENT_STATUSES
        );
        use super::super::shipping::{SHIPMENT_STATUSES, ShipmentStatus};
        assert_eq!(
            names(&[ShipmentStatus::InTransit, ShipmentStatus::Delivered]),
            SHIPMENT_STATUSES
        );
    }
}
