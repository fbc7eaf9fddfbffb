//! User analytics: one row per user, added up from the orders and reviews of the same
//! run (never drawn at random), so they equal what the other files say to the cent.
//! The aggregates are the only state that grows with row counts (32 bytes per user and
//! per product), built once per run by a parallel pass over all orders and reviews.

use super::orders::{OrderFacts, Orders};
use super::reviews::{ReviewFacts, Reviews};
use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record};
use crate::model::{Currency, Id, Money, Timestamp};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;
use std::sync::atomic::{AtomicI64, AtomicU32, AtomicU64, Ordering::Relaxed};

pub const FIELDS: &[Field] = &[
    Field::foreign("user_id", Table::Users, "Primary key: one row per user."),
    Field::new(
        "total_orders",
        F::Integer,
        "Counted (not cancelled) orders.",
    ),
    Field::new("total_spent", F::Money, "Sum of the counted orders' total."),
    Field::new(
        "average_order_value",
        F::Money,
        "total_spent / total_orders, half-up; 0.00 without orders.",
    ),
    Field::new(
        "first_order_at",
        F::Timestamp,
        "Earliest counted order; empty without orders.",
    )
    .nullable(),
    Field::new(
        "last_order_at",
        F::Timestamp,
        "Latest counted order; empty without orders.",
    )
    .nullable(),
    Field::new("total_reviews", F::Integer, "Reviews written."),
    Field::new(
        "currency",
        F::Text,
        "ISO 4217 code of every amount in the row: the shop's currency.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::UserAnalytics,
    name: "user_analytics",
    row_tag: "user_metrics",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::UserAnalytics,
    stable_id: 16,
    name: "user_analytics",
    doc: "Per-user aggregates, equal to what the other files say.",
    parents: &[Entity::Users, Entity::Orders, Entity::Reviews],
    requires: &[],
    count: CountRule::Derived("one row per user"),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(UserAnalyticsGenerator::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct UserAnalytics {
    pub user_id: Id,
    pub total_orders: u32,
    pub total_spent: Money,
    pub average_order_value: Money,
    pub first_order_at: Option<Timestamp>,
    pub last_order_at: Option<Timestamp>,
    pub total_reviews: u32,
    pub currency: Currency,
}

flat_record!(UserAnalytics);

/// Additions are commutative, so the totals do not depend on thread scheduling.
pub struct UserTotals {
    orders: AtomicU32,
    spent: AtomicI64,
    first: AtomicI64,
    last: AtomicI64,
    reviews: AtomicU32,
}

pub struct ProductTotals {
    pub units: AtomicU64,
    pub revenue: AtomicI64,
    pub reviews: AtomicU32,
    pub rating_sum: AtomicU32,
    pub returns: AtomicU32,
}

pub struct Aggregates {
    pub users: Vec<UserTotals>,
    pub products: Vec<ProductTotals>,
}

impl Aggregates {
    /// Every total at nought.
    pub(crate) fn zeroed(world: &World) -> Self {
        let users: Vec<UserTotals> = (0..world.count(Entity::Users))
            .map(|_| UserTotals {
                orders: AtomicU32::new(0),
                spent: AtomicI64::new(0),
                first: AtomicI64::new(i64::MAX),
                last: AtomicI64::new(i64::MIN),
                reviews: AtomicU32::new(0),
            })
            .collect();
        let products: Vec<ProductTotals> = (0..world.count(Entity::Products))
            .map(|_| ProductTotals {
                units: AtomicU64::new(0),
                revenue: AtomicI64::new(0),
                reviews: AtomicU32::new(0),
                rating_sum: AtomicU32::new(0),
                returns: AtomicU32::new(0),
            })
            .collect();
        Aggregates { users, products }
    }

    pub(crate) fn add_order(&self, facts: &OrderFacts) {
        for item in facts.items() {
            let p = &self.products[item.product as usize];
            if facts.status().is_counted() {
                p.units.fetch_add(item.quantity as u64, Relaxed);
                p.revenue.fetch_add(item.total.cents(), Relaxed);
            }
            if item.returned.is_some() {
                p.returns.fetch_add(1, Relaxed);
            }
        }
        if facts.status().is_counted() {
            let u = &self.users[facts.user as usize];
            u.orders.fetch_add(1, Relaxed);
            u.spent.fetch_add(facts.total.cents(), Relaxed);
            u.first.fetch_min(facts.created_at.0, Relaxed);
            u.last.fetch_max(facts.created_at.0, Relaxed);
        }
    }

    pub(crate) fn add_review(&self, review: &ReviewFacts) {
        self.users[review.user as usize]
            .reviews
            .fetch_add(1, Relaxed);
        let p = &self.products[review.product as usize];
        p.reviews.fetch_add(1, Relaxed);
        p.rating_sum.fetch_add(review.rating as u32, Relaxed);
    }

    /// Adds every order of the run, in parallel, and with `with_reviews` (a derived
    /// review count, whose reviews follow from their order) the reviews too.
    pub(crate) fn add_orders(&self, world: &World, with_reviews: bool) {
        let orders = Orders::new(world);
        let reviews = Reviews::new(world);
        crate::parallel::map_blocks(orders.count(), 4096, world.threads, |range| {
            let mut last = super::orders::LastCustomer::default();
            for o in range {
                let facts = orders.facts_after(o, &mut last);
                self.add_order(&facts);
                if with_reviews {
                    reviews.of_order(&facts, &mut |_, review, _| self.add_review(review));
                }
            }
        });
    }

    /// Adds every review of the run, in parallel.
    pub(crate) fn add_reviews(&self, world: &World) {
        let reviews = Reviews::new(world);
        crate::parallel::map_blocks(Generator::units(&reviews), 4096, world.threads, |range| {
            reviews.for_each(range, |_, r, _| self.add_review(r));
        });
    }
}

impl World {
    /// The totals of the run: added up by the pass that wrote the orders and reviews
    /// when there was one (see `tally`), else by passes of their own.
    pub fn aggregates(&self) -> &Aggregates {
        if let Some(tallied) = self.tally.aggregates(self) {
            return tallied;
        }
        self.analytics.get_or_init(|| {
            let totals = Aggregates::zeroed(self);
            let derived = self.review_count_override.is_none();
            totals.add_orders(self, derived);
            if !derived {
                totals.add_reviews(self);
            }
            totals
        })
    }
}

pub struct UserAnalyticsGenerator<'w> {
    world: &'w World,
}

impl<'w> UserAnalyticsGenerator<'w> {
    pub fn new(world: &'w World) -> Self {
        UserAnalyticsGenerator { world }
    }
}

impl Generator for UserAnalyticsGenerator<'_> {
    type Row = UserAnalytics;

    fn units(&self) -> u64 {
        self.world.count(Entity::Users)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&UserAnalytics)) {
        let totals = &self.world.aggregates().users;
        let ids = self.world.ids(Table::Users);
        let mut row = UserAnalytics::default();
        for user in units {
            let t = &totals[user as usize];
            row.user_id = ids.id(user);
            row.total_orders = t.orders.load(Relaxed);
            row.total_spent = Money(t.spent.load(Relaxed));
            row.average_order_value = if row.total_orders == 0 {
                Money::ZERO
            } else {
                row.total_spent.scale_half_up(1, row.total_orders as i64)
            };
            row.first_order_at = (row.total_orders > 0).then(|| Timestamp(t.first.load(Relaxed)));
            row.last_order_at = (row.total_orders > 0).then(|| Timestamp(t.last.load(Relaxed)));
            row.total_reviews = t.reviews.load(Relaxed);
            row.currency = self.world.currency;
            emit(&row);
        }
    }
}
