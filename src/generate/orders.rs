//! Orders: the facts the rest of the shop hangs on. One order's whole life (items,
//! discount, totals, payment attempts, shipment, delivery, returns, refunds) is drawn
//! from that order's own stream, so payments, shipping, returns, reviews and analytics
//! recompute exactly the same facts from the order index alone.

use super::categories::Tree;
use super::products::Products;
use super::promotions::{Promotions, Target};
use super::users::Users;
use super::warehouses;
use super::{Entity, Generator, Record, World, erased};
use crate::model::{Id, Money, Timestamp};
use crate::rng::{self, RowRng};
use crate::schema::{Field, FieldType as F, FileSpec};
use serde::Serialize;
use std::ops::Range;

pub const MAX_ITEMS: usize = 8;
/// Child rows of an order (items, payments, returns) take keys `order * 16 + n`.
pub const CHILD_KEYS: u64 = 16;

pub const FIELDS: &[Field] = &[
    Field::primary("order_id", "Primary key."),
    Field::foreign(
        "user_id",
        Entity::Users,
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
        Entity::Promotions,
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
];

pub const ITEM_FIELDS: &[Field] = &[
    Field::primary("order_item_id", "Primary key."),
    Field::foreign(
        "order_id",
        Entity::Orders,
        "Order (CSV only; nested items belong to their order).",
    ),
    Field::foreign("product_id", Entity::Products, "Product sold."),
    Field::new("quantity", F::Integer, ">= 1."),
    Field::new("unit_price", F::Money, "The product's price."),
    Field::new("total", F::Money, "unit_price x quantity."),
];

pub const ITEMS_FILE: FileSpec = FileSpec {
    name: "order_items",
    row_tag: "order_item",
    fields: ITEM_FIELDS,
};

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
    const ALL: [ShippingMethod; 4] = [
        ShippingMethod::Standard,
        ShippingMethod::Express,
        ShippingMethod::Overnight,
        ShippingMethod::Economy,
    ];
    const WEIGHTS: [u32; 4] = [60, 22, 5, 13];

    /// Days in transit, inclusive.
    pub fn transit_days(self) -> (i64, i64) {
        match self {
            ShippingMethod::Standard => (3, 7),
            ShippingMethod::Express => (1, 3),
            ShippingMethod::Overnight => (1, 1),
            ShippingMethod::Economy => (5, 10),
        }
    }

    fn cost(self, goods: Money) -> Money {
        match self {
            ShippingMethod::Standard if goods >= Money(5_000) => Money::ZERO,
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

#[derive(Clone, Copy, Debug)]
pub struct ReturnFacts {
    pub requested_at: Timestamp,
    pub reason: &'static str,
    pub refund: Money,
    pub status: ReturnStatus,
    /// When the return reached its status (approval, rejection or refund).
    pub resolved_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct ItemFacts {
    pub product: u64,
    pub category: u64,
    pub quantity: u32,
    pub unit_price: Money,
    pub total: Money,
    pub returned: Option<ReturnFacts>,
}

#[derive(Clone, Copy, Debug)]
pub enum PaymentOutcome {
    Completed(Timestamp),
    /// Still awaiting capture at the end of the window.
    Pending(Timestamp),
    /// Only failed attempts (the order was cancelled).
    Abandoned,
}

#[derive(Clone, Copy, Debug)]
pub struct OrderFacts {
    pub index: u64,
    pub user: u64,
    pub created_at: Timestamp,
    pub status: OrderStatus,
    items: [ItemFacts; MAX_ITEMS],
    item_count: usize,
    pub promotion: Option<u64>,
    pub method: ShippingMethod,
    pub subtotal: Money,
    pub discount: Money,
    pub tax: Money,
    pub shipping_cost: Money,
    pub total: Money,
    pub payment_method: &'static str,
    pub failed_attempts: [Timestamp; 2],
    pub failed_count: usize,
    pub outcome: PaymentOutcome,
    pub shipped_at: Option<Timestamp>,
    pub delivered_at: Option<Timestamp>,
    /// When the shop cancelled it (cancelled orders only; the data model has no field
    /// for it, but support tickets must not ask about a cancellation before it).
    pub cancelled_at: Option<Timestamp>,
    pub warehouse: u64,
    /// How the parcel travels from the warehouse to the customer's country.
    pub route: warehouses::Route,
    pub country: &'static str,
}

impl OrderFacts {
    pub fn items(&self) -> &[ItemFacts] {
        &self.items[..self.item_count]
    }
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

pub const PAYMENT_METHODS: [&str; 6] = [
    "credit_card",
    "paypal",
    "debit_card",
    "apple_pay",
    "google_pay",
    "gift_card",
];
const PAYMENT_WEIGHTS: [u32; 6] = [52, 20, 12, 8, 5, 3];
const RETURN_REASONS: [&str; 7] = [
    "wrong_size",
    "damaged_in_transit",
    "not_as_described",
    "changed_mind",
    "defective",
    "wrong_item_sent",
    "arrived_too_late",
];
const RETURN_REASON_WEIGHTS: [u32; 7] = [22, 12, 18, 20, 14, 8, 6];
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

pub struct Orders<'w> {
    world: &'w World,
    users: Users<'w>,
    products: Products<'w>,
    promotions: Promotions<'w>,
    tree: Tree,
}

impl<'w> Orders<'w> {
    pub fn new(world: &'w World) -> Self {
        Orders {
            world,
            users: Users::new(world),
            products: Products::new(world),
            promotions: Promotions::new(world),
            tree: Tree::new(world.count(Entity::Categories)),
        }
    }

    pub fn count(&self) -> u64 {
        self.world.count(Entity::Orders)
    }

    pub fn facts(&self, index: u64) -> OrderFacts {
        self.facts_and_rng(index).0
    }

    fn facts_and_rng(&self, index: u64) -> (OrderFacts, RowRng) {
        let w = self.world;
        let mut rng = w.rng(Entity::Orders, index);

        // Who and when: a seasonal moment, and an active customer who had signed up by then.
        let mut created_at = w.seasonal_moment(&mut rng);
        let users = w.count(Entity::Users);
        let mut user = 0;
        let mut signed_up_in_time = false;
        for _ in 0..8 {
            user = w.user_activity.apply(rng::activity_rank(&mut rng, users));
            if self.users.created_at(user) <= created_at {
                signed_up_in_time = true;
                break;
            }
        }
        if !signed_up_in_time {
            created_at = w.moment_after(&mut rng, self.users.created_at(user));
        }
        let locale = self.users.locale(user);
        let country = locale.country;

        // What: distinct products, skewed toward the best sellers.
        let item_count = 1 + rng::pick_weighted(&mut rng, &[55, 25, 10, 5, 2, 1, 1, 1]);
        let mut items = [ItemFacts::default(); MAX_ITEMS];
        let products = w.count(Entity::Products);
        for i in 0..item_count {
            let mut product = 0;
            for _ in 0..4 {
                product = w
                    .product_popularity
                    .apply(rng::skewed_rank(&mut rng, products, 600));
                if !items[..i].iter().any(|it| it.product == product) {
                    break;
                }
            }
            let quantity = 1 + rng::pick_weighted(&mut rng, &[80, 13, 4, 2, 1]) as u32;
            items[i] = self.item(product, quantity);
        }

        // A running promotion may bring the customer: a product promotion puts its
        // product in the basket; a category promotion discounts what already fits.
        let mut promotion = None;
        let mut discount = Money::ZERO;
        let promotions = w.count(Entity::Promotions);
        if promotions > 0 && rng::chance(&mut rng, 350) {
            // The customer looks for a code that runs today, trying a few.
            let day = created_at.date();
            let mut q = rng::below(&mut rng, promotions);
            let mut promo = self.promotions.core(q);
            for _ in 0..6 {
                if promo.start <= day && day <= promo.end {
                    break;
                }
                q = rng::below(&mut rng, promotions);
                promo = self.promotions.core(q);
            }
            if let Target::Product(p) = promo.target
                && promo.start <= day
                && day <= promo.end
                && !items[..item_count].iter().any(|it| it.product == p)
            {
                items[0] = self.item(p, items[0].quantity);
            }
            let eligible: Money = items[..item_count]
                .iter()
                .filter(|it| Promotions::applies(&promo, &self.tree, day, it.product, it.category))
                .map(|it| it.total)
                .sum();
            if eligible > Money::ZERO {
                promotion = Some(q);
                discount = promo.discount.amount_on(eligible);
            }
        }

        let subtotal: Money = items[..item_count].iter().map(|it| it.total).sum();
        let method = ShippingMethod::ALL[rng::pick_weighted(&mut rng, &ShippingMethod::WEIGHTS)];
        let shipping_cost = method.cost(subtotal - discount);
        let tax = (subtotal - discount).scale_half_up(locale.city.sales_tax_bp as i64, 10_000);
        let total = subtotal + tax + shipping_cost - discount;

        // How its life went, until the window closed.
        let payment_method = PAYMENT_METHODS[rng::pick_weighted(&mut rng, &PAYMENT_WEIGHTS)];
        let fate = rng::below(&mut rng, 1000);
        let mut failed_count = rng::pick_weighted(&mut rng, &[900, 80, 20]);
        // Some payments never arrive (a bank transfer not sent): such an order waits as
        // pending for a week, then the shop cancels it, so only the window's last week
        // holds stalled orders.
        let stalled = (45..65).contains(&fate);
        let cancelled = fate < 45 || stalled && created_at.plus(7 * DAY) <= w.window.end;
        if cancelled {
            failed_count = failed_count.max(1);
        }
        let mut failed_attempts = [created_at; 2];
        let mut last_attempt = created_at;
        for slot in failed_attempts.iter_mut().take(failed_count) {
            last_attempt = w
                .window
                .clamp(last_attempt.plus(rng::between(&mut rng, 20, 600)));
            *slot = last_attempt;
        }

        // An order whose card failed is cancelled then; one whose payment never came,
        // when its week runs out.
        let cancelled_at = cancelled.then(|| {
            if stalled {
                w.window.clamp(created_at.plus(7 * DAY))
            } else {
                last_attempt
            }
        });
        let mut status = OrderStatus::Pending;
        let mut outcome = PaymentOutcome::Pending(
            w.window
                .clamp(last_attempt.plus(rng::between(&mut rng, 30, HOUR))),
        );
        let mut shipped_at = None;
        let mut delivered_at = None;
        let warehouse = warehouses::serving(&mut rng, country, w.count(Entity::Warehouses));
        // Across a border a parcel takes days longer than the method's domestic promise.
        let route = warehouses::route(warehouse, country);
        if cancelled {
            status = OrderStatus::Cancelled;
            outcome = PaymentOutcome::Abandoned;
        } else if !stalled && let Some(paid) = w.after_delay(&mut rng, last_attempt, 30, 1_800) {
            status = OrderStatus::Processing;
            outcome = PaymentOutcome::Completed(paid);
            if let Some(shipped) = w.after_delay(&mut rng, paid, 2 * HOUR, 3 * DAY) {
                status = OrderStatus::Shipped;
                shipped_at = Some(shipped);
                let (lo, hi) = method.transit_days();
                let (lo, hi) = match route {
                    warehouses::Route::Domestic => (lo, hi),
                    warehouses::Route::OpenBorder => (lo + 1, hi + 2),
                    warehouses::Route::International => (lo + 3, hi + 6),
                };
                if let Some(delivered) =
                    w.after_delay(&mut rng, shipped, lo * DAY - 6 * HOUR, hi * DAY + 6 * HOUR)
                {
                    status = OrderStatus::Delivered;
                    delivered_at = Some(delivered);
                    if rng::chance(&mut rng, 90)
                        && let Some(requested) = w.after_delay(&mut rng, delivered, DAY, 30 * DAY)
                    {
                        status = OrderStatus::Returned;
                        self.draw_returns(&mut rng, &mut items[..item_count], requested);
                    }
                }
            }
        }

        let facts = OrderFacts {
            index,
            user,
            created_at,
            status,
            items,
            item_count,
            promotion,
            method,
            subtotal,
            discount,
            tax,
            shipping_cost,
            total,
            payment_method,
            failed_attempts,
            failed_count,
            outcome,
            shipped_at,
            delivered_at,
            cancelled_at,
            warehouse,
            route,
            country: country.code,
        };
        (facts, rng)
    }

    fn item(&self, product: u64, quantity: u32) -> ItemFacts {
        let core = self.products.core(product);
        ItemFacts {
            product,
            category: core.category,
            quantity,
            unit_price: core.price,
            total: core.price * quantity as i64,
            returned: None,
        }
    }

    /// Some items go back (at least one), each with its own refund and decision.
    fn draw_returns(&self, rng: &mut RowRng, items: &mut [ItemFacts], requested_at: Timestamp) {
        let w = self.world;
        let forced = rng::below(rng, items.len() as u64) as usize;
        for (i, item) in items.iter_mut().enumerate() {
            if i != forced && !rng::chance(rng, 400) {
                continue;
            }
            let reason = RETURN_REASONS[rng::pick_weighted(rng, &RETURN_REASON_WEIGHTS)];
            let refund = if rng::chance(rng, 800) {
                item.total
            } else {
                // A partial refund for an opened or worn item.
                item.total
                    .scale_half_up(rng::between(rng, 50, 95), 100)
                    .max(Money(1))
            };
            let (status, resolved_at) = match w.after_delay(rng, requested_at, DAY, 4 * DAY) {
                None => (ReturnStatus::Requested, None),
                Some(decided) if rng::chance(rng, 80) => (ReturnStatus::Rejected, Some(decided)),
                Some(decided) => match w.after_delay(rng, decided, DAY, 5 * DAY) {
                    None => (ReturnStatus::Approved, Some(decided)),
                    Some(refunded) => (ReturnStatus::Refunded, Some(refunded)),
                },
            };
            item.returned = Some(ReturnFacts {
                requested_at,
                reason,
                refund,
                status,
                resolved_at,
            });
        }
    }

    pub fn item_key(order: u64, item: usize) -> u64 {
        order * CHILD_KEYS + item as u64
    }

    fn fill(&self, index: u64, row: &mut Order) {
        let facts = self.facts(index);
        let w = self.world;
        let h = &mut row.header;
        h.order_id = w.ids(Entity::Orders).id(index);
        h.user_id = w.ids(Entity::Users).id(facts.user);
        h.status = facts.status;
        h.created_at = facts.created_at;
        h.shipping_address.clear();
        self.users
            .shipping_address(facts.user, &mut h.shipping_address);
        h.shipping_method = facts.method;
        h.promotion_id = facts.promotion.map(|q| w.ids(Entity::Promotions).id(q));
        h.subtotal = facts.subtotal;
        h.tax = facts.tax;
        h.shipping_cost = facts.shipping_cost;
        h.discount = facts.discount;
        h.total = facts.total;
        row.items.clear();
        let item_ids = w.item_ids();
        let product_ids = w.ids(Entity::Products);
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
    type Flat = OrderHeader;
    type ChildRow = OrderItemRow;
    const CHILDREN: Option<(&'static str, &'static str)> = Some(("items", "item"));

    fn flat(&self) -> &OrderHeader {
        &self.header
    }

    fn child_rows(&self, each: &mut dyn FnMut(&OrderItemRow)) {
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

    fn nested_children(&self, each: &mut dyn FnMut(&dyn erased::Row)) {
        for item in &self.items {
            each(item);
        }
    }
}

impl Generator for Orders<'_> {
    type Row = Order;

    fn units(&self) -> u64 {
        self.count()
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Order)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
