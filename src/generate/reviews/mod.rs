//! Reviews: ratings of delivered purchases by their buyers, about one in eleven (as
//! solicited reviews go), rated and written by what happened: a late parcel, a fault
//! or a return costs stars and says so. Each delivered purchase (an item of a delivered
//! or returned order) is reviewed or not by its own key, so an order's reviews follow
//! from its facts and are written by the pass over orders. A set count N instead
//! numbers the delivered purchases in order order and gives review r one from its own
//! stride, so N reviews pick N distinct purchases spread over the year.

mod text;

use super::orders::{LastCustomer, OrderFacts, Orders};
use super::products::Products;
use super::{
    CountRule, EntitySpec, FromOrders, Generator, OrderFed, RowSource, Stream, World, flat_record,
};
use crate::model::{Id, Timestamp};
use crate::rng::{self, mix64};
use crate::schema::{Bound, Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::catalog::DEPARTMENTS;
use serde::Serialize;
use std::ops::Range;
use text::Experience;

pub const FIELDS: &[Field] = &[
    Field::primary("review_id", "Primary key."),
    Field::foreign("user_id", Table::Users, "Reviewer: the buyer."),
    Field::foreign(
        "product_id",
        Table::Products,
        "Product reviewed, bought in order_id.",
    ),
    Field::foreign(
        "order_id",
        Table::Orders,
        "Delivered order the product came in.",
    ),
    Field::new(
        "rating",
        F::Integer,
        "1 to 5 stars; most are 4 or 5, fewer after a late parcel, a fault or a return.",
    )
    .bounded(Bound::Between(1, 5)),
    Field::new(
        "title",
        F::Text,
        "Headline that fits the goods and the rating.",
    ),
    Field::new(
        "body",
        F::Text,
        "Review text that fits the goods, the rating and what happened to the order.",
    ),
    Field::new(
        "created_at",
        F::Timestamp,
        "At or after the order's delivery.",
    ),
    Field::new(
        "helpful_votes",
        F::Integer,
        "Other customers who found it helpful.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Reviews,
    name: "reviews",
    row_tag: "review",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Reviews,
    stable_id: 11,
    name: "reviews",
    doc: "Ratings of delivered purchases by their buyers.",
    parents: &[Entity::Users, Entity::Products, Entity::Orders],
    requires: &[],
    count: CountRule::DerivedOrSet("about one in eleven delivered purchases"),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Reviews::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct Review {
    pub review_id: Id,
    pub user_id: Id,
    pub product_id: Id,
    pub order_id: Id,
    pub rating: u8,
    pub title: String,
    pub body: String,
    pub created_at: Timestamp,
    pub helpful_votes: u32,
}

flat_record!(Review);

pub(crate) const BLOCK: u64 = 1024;

/// One delivered purchase in this many is reviewed, when the count is not set.
const REVIEWED_ONE_IN: u64 = 11;

/// Delivered purchases before each block of orders: enough to find the n-th purchase
/// by a binary search and a short scan, in memory of one number per 1024 orders.
pub struct DeliveredIndex {
    before_block: Vec<u64>,
    pub total: u64,
}

pub(crate) fn delivered_items(facts: &OrderFacts) -> u64 {
    if facts.status().is_delivered() {
        facts.items().len() as u64
    } else {
        0
    }
}

impl DeliveredIndex {
    fn build(world: &World) -> Self {
        let orders = Orders::new(world);
        let per_block =
            crate::parallel::map_blocks(orders.count(), BLOCK, world.threads, |range| {
                let mut last = LastCustomer::default();
                range
                    .map(|o| delivered_items(&orders.facts_after(o, &mut last)))
                    .sum::<u64>()
            });
        Self::from_blocks(per_block.into_iter())
    }

    /// From the delivered purchases of each block of orders, in order.
    pub(crate) fn from_blocks(per_block: impl Iterator<Item = u64>) -> Self {
        let mut before_block = Vec::new();
        let mut total = 0;
        for n in per_block {
            before_block.push(total);
            total += n;
        }
        DeliveredIndex {
            before_block,
            total,
        }
    }
}

impl World {
    pub fn delivered(&self) -> &DeliveredIndex {
        self.delivered.get_or_init(|| DeliveredIndex::build(self))
    }
}

/// Whether delivered purchase `key` (an order item's key) is reviewed, when the count
/// is not set: one in eleven, by the purchase alone.
fn reviewed(world: &World, key: u64) -> bool {
    mix64(world.key(Stream::ReviewPicks) ^ key).is_multiple_of(REVIEWED_ONE_IN)
}

/// What a review is about, as analytics need it.
pub struct ReviewFacts {
    pub order: u64,
    pub item: usize,
    pub user: u64,
    pub product: u64,
    pub rating: u8,
    pub created_at: Timestamp,
    pub experience: Experience,
}

/// What the reviewer of item `item` of `order` lived through.
fn experience(order: &OrderFacts, item: usize) -> Experience {
    let returned = order.items()[item].returned;
    let fault = returned.is_some_and(|r| {
        matches!(
            r.reason,
            "damaged_in_transit" | "defective" | "not_as_described" | "wrong_item_sent"
        )
    });
    Experience {
        late: order.late(),
        returned: returned.is_some(),
        fault,
    }
}

/// Walks delivered purchases forward; reviews of a range ask for increasing ranks.
pub struct Cursor<'w> {
    orders: Orders<'w>,
    order: u64,
    before: u64,
    facts: Option<OrderFacts>,
    last: LastCustomer,
}

impl<'w> Cursor<'w> {
    pub fn new(world: &'w World, rank: u64) -> Self {
        let index = world.delivered();
        let block = index
            .before_block
            .partition_point(|&b| b <= rank)
            .saturating_sub(1);
        Cursor {
            orders: Orders::new(world),
            order: block as u64 * BLOCK,
            before: index.before_block.get(block).copied().unwrap_or(0),
            facts: None,
            last: LastCustomer::default(),
        }
    }

    /// The order and item of delivered purchase number `rank` (never before the last asked).
    pub fn seek(&mut self, rank: u64) -> (&OrderFacts, usize) {
        loop {
            let facts = match self.facts {
                Some(f) if f.index == self.order => f,
                _ => {
                    let f = self.orders.facts_after(self.order, &mut self.last);
                    self.facts = Some(f);
                    f
                }
            };
            let n = delivered_items(&facts);
            if rank < self.before + n {
                let item = (rank - self.before) as usize;
                return (self.facts.as_ref().expect("just set"), item);
            }
            self.before += n;
            self.order += 1;
        }
    }
}

/// Reviews come in one of two ways. With the count derived, each delivered purchase is
/// reviewed or not by its own key, so an order's reviews follow from its facts and the
/// pass over orders writes them with the rest; units are orders, keys are purchases.
/// With the count set, review r takes one purchase from its own stride of the
/// delivered purchases, which takes the index of them; units and keys are reviews.
pub struct Reviews<'w> {
    world: &'w World,
    orders: Orders<'w>,
    products: Products<'w>,
}

impl<'w> Reviews<'w> {
    pub fn new(world: &'w World) -> Self {
        Reviews {
            world,
            orders: Orders::new(world),
            products: Products::new(world),
        }
    }

    /// The delivered purchase review `r` of a set count is about: one from its own
    /// stride. The index is asked of the world each time rather than kept: a `Reviews`
    /// made before a pass over orders must not build it by a pass of its own.
    fn rank(&self, r: u64, count: u64) -> u64 {
        let total = self.world.delivered().total as u128;
        let n = count as u128;
        let lo = (r as u128 * total / n) as u64;
        let hi = ((r as u128 + 1) * total / n) as u64;
        lo + mix64(self.world.key(Stream::ReviewPicks) ^ r) % (hi - lo).max(1)
    }

    /// Calls `each` with every review of `units` in order, with its key.
    pub fn for_each(
        &self,
        units: Range<u64>,
        mut each: impl FnMut(u64, &ReviewFacts, &mut rng::RowRng),
    ) {
        if units.is_empty() {
            return;
        }
        let Some(count) = self.world.review_count_override else {
            let mut last = LastCustomer::default();
            for order in units {
                let facts = self.orders.facts_after(order, &mut last);
                self.of_order(&facts, &mut each);
            }
            return;
        };
        let mut cursor = Cursor::new(self.world, self.rank(units.start, count));
        for r in units {
            let (order, item) = cursor.seek(self.rank(r, count));
            let (facts, mut rng) = self.review(r, order, item);
            each(r, &facts, &mut rng);
        }
    }

    /// The reviews of one order, when the count is derived.
    pub(crate) fn of_order(
        &self,
        order: &OrderFacts,
        each: &mut impl FnMut(u64, &ReviewFacts, &mut rng::RowRng),
    ) {
        if !order.status().is_delivered() {
            return;
        }
        for item in 0..order.items().len() {
            let key = Orders::item_key(order.index, item);
            if reviewed(self.world, key) {
                let (facts, mut rng) = self.review(key, order, item);
                each(key, &facts, &mut rng);
            }
        }
    }

    /// Review `key` of item `item` of `order`: its rating and date, and its stream for
    /// the rest.
    fn review(&self, key: u64, order: &OrderFacts, item: usize) -> (ReviewFacts, rng::RowRng) {
        let mut rng = self.world.rng(Entity::Reviews, key);
        let experience = experience(order, item);
        let rating = text::stars(&mut rng, experience);
        let delivered = order
            .delivered_at()
            .expect("delivered orders have a delivery time");
        let created_at = self
            .world
            .after_delay(&mut rng, delivered, 3_600, 21 * 86_400)
            .unwrap_or_else(|| self.world.moment_after(&mut rng, delivered));
        let facts = ReviewFacts {
            order: order.index,
            item,
            user: order.user,
            product: order.items()[item].product,
            rating,
            created_at,
            experience,
        };
        (facts, rng)
    }

    /// Fills `row` with review `key` and emits it.
    fn write_row(
        &self,
        key: u64,
        facts: &ReviewFacts,
        rng: &mut rng::RowRng,
        row: &mut Review,
        emit: &mut dyn FnMut(&Review),
    ) {
        let w = self.world;
        w.tally.add_review(facts);
        row.review_id = w.ids(Table::Reviews).id(key);
        row.user_id = w.ids(Table::Users).id(facts.user);
        row.product_id = w.ids(Table::Products).id(facts.product);
        row.order_id = w.ids(Table::Orders).id(facts.order);
        row.rating = facts.rating;
        row.created_at = facts.created_at;
        let core = self.products.core(facts.product);
        let kind = DEPARTMENTS[core.shape.department].reviews;
        text::write(
            rng,
            kind,
            facts.rating,
            core.noun.name,
            facts.experience,
            &mut row.title,
            &mut row.body,
        );
        // Most reviews get no vote, some a handful, a rare one a couple of hundred:
        // the count's bit length falls off (the smaller of two uniform draws), so
        // each doubling of votes is rarer than the last. Votes gather over time:
        // a review of the window's last days has had no time for many.
        let age_days = ((w.window.end.0 - row.created_at.0) / 86_400).max(0) as u64;
        let most_bits = (1 + (age_days + 1).ilog2() as u64).min(8);
        row.helpful_votes = if rng::chance(rng, 600) {
            0
        } else {
            let bits = rng::below(rng, most_bits).min(rng::below(rng, most_bits));
            ((1 << bits) + rng::below(rng, 1 << bits)) as u32
        };
        emit(row);
    }
}

impl Generator for Reviews<'_> {
    type Row = Review;

    fn units(&self) -> u64 {
        self.world
            .review_count_override
            .unwrap_or_else(|| self.orders.count())
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Review)) {
        let mut row = Review::default();
        self.for_each(units, |key, facts, rng| {
            self.write_row(key, facts, rng, &mut row, emit)
        });
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        if self.world.review_count_override.is_none() {
            Some(self)
        } else {
            None
        }
    }
}

impl FromOrders for Reviews<'_> {
    type Row = Review;

    fn rows_of(&self, _: u64, facts: &OrderFacts, row: &mut Review, emit: &mut dyn FnMut(&Review)) {
        self.of_order(facts, &mut |key, review, rng| {
            self.write_row(key, review, rng, row, emit)
        });
    }
}
