//! Customers as customers behave: most buy once, some now and then, a few are regulars;
//! each has a signup on the shop's growth curve since it opened, a first order (at
//! signup for the many who make an account at checkout), a rate of orders while
//! active, a moment they lapse, and perhaps a moment they close their account.
//!
//! Orders are drawn per customer: one pass over the customers (a few bytes each) gives
//! every customer's number of orders in the window, scaled so they add up to exactly
//! `--count orders`, and a prefix index maps order index -> (customer, k-th order).
//! Orders are therefore grouped by customer in the orders file; a customer's k-th
//! order is placed in the k-th slice of their active time, so it is computed alone.

use super::calendar::HOUR_WEIGHT;
use super::streams::Stream;
use super::world::World;
use crate::model::{Date, Timestamp};
use crate::rng::{self, RowRng};
use crate::schema::Entity;
use rand::Rng;

const DAY: i64 = 86_400;
const YEAR: f64 = 365.25 * 86_400.0;

/// The shares of customer kinds, per mille.
pub const KIND_WEIGHTS: [u32; 3] = [620, 300, 80];

/// Orders a year, on average, while active (after the first), by kind.
const MEAN_RATE: [f64; 3] = [0.0, 1.2, 6.0];

/// Years of activity after the first order, on average, by kind: most repeat
/// customers drift away within a year or two, so retention decays month by month.
const MEAN_LIFETIME_YEARS: [f64; 3] = [0.0, 0.8, 2.5];

/// No customer orders faster than this many times their kind's mean pace.
const MOST_PACE_MULTIPLE: f64 = 2.5;

/// Accounts made at the first order (checkout), per mille.
const AT_CHECKOUT_PER_MILLE: u32 = 550;

/// Accounts made apart from an order that never order, per mille.
const NEVER_ORDER_PER_MILLE: u32 = 120;

/// Days from a browsing signup to the first order, on average.
const FIRST_ORDER_DAYS: f64 = 45.0;

/// Accounts closed some time after signup, per mille.
const CLOSED_PER_MILLE: u32 = 60;

/// Signups grow by this factor a year as the shop grows.
const GROWTH_PER_YEAR: f64 = 1.35;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    OneTime,
    Occasional,
    Regular,
}

/// A customer's life with the shop, drawn from their own stream.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    pub kind: Kind,
    pub signup: Timestamp,
    /// The first order ever, which may predate the window; `None` for an account that
    /// never orders.
    pub first_order: Option<Timestamp>,
    /// Orders a year while active, after the first.
    pub rate: f64,
    /// When they stop buying.
    pub lapse: Timestamp,
    /// When they closed their account, if they did by the window's end.
    pub closed: Option<Timestamp>,
}

impl Profile {
    /// The time in the window in which this customer orders again: from the first
    /// order (or the window's start) to their lapse, closing or the window's end.
    pub fn active_span(&self, world: &World) -> Option<(Timestamp, Timestamp)> {
        let first = self.first_order?;
        let from = first.max(world.window.start);
        let to = world
            .window
            .end
            .min(self.lapse)
            .min(self.closed.unwrap_or(world.window.end));
        (from < to).then_some((from, to))
    }

    /// Whether the first order falls in the window (before any closing).
    pub fn first_in_window(&self, world: &World) -> bool {
        self.first_order
            .is_some_and(|f| world.window.contains(f) && self.closed.is_none_or(|c| f < c))
    }

    /// Orders expected in the window after the first, at rate 1x.
    fn expected_repeats(&self, world: &World) -> f64 {
        match self.active_span(world) {
            Some((from, to)) => self.rate * (to.0 - from.0) as f64 / YEAR,
            None => 0.0,
        }
    }
}

/// Signup days since the shop opened, weighted by its growth.
pub struct Growth {
    opened: Date,
    cumulative: Vec<u64>,
}

impl Growth {
    pub fn new(opened: Date, last: Date) -> Growth {
        let log_growth = rng::ln(GROWTH_PER_YEAR) / 365.25;
        let mut total = 0u64;
        // People sign up when they shop: the same seasons and events, every year.
        let cumulative = (0..=(last.0 - opened.0).max(0))
            .map(|d| {
                let traffic = super::calendar::day_weight(Date(opened.0 + d));
                total += (rng::exp(log_growth * d as f64) * traffic * 1000.0).round() as u64;
                total
            })
            .collect();
        Growth { opened, cumulative }
    }

    fn sample(&self, rng: &mut RowRng, offset: i64) -> Timestamp {
        let total = *self.cumulative.last().expect("at least one day");
        let draw = rng::below(rng, total);
        let day = self.cumulative.partition_point(|&c| c <= draw);
        let hour = rng::pick_weighted_u64(rng, &HOUR_WEIGHT) as i64;
        let local =
            (self.opened.0 + day as i64) * DAY + hour * 3_600 + rng::below(rng, 3_600) as i64;
        Timestamp(local - offset * 3_600)
    }
}

/// The profile of customer `user`, whose clock runs `offset` hours from UTC.
pub fn profile(world: &World, user: u64, offset: i64) -> Profile {
    let mut rng = world.stream_rng(Stream::Customers, user);
    let kind = [Kind::OneTime, Kind::Occasional, Kind::Regular]
        [rng::pick_weighted(&mut rng, &KIND_WEIGHTS)];
    let k = kind as usize;
    let signup = world
        .growth()
        .sample(&mut rng, offset)
        .max(world.opened.timestamp())
        .min(world.window.end);
    let first_order = if rng::chance(&mut rng, AT_CHECKOUT_PER_MILLE) {
        Some(signup.plus(rng::between(&mut rng, 60, 1_200)))
    } else if rng::chance(&mut rng, NEVER_ORDER_PER_MILLE) {
        None
    } else {
        let days = rng::exponential(&mut rng, FIRST_ORDER_DAYS);
        let around = signup.plus(3_600 + (days * DAY as f64) as i64);
        // Placed in the busy hours and days of that week, like every order.
        let week = around.plus(7 * DAY).min(world.window.end);
        Some(if world.window.contains(around) && around < week {
            world
                .calendar()
                .sample_between(&mut rng, offset, around, week)
        } else {
            around
        })
    };
    // A gamma(2) spread of rates: two exponential halves.
    let spread = rng::exponential(&mut rng, 0.5) + rng::exponential(&mut rng, 0.5);
    let rate = MEAN_RATE[k] * spread.min(MOST_PACE_MULTIPLE);
    let years = rng::exponential(&mut rng, MEAN_LIFETIME_YEARS[k]);
    let lapse = first_order.unwrap_or(signup).plus((years * YEAR) as i64);
    let closed = rng::chance(&mut rng, CLOSED_PER_MILLE)
        .then(|| {
            let horizon = 2 * (world.window.end.0 - signup.0).max(DAY);
            signup.plus(rng::between(&mut rng, 600, horizon))
        })
        .filter(|&c| c <= world.window.end);
    Profile {
        kind,
        signup,
        first_order,
        rate,
        lapse,
        closed,
    }
}

/// Every customer's orders in the window: order index -> (customer, k-th order).
pub struct OrderBook {
    /// Orders of the customers before each one; `prefix[users]` is the order count.
    prefix: Vec<u64>,
}

impl OrderBook {
    pub fn build(world: &World, offset_of: impl Fn(u64) -> i64 + Sync) -> OrderBook {
        let users = world.count(Entity::Users);
        let orders = world.count(Entity::Orders);
        // First pass: what each customer would order at the shop's natural pace.
        let expected: Vec<(bool, f64)> =
            crate::parallel::map_blocks(users, 4096, world.threads, |range| {
                range
                    .map(|u| {
                        let p = profile(world, u, offset_of(u));
                        (p.first_in_window(world), p.expected_repeats(world))
                    })
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect();
        let firsts = expected.iter().filter(|(first, _)| *first).count() as f64;
        let repeats: f64 = expected.iter().map(|(_, r)| r).sum();
        // The pace that fills `--count orders`: repeat orders absorb the difference.
        let pace = if repeats > 0.0 {
            ((orders as f64 - firsts) / repeats).max(0.0)
        } else {
            0.0
        };
        let drawn: Vec<u64> = crate::parallel::map_blocks(users, 4096, world.threads, |range| {
            range
                .map(|u| {
                    let (first, repeats) = expected[u as usize];
                    let mut rng = world.stream_rng(Stream::OrderCounts, u);
                    u64::from(first) + rng::poisson(&mut rng, pace * repeats)
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        OrderBook {
            prefix: exact_prefix(&drawn, orders),
        }
    }

    pub fn orders(&self) -> u64 {
        *self.prefix.last().unwrap_or(&0)
    }

    /// Orders of customer `user` in the window.
    pub fn count_of(&self, user: u64) -> u64 {
        self.prefix[user as usize + 1] - self.prefix[user as usize]
    }

    /// The first order index of `user`.
    pub fn first_of(&self, user: u64) -> u64 {
        self.prefix[user as usize]
    }

    /// The customer of order `index`, and which of their orders it is (from 0).
    pub fn locate(&self, index: u64) -> (u64, u64) {
        let user = self.prefix.partition_point(|&p| p <= index) - 1;
        (user as u64, index - self.prefix[user])
    }
}

/// Prefix sums of counts scaled to add up to exactly `total`: customer u gets
/// `floor(S_u * total / S) - floor(S_(u-1) * total / S)` of the cumulative draws S, so
/// a customer drawn no order keeps none and the others change by less than one each
/// time the scale is crossed. Without any draw, every customer counts one.
pub fn exact_prefix(drawn: &[u64], total: u64) -> Vec<u64> {
    let sum: u128 = drawn.iter().map(|&n| n as u128).sum();
    let (weights, sum): (Vec<u64>, u128) = if sum == 0 && total > 0 {
        (vec![1; drawn.len()], drawn.len() as u128)
    } else {
        (drawn.to_vec(), sum)
    };
    let mut prefix = Vec::with_capacity(drawn.len() + 1);
    prefix.push(0);
    let mut cumulative = 0u128;
    for n in weights {
        cumulative += n as u128;
        let scaled = (cumulative * total as u128).checked_div(sum).unwrap_or(0);
        prefix.push(scaled as u64);
    }
    prefix
}

/// When a customer's k-th order of the window (of `n`) was placed: the first order
/// where it falls in the window, the others in the k-th slice of their active time,
/// as busy as the shop's traffic in their time zone.
pub fn order_moment(
    world: &World,
    profile: &Profile,
    offset: i64,
    k: u64,
    n: u64,
    fraction: u32,
) -> Timestamp {
    let first_in = profile.first_in_window(world);
    let fallback = || {
        let from = profile
            .first_order
            .unwrap_or(profile.signup)
            .max(world.window.start);
        let to = profile
            .closed
            .unwrap_or(world.window.end)
            .min(world.window.end);
        (from, to.max(from))
    };
    if first_in {
        let first = profile.first_order.expect("a first order in the window");
        if k == 0 {
            return first;
        }
        let (_, to) = profile.active_span(world).unwrap_or_else(fallback);
        // An hour after the first order, unless that is past the span's end (a first
        // order in the window's last hour): the later orders then come at its end.
        let from = first.plus(3_600).min(to.max(first));
        // Soon after a first order is when a customer is likeliest to come back.
        return world.calendar().slice_front_loaded(
            offset,
            from,
            to.max(from),
            k - 1,
            n - 1,
            fraction,
        );
    }
    let (from, to) = profile.active_span(world).unwrap_or_else(fallback);
    world.calendar().slice(offset, from, to, k, n, fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_counts_add_up_and_keep_zeros() {
        let drawn = [0, 3, 1, 0, 5, 2];
        for total in [0, 1, 7, 11, 40] {
            let prefix = exact_prefix(&drawn, total);
            assert_eq!(*prefix.last().unwrap(), total);
            for (u, &n) in drawn.iter().enumerate() {
                if n == 0 {
                    assert_eq!(
                        prefix[u + 1],
                        prefix[u],
                        "customer {u} got an order from nothing"
                    );
                }
            }
        }
        assert_eq!(exact_prefix(&drawn, 11), [0, 0, 3, 4, 4, 9, 11]);
        assert_eq!(*exact_prefix(&[0, 0], 5).last().unwrap(), 5);
    }
}

/// What a customer tends to buy and how: drawn from their own stream, so every order of
/// theirs agrees with the others.
#[derive(Clone, Copy, Debug)]
pub struct Tastes {
    /// How much they put in a basket, around 1.0 (the median customer).
    pub spend_level: f64,
    /// Two departments (indexes into the catalog) they come back to.
    pub favourites: [usize; 2],
    /// A uniform draw that picks their usual payment method among their country's.
    pub payment_pick: u64,
}

pub fn tastes(world: &World, user: u64) -> Tastes {
    let mut rng = world.stream_rng(Stream::Tastes, user);
    // Log-normal, from a sum of twelve uniforms: most baskets near the median, a few
    // customers spending several times more.
    let z: f64 = (0..12).map(|_| rng::unit(&mut rng)).sum::<f64>() - 6.0;
    let spend_level = rng::exp(0.45 * z);
    let departments = crate::words::catalog::DEPARTMENTS.len() as u64;
    let first = rng::below(&mut rng, departments) as usize;
    let second =
        (first + 1 + rng::below(&mut rng, departments - 1) as usize) % departments as usize;
    Tastes {
        spend_level,
        favourites: [first, second],
        payment_pick: rng.next_u64(),
    }
}
