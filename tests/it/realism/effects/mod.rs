//! Cause and effect (REALISM.md): late deliveries that are rarer than on-time ones and
//! rise in the holiday peak, and what lateness causes; carriers' working hours; faster
//! methods leaving sooner; stock sized by sales and shipped from where it is; wishlists
//! kept by a minority and partly bought; one confirmation per order.
//!
//! A shipment is *late* when its delivered_at date (shop's clock) is after its
//! estimated_delivery, or when it is still in transit at the window's end with the
//! promised day already past; one still in transit before its promised day is not
//! judged.

use super::check::*;
use super::stats::*;
use super::tables::*;
use super::{assert_fails_on_controls, assert_realistic, default_sized};
use std::collections::{BTreeMap, HashMap, HashSet};

mod measures;
mod rows;

pub use measures::*;

fn lateness(d: &Data) -> Outcome {
    let (all, peak, rest) = late_shares(d)?;
    Ok(vec![
        check(
            "late deliveries",
            all,
            Aim::Between(0.03, 0.15),
            Unit::Percent,
        ),
        check(
            &format!(
                "late share in the holiday peak / the rest ({} vs {})",
                Unit::Percent.show(peak),
                Unit::Percent.show(rest)
            ),
            peak / rest,
            Aim::AtLeast(1.3),
            Unit::Times,
        ),
    ])
}

fn ratings(d: &Data) -> Outcome {
    let (on_time, late, n) = rating_by_lateness(d)?;
    Ok(vec![check(
        &format!("mean rating on time minus late ({on_time:.2} vs {late:.2}, {n} late reviews)"),
        on_time - late,
        Aim::AtLeast(0.7),
        Unit::Num(2),
    )])
}

fn too_late(d: &Data) -> Outcome {
    let (n, share) = too_late_returns(d)?;
    Ok(vec![check(
        &format!("arrived_too_late returns after a late delivery (of {n})"),
        share,
        Aim::AtLeast(0.9),
        Unit::Percent,
    )])
}

fn clock(d: &Data) -> Outcome {
    let (night, sunday) = delivery_clock(d)?;
    Ok(vec![
        check(
            "deliveries between 21:00 and 07:00 local time",
            night,
            Aim::AtMost(0.08),
            Unit::Percent,
        ),
        check(
            "deliveries on a Sunday",
            sunday,
            Aim::AtMost(0.10),
            Unit::Percent,
        ),
    ])
}

fn dispatch(d: &Data) -> Outcome {
    let medians = handling_hours(d)?;
    let of = |m: &str| medians.get(m).copied().unwrap_or(f64::NAN);
    let standard = of("standard");
    // "Sooner": by a fifth of standard's median at least.
    Ok(["express", "overnight"]
        .iter()
        .map(|m| {
            check(
                &format!(
                    "median handling, {m} / standard ({:.1} h vs {:.1} h)",
                    of(m),
                    standard
                ),
                of(m) / standard,
                Aim::AtMost(0.8),
                Unit::Times,
            )
        })
        .collect())
}

fn stock(d: &Data) -> Outcome {
    let (weeks, unsold) = median_weeks_of_cover(d)?;
    Ok(vec![check(
        &format!("weeks of sales in stock, median product that sold ({unsold} sold none)"),
        weeks,
        Aim::Between(2.0, 30.0),
        Unit::Num(1),
    )])
}

fn fulfilment(d: &Data) -> Outcome {
    Ok(vec![check(
        "shipped items stocked at the warehouse they left from",
        stocked_where_shipped(d)?,
        Aim::AtLeast(0.9),
        Unit::Percent,
    )])
}

fn wishlists(d: &Data) -> Outcome {
    let (keepers, bought) = wishlist_use(d)?;
    Ok(vec![
        check(
            "users with a wishlist",
            keepers,
            Aim::AtMost(0.60),
            Unit::Percent,
        ),
        check(
            "wishlisted items bought later by the same user",
            bought,
            Aim::Between(0.03, 0.40),
            Unit::Percent,
        ),
    ])
}

fn notifications(d: &Data) -> Outcome {
    let n = notices(d)?;
    let highest = n.read_rate.values().copied().fold(f64::NAN, f64::max);
    let lowest = n.read_rate.values().copied().fold(f64::NAN, f64::min);
    let shown: Vec<String> = n
        .read_rate
        .iter()
        .map(|(c, r)| format!("{c} {}", Unit::Percent.show(*r)))
        .collect();
    Ok(vec![
        check(
            "orders confirmed twice or more",
            n.confirmed_twice as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
        check(
            &format!(
                "paid orders without exactly one confirmation (of {})",
                n.paid
            ),
            n.paid_not_confirmed_once as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
        check(
            &format!(
                "read rate, highest channel minus lowest ({})",
                shown.join(", ")
            ),
            if n.read_rate.len() >= 2 {
                (highest - lowest) * 100.0
            } else {
                f64::NAN
            },
            Aim::AtLeast(15.0),
            Unit::Num(1),
        ),
    ])
}

const SHIPPED: &[&str] = &["orders", "shipping"];

pub const LATENESS: Check = Check::new("late deliveries", SHIPPED, lateness);
pub const RATINGS: Check = Check::new(
    "rating, on time minus late",
    &["orders", "shipping", "reviews"],
    ratings,
);
pub const TOO_LATE: Check = Check::new(
    "arrived_too_late returns",
    &["orders", "shipping", "returns"],
    too_late,
);
pub const CLOCK: Check = Check::new("delivery clock", &["orders", "shipping", "users"], clock);
pub const DISPATCH: Check = Check::new("dispatch", SHIPPED, dispatch);
pub const STOCK: Check = Check::new(
    "stock on hand",
    &["orders", "order_items", "products", "inventory"],
    stock,
);
pub const FULFILMENT: Check = Check::new(
    "fulfilment",
    &["orders", "order_items", "shipping", "inventory"],
    fulfilment,
);
pub const WISHLISTS: Check = Check::new(
    "wishlists",
    &["users", "orders", "order_items", "wishlists"],
    wishlists,
);
pub const NOTIFICATIONS: Check =
    Check::new("notifications", &["orders", "notifications"], notifications);

pub const ALL: &[&Check] = &[
    &LATENESS,
    &RATINGS,
    &TOO_LATE,
    &CLOCK,
    &DISPATCH,
    &STOCK,
    &FULFILMENT,
    &WISHLISTS,
    &NOTIFICATIONS,
];

#[test]
fn cause_and_effect_checks_fail_on_uniform_data() {
    assert_fails_on_controls(ALL);
}

#[test]
fn some_deliveries_are_late_and_more_so_in_the_holiday_peak() {
    assert_realistic(&LATENESS);
}

#[test]
fn late_deliveries_get_worse_ratings() {
    assert_realistic(&RATINGS);
}

#[test]
fn arrived_too_late_returns_follow_late_deliveries() {
    assert_realistic(&TOO_LATE);
}

#[test]
fn carriers_deliver_in_working_hours_and_rarely_on_sundays() {
    assert_realistic(&CLOCK);
}

#[test]
fn express_and_overnight_orders_leave_the_warehouse_sooner() {
    assert_realistic(&DISPATCH);
}

#[test]
fn stock_covers_weeks_of_sales_not_years() {
    assert_realistic(&STOCK);
}

#[test]
fn orders_ship_from_a_warehouse_that_stocks_their_items() {
    assert_realistic(&FULFILMENT);
}

#[test]
fn a_minority_keeps_a_wishlist_and_some_of_it_is_bought() {
    assert_realistic(&WISHLISTS);
}

#[test]
fn each_order_is_confirmed_once_and_channels_are_read_differently() {
    assert_realistic(&NOTIFICATIONS);
}
