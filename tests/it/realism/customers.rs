//! Customers (REALISM.md): an established shop, most buyers buying once a year, a few
//! regulars, weeks between orders, revenue concentrated but not captured by a handful,
//! retention that decays, points that follow spend, closed accounts that stay closed.
//!
//! Throughout: a *counted* order is one that is not cancelled; a *buyer* is a user with
//! at least one counted order placed in the window.

use super::check::*;
use super::stats::*;
use super::tables::*;
use super::{assert_fails_on_controls, assert_realistic, default_sized};
use std::collections::{BTreeSet, HashMap};

/// Each buyer's counted orders in the window as (created_at, total), oldest first.
pub fn counted_orders_by_buyer(d: &Data) -> Res<HashMap<&str, Vec<(i64, f64)>>> {
    let mut by_user: HashMap<&str, Vec<(i64, f64)>> = HashMap::new();
    for order in orders(d)? {
        if order.counted() && d.window.contains(order.created) {
            by_user
                .entry(order.user)
                .or_default()
                .push((order.created, order.total));
        }
    }
    for list in by_user.values_mut() {
        list.sort_by_key(|o| o.0);
    }
    Ok(by_user)
}

/// Share of users whose account was created before the window's first day:
/// `count(*) filter (where created_at < start) / count(*)` over users.
pub fn accounts_before_the_window(d: &Data) -> Res<f64> {
    let users = d.t("users")?;
    let created = users.col("created_at")?;
    let before = (0..users.len())
        .filter(|&i| created.ts_req(i) < d.window.start())
        .count();
    Ok(before as f64 / users.len() as f64)
}

/// Share of buyers with two or more counted orders in the window.
pub fn repeat_buyers(d: &Data) -> Res<f64> {
    let buyers = counted_orders_by_buyer(d)?;
    let repeat = buyers.values().filter(|o| o.len() >= 2).count();
    Ok(repeat as f64 / buyers.len() as f64)
}

/// Counted orders per buyer: (mean, the heaviest buyer's count).
pub fn orders_per_buyer(d: &Data) -> Res<(f64, f64)> {
    let buyers = counted_orders_by_buyer(d)?;
    let counts: Vec<f64> = buyers.values().map(|o| o.len() as f64).collect();
    let max = counts.iter().copied().fold(0.0, f64::max);
    Ok((mean(&counts), max))
}

/// Gaps between a buyer's consecutive counted orders, pooled over all buyers (an
/// analyst's `created_at - lag(created_at) over (partition by user_id order by
/// created_at)`): (median gap in days, share of gaps of 24 hours or less).
pub fn gaps_between_orders(d: &Data) -> Res<(f64, f64)> {
    let buyers = counted_orders_by_buyer(d)?;
    let gaps: Vec<f64> = buyers
        .values()
        .flat_map(|o| o.windows(2).map(|w| (w[1].0 - w[0].0) as f64))
        .collect();
    let within_a_day = gaps.iter().filter(|&&g| g <= DAY as f64).count();
    Ok((
        median(&gaps) / DAY as f64,
        within_a_day as f64 / gaps.len() as f64,
    ))
}

/// Share of revenue (the sum of counted orders' `total` in the window) that the top
/// tenth of buyers by revenue brings; the top tenth is ceil(buyers / 10) buyers.
/// Amounts are added as they are: the shop has one currency (orders.currency, USD by
/// default).
pub fn top_tenth_revenue_share(d: &Data) -> Res<f64> {
    let buyers = counted_orders_by_buyer(d)?;
    let mut revenue: Vec<f64> = buyers
        .values()
        .map(|o| o.iter().map(|x| x.1).sum())
        .collect();
    revenue.sort_by(|a, b| b.total_cmp(a));
    let top = revenue.len().div_ceil(10);
    Ok(revenue[..top].iter().sum::<f64>() / revenue.iter().sum::<f64>())
}

/// Retention of new customers.
pub struct Retention {
    /// New customers judged: accounts created in the window whose first counted order
    /// in the window lies at least 180 days before its end (six months to watch).
    pub cohort: usize,
    /// Share of them whose second counted order comes within 30 days of the first.
    pub second_within_30_days: f64,
    /// Share of them with a counted order in month k after the first (k = 1..6, month k
    /// = days 30(k-1) exclusive to 30k inclusive after the first order).
    pub by_month: [f64; 6],
}

pub fn retention(d: &Data) -> Res<Retention> {
    let users = d.t("users")?;
    let (id, created) = (users.col("user_id")?, users.col("created_at")?);
    let new: BTreeSet<&str> = (0..users.len())
        .filter(|&i| created.ts_req(i) >= d.window.start())
        .map(|i| id.get(i))
        .collect();
    let buyers = counted_orders_by_buyer(d)?;
    let last_first_order = d.window.end() - 180 * DAY;
    let mut cohort = 0;
    let mut second = 0;
    let mut months = [0usize; 6];
    for (user, orders) in &buyers {
        let first = orders[0].0;
        if !new.contains(user) || first >= last_first_order {
            continue;
        }
        cohort += 1;
        if orders.get(1).is_some_and(|o| o.0 - first <= 30 * DAY) {
            second += 1;
        }
        for (k, month) in months.iter_mut().enumerate() {
            let (from, to) = (
                first + 30 * DAY * k as i64,
                first + 30 * DAY * (k as i64 + 1),
            );
            if orders[1..].iter().any(|o| o.0 > from && o.0 <= to) {
                *month += 1;
            }
        }
    }
    let share = |n: usize| n as f64 / cohort as f64;
    Ok(Retention {
        cohort,
        second_within_30_days: share(second),
        by_month: months.map(share),
    })
}

/// Spearman's rank correlation between users.loyalty_points and the user's spend
/// (sum of counted orders' total in the window, the lifetime spend the files can see),
/// over buyers.
pub fn points_follow_spend(d: &Data) -> Res<f64> {
    let users = d.t("users")?;
    let (id, points) = (users.col("user_id")?, users.col("loyalty_points")?);
    let buyers = counted_orders_by_buyer(d)?;
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for i in 0..users.len() {
        if let Some(orders) = buyers.get(id.get(i)) {
            x.push(points.num_req(i));
            y.push(orders.iter().map(|o| o.1).sum());
        }
    }
    Ok(spearman(&x, &y))
}

/// Closed accounts: (orders of any status placed after the user's closed_at, users
/// whose is_active is not exactly "closed_at is empty", closed accounts).
pub fn orders_after_closing(d: &Data) -> Res<(usize, usize, usize)> {
    let users = d.t("users")?;
    let (id, closed, active) = (
        users.col("user_id")?,
        users.col("closed_at")?,
        users.col("is_active")?,
    );
    let mut closed_at = HashMap::new();
    let mut flag_mismatch = 0;
    for i in 0..users.len() {
        let at = closed.ts(i);
        if (active.get(i) == "true") != at.is_none() {
            flag_mismatch += 1;
        }
        if let Some(at) = at {
            closed_at.insert(id.get(i), at);
        }
    }
    let after = orders(d)?
        .iter()
        .filter(|o| closed_at.get(o.user).is_some_and(|&at| o.created > at))
        .count();
    Ok((after, flag_mismatch, closed_at.len()))
}

fn established(d: &Data) -> Outcome {
    let share = accounts_before_the_window(d)?;
    Ok(vec![check(
        "accounts created before the window",
        share,
        Aim::Between(0.30, 0.90),
        Unit::Percent,
    )])
}

fn repeat(d: &Data) -> Outcome {
    Ok(vec![check(
        "buyers with 2+ orders",
        repeat_buyers(d)?,
        Aim::Between(0.18, 0.45),
        Unit::Percent,
    )])
}

fn per_buyer(d: &Data) -> Outcome {
    let (mean, max) = orders_per_buyer(d)?;
    Ok(vec![
        check(
            "orders per buyer, mean",
            mean,
            Aim::Between(1.2, 2.6),
            Unit::Num(2),
        ),
        // "A few dozen": four dozen at most.
        check(
            "orders of the heaviest buyer",
            max,
            Aim::AtMost(48.0),
            Unit::Count,
        ),
    ])
}

fn gaps(d: &Data) -> Outcome {
    let (median_days, within_a_day) = gaps_between_orders(d)?;
    Ok(vec![
        check(
            "median days between a customer's orders",
            median_days,
            Aim::Between(14.0, 150.0),
            Unit::Num(1),
        ),
        check(
            "repeat orders within 24 h",
            within_a_day,
            Aim::Below(0.05),
            Unit::Percent,
        ),
    ])
}

fn concentration(d: &Data) -> Outcome {
    Ok(vec![check(
        "top 10% of buyers' share of revenue",
        top_tenth_revenue_share(d)?,
        Aim::Between(0.28, 0.60),
        Unit::Percent,
    )])
}

fn decay(d: &Data) -> Outcome {
    let r = retention(d)?;
    let m = r.by_month;
    let early = (m[0] + m[1] + m[2]) / 3.0;
    let late = (m[3] + m[4] + m[5]) / 3.0;
    let curve: Vec<String> = m.iter().map(|s| Unit::Percent.show(*s)).collect();
    Ok(vec![
        check(
            "new customers judged (a cohort to measure)",
            r.cohort as f64,
            Aim::AtLeast(30.0),
            Unit::Count,
        ),
        // "A minority": under half.
        check(
            "new customers with a second order within 30 days",
            r.second_within_30_days,
            Aim::Below(0.5),
            Unit::Percent,
        ),
        check(
            &format!(
                "retention month 6 / month 1 (months 1-6: {})",
                curve.join(" ")
            ),
            m[5] / m[0],
            Aim::AtMost(0.75),
            Unit::Times,
        ),
        check(
            "retention months 4-6 / months 1-3",
            late / early,
            Aim::AtMost(0.9),
            Unit::Times,
        ),
    ])
}

fn points(d: &Data) -> Outcome {
    Ok(vec![check(
        "rank correlation of loyalty points and spend",
        points_follow_spend(d)?,
        Aim::AtLeast(0.4),
        Unit::Num(3),
    )])
}

fn closed(d: &Data) -> Outcome {
    let (after, mismatch, closed) = orders_after_closing(d)?;
    Ok(vec![
        check(
            &format!("orders placed after their account closed ({closed} closed accounts)"),
            after as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
        check(
            "users whose is_active disagrees with closed_at",
            mismatch as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
    ])
}

pub const ESTABLISHED: Check = Check::new(
    "accounts created before the window",
    &["users"],
    established,
);
pub const REPEAT: Check = Check::new("buyers with 2+ orders", &["orders"], repeat);
pub const PER_BUYER: Check = Check::new("orders per buyer", &["orders"], per_buyer);
pub const GAPS: Check = Check::new("days between a customer's orders", &["orders"], gaps);
pub const CONCENTRATION: Check =
    Check::new("top 10% of buyers' revenue", &["orders"], concentration);
pub const RETENTION: Check = Check::new("new customers' retention", &["users", "orders"], decay);
pub const POINTS: Check = Check::new("loyalty points", &["users", "orders"], points);
pub const CLOSED: Check = Check::new("closed accounts", &["users", "orders"], closed);

pub const ALL: &[&Check] = &[
    &ESTABLISHED,
    &REPEAT,
    &PER_BUYER,
    &GAPS,
    &CONCENTRATION,
    &RETENTION,
    &POINTS,
    &CLOSED,
];

#[test]
fn customer_checks_fail_on_uniform_data() {
    assert_fails_on_controls(ALL);
}

#[test]
fn an_established_shop_has_customers_from_before_the_window() {
    assert_realistic(&ESTABLISHED);
}

#[test]
fn a_fifth_to_under_half_of_buyers_order_again_in_the_year() {
    assert_realistic(&REPEAT);
}

#[test]
fn buyers_place_one_to_three_orders_and_none_places_hundreds() {
    assert_realistic(&PER_BUYER);
}

#[test]
fn customers_come_back_after_weeks_not_hours() {
    assert_realistic(&GAPS);
}

#[test]
fn the_top_tenth_of_buyers_brings_a_third_to_a_half_of_revenue() {
    assert_realistic(&CONCENTRATION);
}

#[test]
fn new_customers_retention_decays_month_by_month() {
    assert_realistic(&RETENTION);
}

#[test]
fn loyalty_points_follow_spend() {
    assert_realistic(&POINTS);
}

#[test]
fn closed_accounts_stop_ordering() {
    assert_realistic(&CLOSED);
}

#[test]
fn users_sign_up_in_every_month_of_the_window_and_order_after() {
    for data in default_sized(&["users", "orders"]) {
        let users = data.t("users").unwrap().maps();
        let months: BTreeSet<&str> = users
            .iter()
            .map(|u| &u["created_at"][..7])
            .filter(|m| m.starts_with("2023"))
            .collect();
        assert_eq!(months.len(), 12, "{}: signups in every month", data.label);
        let signup: HashMap<&str, &str> = users
            .iter()
            .map(|u| (u["user_id"].as_str(), u["created_at"].as_str()))
            .collect();
        for order in data.t("orders").unwrap().maps() {
            assert!(signup[order["user_id"].as_str()] <= order["created_at"].as_str());
        }
    }
}
