//! Everything every generator shares in one run: the seed, the window, the row counts,
//! and the derived tables that are cheap to build and would be costly to recompute per
//! row (the seasonal calendar, popularity permutations, delivered-purchase offsets,
//! analytics aggregates). No parent rows are stored here: those are recomputed from
//! their index.

use super::calendar::Calendar;
use super::customers::{Growth, OrderBook};
use super::streams::Stream;
use crate::model::{Date, IdSpace, Timestamp, Window};
use crate::rng::{self, Permutation, RowRng};
use crate::schema::{Entity, Table};
use std::sync::OnceLock;

pub use super::registry::Counts;

pub struct World {
    pub seed: u64,
    pub window: Window,
    /// When the shop opened: accounts date from then on.
    pub opened: Date,
    pub counts: Counts,
    /// Set when `--count reviews=N` overrides the derived count.
    pub review_count_override: Option<u64>,
    /// Threads for the passes over all orders; never changes any output.
    pub threads: usize,
    calendar: Calendar,
    growth: Growth,
    /// The shop's currency: every amount is in it.
    pub currency: crate::model::Currency,
    order_book: OnceLock<OrderBook>,
    bare_emails: OnceLock<super::users::identity::BareEmails>,
    suppliers: OnceLock<super::vendors::Suppliers>,
    stock: OnceLock<super::stock::Stock>,
    wish_book: OnceLock<super::wishlists::WishBook>,
    demand: OnceLock<super::demand::Demand>,
    promotion_days: OnceLock<super::promotions::RunningCodes>,
    /// Rank -> product, so the best sellers are spread over the catalog.
    pub product_popularity: Permutation,
    /// Rank -> user, so the most active customers are not all early signups.
    pub user_activity: Permutation,
    pub(crate) delivered: OnceLock<super::reviews::DeliveredIndex>,
    pub(crate) analytics: OnceLock<super::user_analytics::Aggregates>,
    /// What the pass over orders adds up for analytics.
    pub tally: super::tally::Tally,
}

impl World {
    pub fn new(seed: u64, window: Window, opened: Date, counts: Counts) -> Self {
        let offsets: Vec<i64> = crate::words::geo::COUNTRIES
            .iter()
            .map(|c| c.utc_offset)
            .collect();
        World {
            seed,
            window,
            opened,
            calendar: Calendar::new(window, &offsets),
            growth: Growth::new(opened.min(window.last_day()), window.last_day()),
            currency: crate::model::Currency::USD,
            order_book: OnceLock::new(),
            bare_emails: OnceLock::new(),
            suppliers: OnceLock::new(),
            stock: OnceLock::new(),
            wish_book: OnceLock::new(),
            demand: OnceLock::new(),
            promotion_days: OnceLock::new(),
            product_popularity: Permutation::new(
                counts.get(Entity::Products).max(1),
                Stream::ProductPopularity.key(seed),
            ),
            user_activity: Permutation::new(
                counts.get(Entity::Users).max(1),
                Stream::UserActivity.key(seed),
            ),
            counts,
            review_count_override: None,
            threads: 1,
            delivered: OnceLock::new(),
            analytics: OnceLock::new(),
            tally: Default::default(),
        }
    }

    pub fn count(&self, entity: Entity) -> u64 {
        self.counts.get(entity)
    }

    /// The key of one of the run's random streams.
    pub fn key(&self, stream: Stream) -> u64 {
        stream.key(self.seed)
    }

    /// The PRNG of one row of a stream.
    pub fn stream_rng(&self, stream: Stream, row_key: u64) -> RowRng {
        rng::row_rng(self.key(stream), row_key.wrapping_add(stream.key_offset()))
    }

    /// The PRNG of one row of an entity.
    pub fn rng(&self, entity: Entity, row_key: u64) -> RowRng {
        self.stream_rng(Stream::Rows(entity), row_key)
    }

    pub fn ids(&self, table: Table) -> IdSpace {
        IdSpace::new(self.key(Stream::Ids(table)))
    }

    /// The shop's traffic through the window, in each time zone.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The shop's signups since it opened.
    pub fn growth(&self) -> &Growth {
        &self.growth
    }

    /// Every customer's orders in the window, built on first use.
    pub fn order_book(&self) -> &OrderBook {
        self.order_book.get_or_init(|| {
            let users = super::users::Users::new(self);
            OrderBook::build(self, |u| users.locale(u).country.utc_offset)
        })
    }

    /// Who owns the bare email addresses, built on first use.
    pub fn bare_emails(&self) -> &super::users::identity::BareEmails {
        self.bare_emails.get_or_init(|| {
            let users = super::users::Users::new(self);
            super::users::identity::BareEmails::build(self, |u| users.locale(u).country)
        })
    }

    /// The vendors of each department and their names, built on first use.
    pub fn suppliers(&self) -> &super::vendors::Suppliers {
        self.suppliers
            .get_or_init(|| super::vendors::Suppliers::build(self))
    }

    /// Every customer's wishlist length, built on first use.
    pub fn wish_book(&self) -> &super::wishlists::WishBook {
        self.wish_book
            .get_or_init(|| super::wishlists::WishBook::build(self))
    }

    /// What every warehouse stocks, built on first use.
    pub fn stock(&self) -> &super::stock::Stock {
        self.stock.get_or_init(|| super::stock::Stock::build(self))
    }

    /// What sells, by department and season, built on first use.
    pub fn demand(&self) -> &super::demand::Demand {
        self.demand
            .get_or_init(|| super::demand::Demand::build(self))
    }

    /// The promotions running on each day of the window, built on first use.
    pub fn running_codes(&self) -> &super::promotions::RunningCodes {
        self.promotion_days
            .get_or_init(|| super::promotions::RunningCodes::build(self))
    }

    /// A moment drawn from the shop's traffic in the time zone at `offset`.
    pub fn seasonal_moment(&self, rng: &mut RowRng, offset: i64) -> Timestamp {
        self.calendar.sample(rng, offset)
    }

    /// A uniform moment in `[from, window end]`.
    pub fn moment_after(&self, rng: &mut RowRng, from: Timestamp) -> Timestamp {
        let from = from.max(self.window.start);
        Timestamp(rng::between(rng, from.0, self.window.end.0))
    }

    /// `from` plus a delay in `[min, max]` seconds, or `None` once past the window's
    /// end: the event has not happened yet when the data was taken.
    pub fn after_delay(
        &self,
        rng: &mut RowRng,
        from: Timestamp,
        min: i64,
        max: i64,
    ) -> Option<Timestamp> {
        let t = from.plus(rng::between(rng, min, max));
        (t <= self.window.end).then_some(t)
    }
}

/// A small shop (a fifth of the default counts) in the default year, with `counts`
/// set on top: the world the generators' unit tests run against.
#[cfg(test)]
pub fn small_world(seed: u64, counts: &[(Entity, u64)]) -> World {
    let mut all = Counts::scaled(0.2).expect("small counts");
    for &(entity, n) in counts {
        all.set(entity, n);
    }
    let window = Window::default();
    World::new(seed, window, window.default_opened(), all)
}
