//! Everything every generator shares in one run: the seed, the window, the row counts,
//! and the derived tables that are cheap to build and would be costly to recompute per
//! row (the seasonal calendar, popularity permutations, delivered-purchase offsets,
//! analytics aggregates). No parent rows are stored here: those are recomputed from
//! their index.

use super::streams::Stream;
use crate::model::{Date, IdSpace, Timestamp, Window};
use crate::rng::{self, Permutation, RowRng};
use crate::schema::{Entity, Table};
use std::sync::OnceLock;

pub use super::registry::Counts;

pub struct World {
    pub seed: u64,
    pub window: Window,
    pub counts: Counts,
    /// Set when `--count reviews=N` overrides the derived count.
    pub review_count_override: Option<u64>,
    /// Threads for the passes over all orders; never changes any output.
    pub threads: usize,
    calendar: Calendar,
    /// Rank -> product, so the best sellers are spread over the catalog.
    pub product_popularity: Permutation,
    /// Rank -> user, so the most active customers are not all early signups.
    pub user_activity: Permutation,
    pub(crate) delivered: OnceLock<super::reviews::DeliveredIndex>,
    pub(crate) analytics: OnceLock<super::user_analytics::Aggregates>,
}

impl World {
    pub fn new(seed: u64, window: Window, counts: Counts) -> Self {
        World {
            seed,
            window,
            calendar: Calendar::new(window),
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

    /// A moment drawn from the shop's traffic: more in November and December, at
    /// weekends, around Black Friday, and in the evening.
    pub fn seasonal_moment(&self, rng: &mut RowRng) -> Timestamp {
        self.calendar.sample(rng, self.window)
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

const MONTH_WEIGHT: [u32; 12] = [80, 72, 84, 86, 90, 88, 92, 94, 88, 100, 150, 175];
const WEEKDAY_WEIGHT: [u32; 7] = [100, 96, 95, 100, 108, 118, 122];
const HOUR_WEIGHT: [u32; 24] = [
    20, 12, 8, 6, 6, 8, 15, 30, 50, 65, 75, 80, 85, 80, 75, 75, 80, 90, 105, 120, 125, 110, 80, 45,
];

/// Cumulative day weights of the window, so a seasonal day is one binary search away.
struct Calendar {
    cumulative: Vec<u64>,
}

impl Calendar {
    fn new(window: Window) -> Self {
        let first = window.first_day().0;
        let mut total = 0u64;
        let cumulative = (0..window.days())
            .map(|offset| {
                total += day_weight(Date(first + offset));
                total
            })
            .collect();
        Calendar { cumulative }
    }

    fn sample(&self, rng: &mut RowRng, window: Window) -> Timestamp {
        let total = *self
            .cumulative
            .last()
            .expect("a window has at least one day");
        let draw = rng::below(rng, total);
        let day = self.cumulative.partition_point(|&c| c <= draw) as i64;
        let hour = rng::pick_weighted(rng, &HOUR_WEIGHT) as i64;
        let second = rng::below(rng, 3600) as i64;
        let t = Timestamp((window.first_day().0 + day) * 86_400 + hour * 3600 + second);
        window.clamp(t.max(window.start))
    }
}

fn day_weight(day: Date) -> u64 {
    let (_, month, dom) = crate::model::time_parts(day);
    let mut w = (MONTH_WEIGHT[month as usize - 1] * WEEKDAY_WEIGHT[day.weekday() as usize]) as u64;
    // Black Friday is the day after the fourth Thursday of November (Friday, the 23rd
    // to the 29th); Cyber Monday three days later.
    if month == 11 && day.weekday() == 4 && (23..=29).contains(&dom) {
        w *= 3;
    }
    if (month == 11 && day.weekday() == 0 && dom >= 26)
        || (month == 12 && day.weekday() == 0 && dom <= 2)
    {
        w = w * 5 / 2;
    }
    if month == 12 && (dom == 25 || dom == 26) {
        w /= 2;
    }
    w
}

/// A small shop (a fifth of the default counts) in the default year, with `counts`
/// set on top: the world the generators' unit tests run against.
#[cfg(test)]
pub fn small_world(seed: u64, counts: &[(Entity, u64)]) -> World {
    let mut all = Counts::scaled(0.2).expect("small counts");
    for &(entity, n) in counts {
        all.set(entity, n);
    }
    World::new(seed, Window::default(), all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::days_from_civil;

    #[test]
    fn seasonal_moments_stay_in_the_window_and_peak_in_november() {
        let w = World::new(1, Window::default(), Counts::zero());
        let mut by_month = [0u32; 12];
        for i in 0..50_000 {
            let mut rng = rng::row_rng(3, i);
            let t = w.seasonal_moment(&mut rng);
            assert!(w.window.contains(t));
            by_month[t.date().month() as usize - 1] += 1;
        }
        assert!(by_month[10] > by_month[1] * 3 / 2, "{by_month:?}");
        assert!(by_month[11] > by_month[0] * 3 / 2, "{by_month:?}");
    }

    #[test]
    fn black_friday_2023_is_boosted() {
        let friday = Date(days_from_civil(2023, 11, 24));
        let week_before = Date(days_from_civil(2023, 11, 17));
        assert!(day_weight(friday) >= 3 * day_weight(week_before));
    }
}
