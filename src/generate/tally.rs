//! What the pass that writes the orders adds up on its way, so that analytics need not
//! draw every order's facts again: their totals, to which the reviews add theirs as
//! they are written (in the same pass, unless their count is set). Only a run that
//! writes every order (and every review) tallies; anything else builds the same
//! values by passes of its own. (A set review count's index of delivered purchases is
//! built before anything is written, since the plan checks the count against it.)

use super::World;
use super::orders::OrderFacts;
use super::reviews::ReviewFacts;
use super::user_analytics::Aggregates;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

const ORDERS_ADDING: u8 = 1;
const ORDERS_ADDED: u8 = 2;
const REVIEWS_ADDING: u8 = 4;
const REVIEWS_ADDED: u8 = 8;

#[derive(Default)]
pub struct Tally {
    totals: OnceLock<Aggregates>,
    /// The reviews added after the fact, when they were not written in this run.
    reviews_added_late: OnceLock<()>,
    state: AtomicU8,
}

impl Tally {
    fn has(&self, flag: u8) -> bool {
        self.state.load(Ordering::Acquire) & flag != 0
    }

    /// Before a pass that writes every order of the run: with `analytics`, tally the
    /// totals, to which the reviews add theirs when `with_reviews` (the pass writes
    /// them too).
    pub fn begin_orders(&self, world: &World, analytics: bool, with_reviews: bool) {
        if analytics && world.analytics.get().is_none() {
            let _ = self.totals.set(Aggregates::zeroed(world));
        }
        let reviews = if with_reviews { REVIEWS_ADDING } else { 0 };
        self.state
            .fetch_or(ORDERS_ADDING | reviews, Ordering::AcqRel);
    }

    /// One order of the pass, each exactly once.
    pub fn add_order(&self, facts: &OrderFacts) {
        if !self.has(ORDERS_ADDING) {
            return;
        }
        if let Some(totals) = self.totals.get() {
            totals.add_order(facts);
        }
    }

    /// After the pass: the totals are complete.
    pub fn end_orders(&self) {
        self.end_reviews();
        self.state.fetch_and(!ORDERS_ADDING, Ordering::AcqRel);
        self.state.fetch_or(ORDERS_ADDED, Ordering::AcqRel);
    }

    /// Before every review of the run is written: they add to the totals.
    pub fn begin_reviews(&self) {
        if self.has(ORDERS_ADDED) && self.totals.get().is_some() {
            self.state.fetch_or(REVIEWS_ADDING, Ordering::AcqRel);
        }
    }

    /// One review as it is written, each exactly once.
    pub fn add_review(&self, review: &ReviewFacts) {
        if self.has(REVIEWS_ADDING)
            && let Some(totals) = self.totals.get()
        {
            totals.add_review(review);
        }
    }

    pub fn end_reviews(&self) {
        if self.has(REVIEWS_ADDING) {
            self.state.fetch_or(REVIEWS_ADDED, Ordering::AcqRel);
            self.state.fetch_and(!REVIEWS_ADDING, Ordering::AcqRel);
        }
    }

    /// The totals, when the pass over orders added them up; the reviews are added
    /// now if they were not written.
    pub fn aggregates(&self, world: &World) -> Option<&Aggregates> {
        let totals = self.totals.get()?;
        if !self.has(ORDERS_ADDED) || self.has(REVIEWS_ADDING) {
            return None;
        }
        if !self.has(REVIEWS_ADDED) {
            self.reviews_added_late
                .get_or_init(|| totals.add_reviews(world));
        }
        Some(totals)
    }
}

#[cfg(test)]
mod tests {
    use crate::generate::world::small_world;
    use crate::schema::Entity;

    /// The engine makes every entity's row source to plan the pass over orders: none
    /// may build by a pass of its own what that pass is about to tally.
    #[test]
    fn making_a_row_source_draws_no_order() {
        let world = small_world(3, &[]);
        for entity in Entity::ALL {
            let source = (entity.spec().source)(&world);
            let _ = source.fed_by_orders();
            assert!(
                world.delivered.get().is_none(),
                "{entity:?} built the reviews' index"
            );
            assert!(
                world.analytics.get().is_none(),
                "{entity:?} summed the orders"
            );
        }
    }
}
