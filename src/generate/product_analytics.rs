//! Product analytics: one row per product, added up from order items, reviews and
//! returns of the same run (see user_analytics.rs for the shared pass).

use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record};
use crate::model::{Currency, Hundredths, Id, Money};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;
use std::sync::atomic::Ordering::Relaxed;

pub const FIELDS: &[Field] = &[
    Field::foreign(
        "product_id",
        Table::Products,
        "Primary key: one row per product.",
    ),
    Field::new(
        "units_sold",
        F::Integer,
        "Sum of item quantity over counted orders.",
    ),
    Field::new(
        "revenue",
        F::Money,
        "Sum of item total over counted orders.",
    ),
    Field::new("review_count", F::Integer, "Reviews of the product."),
    Field::new(
        "average_rating",
        F::Decimal,
        "Mean rating, half-up to two places; empty without reviews.",
    )
    .nullable(),
    Field::new("return_count", F::Integer, "Return rows for the product."),
    Field::new(
        "currency",
        F::Text,
        "ISO 4217 code of every amount in the row: the shop's currency.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::ProductAnalytics,
    name: "product_analytics",
    row_tag: "product_metrics",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::ProductAnalytics,
    stable_id: 17,
    name: "product_analytics",
    doc: "Per-product aggregates, equal to what the other files say.",
    parents: &[
        Entity::Products,
        Entity::Orders,
        Entity::Reviews,
        Entity::Returns,
    ],
    requires: &[],
    count: CountRule::Derived("one row per product"),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(ProductAnalyticsGenerator::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct ProductAnalytics {
    pub product_id: Id,
    pub units_sold: u64,
    pub revenue: Money,
    pub review_count: u32,
    pub average_rating: Option<Hundredths>,
    pub return_count: u32,
    pub currency: Currency,
}

flat_record!(ProductAnalytics);

pub struct ProductAnalyticsGenerator<'w> {
    world: &'w World,
}

impl<'w> ProductAnalyticsGenerator<'w> {
    pub fn new(world: &'w World) -> Self {
        ProductAnalyticsGenerator { world }
    }
}

impl Generator for ProductAnalyticsGenerator<'_> {
    type Row = ProductAnalytics;

    fn units(&self) -> u64 {
        self.world.count(Entity::Products)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&ProductAnalytics)) {
        let totals = &self.world.aggregates().products;
        let ids = self.world.ids(Table::Products);
        let mut row = ProductAnalytics::default();
        for product in units {
            let t = &totals[product as usize];
            row.product_id = ids.id(product);
            row.units_sold = t.units.load(Relaxed);
            row.revenue = Money(t.revenue.load(Relaxed));
            row.review_count = t.reviews.load(Relaxed);
            row.average_rating = (row.review_count > 0).then(|| {
                Hundredths::ratio(t.rating_sum.load(Relaxed) as i64, row.review_count as i64)
            });
            row.return_count = t.returns.load(Relaxed);
            row.currency = self.world.currency;
            emit(&row);
        }
    }
}
