//! Calendar (REALISM.md): a year that starts as a normal month, a holiday season that is
//! heavier but not everything, no steps from one week to the next outside the named
//! events, Black Friday and Cyber Monday spikes, a quiet Christmas Day, and a day that
//! sleeps at night and shops in the evening.
//!
//! Orders here are all orders placed (any status): the calendar of demand. Months and
//! weeks are read on the shop's clock (the window is defined on it); event days and
//! hours on the customer's local clock (`utc_offset_hours`), as the customer lives them.

use super::check::*;
use super::stats::*;
use super::tables::*;
use super::{assert_fails_on_controls, assert_realistic, default_sized};
use std::collections::HashMap;

/// Share of the window's orders placed in each calendar month (shop's clock).
pub fn month_shares(d: &Data) -> Res<[f64; 12]> {
    let mut by_month = [0usize; 12];
    let mut all = 0;
    for order in orders(d)? {
        if d.window.contains(order.created) {
            let (_, month, _) = civil_from_days(order.created.div_euclid(DAY));
            by_month[month as usize - 1] += 1;
            all += 1;
        }
    }
    Ok(by_month.map(|n| n as f64 / all as f64))
}

/// Orders per local day (the customer's clock), by day number.
pub fn orders_per_local_day(d: &Data) -> Res<HashMap<i64, usize>> {
    let countries = user_countries(d)?;
    let mut per_day = HashMap::new();
    for order in orders(d)? {
        let country = countries.get(order.user).copied().unwrap_or("");
        *per_day
            .entry(local(order.created, country).div_euclid(DAY))
            .or_default() += 1;
    }
    Ok(per_day)
}

/// A normal day: the median of the window's days' order counts (local days, days
/// without orders counted as 0).
pub fn normal_day(d: &Data, per_day: &HashMap<i64, usize>) -> f64 {
    let counts: Vec<f64> = (d.window.first_day..=d.window.last_day)
        .map(|day| *per_day.get(&day).unwrap_or(&0) as f64)
        .collect();
    median(&counts)
}

/// Named events: orders on the day over a normal day.
pub struct Events {
    pub normal_day: f64,
    pub black_friday: f64,
    pub cyber_monday: f64,
    pub christmas_day: f64,
}

/// Black Friday, Cyber Monday and Christmas Day of the window's last year, each as a
/// multiple of a normal day.
pub fn event_days(d: &Data) -> Res<Events> {
    let per_day = orders_per_local_day(d)?;
    let normal = normal_day(d, &per_day);
    let year = *d.window.years().end();
    let on = |day: i64| *per_day.get(&day).unwrap_or(&0) as f64 / normal;
    Ok(Events {
        normal_day: normal,
        black_friday: on(black_friday(year)),
        cyber_monday: on(cyber_monday(year)),
        christmas_day: on(christmas(year)),
    })
}

/// The named events' periods, as (first day, last day, name), for each year the window
/// touches: New Year (Jan 1-7), Valentine's Day (Feb 7-14), Mothering Sunday (the week
/// up to it, Britain), Mother's Day (the week up to the second Sunday of May),
/// Thanksgiving to Cyber Monday, and Christmas (Dec 15 to 31: the shipping cut-off
/// and the days after). Back-to-school and summer sales are not dates of the calendar:
/// a shop's own campaigns stay within the weekly bound.
pub fn event_periods(window: &Window) -> Vec<(i64, i64, &'static str)> {
    let mut periods = Vec::new();
    for year in window.years() {
        let day = |m, d| days_from_civil(year, m, d);
        periods.push((day(1, 1), day(1, 7), "New Year"));
        periods.push((day(2, 7), day(2, 14), "Valentine's Day"));
        let ms = mothering_sunday(year);
        periods.push((ms - 7, ms, "Mothering Sunday"));
        let md = mothers_day(year);
        periods.push((md - 7, md, "Mother's Day"));
        periods.push((black_friday(year) - 1, cyber_monday(year), "Black Friday"));
        periods.push((day(12, 15), day(12, 31), "Christmas"));
    }
    periods
}

/// Week-on-week changes outside the named events.
pub struct WeekJumps {
    /// The largest change of any 7 days over the 7 days before (either way: a fall to
    /// 1/r counts as a jump of r), and the last day of those 7 days.
    pub largest: f64,
    pub largest_at: i64,
    /// Pairs of weeks whose change is over 30% beyond sampling noise: a one-sided
    /// Poisson test of "ratio <= 1.3" rejected at z > 3, i.e.
    /// `(b - 1.3 a) / sqrt(b + 1.69 a) > 3` for counts a then b (or b then a).
    pub significant: usize,
    pub judged: usize,
    /// Each episode of significant pairs by its largest, as (last day, change).
    pub examples: Vec<(i64, f64)>,
}

/// Every 7 consecutive days against the 7 days before (a rolling week-on-week, so that
/// a step at a month boundary is not split over two calendar weeks), on the shop's
/// clock, skipping pairs whose 14 days touch a named event's period.
pub fn week_jumps(d: &Data) -> Res<WeekJumps> {
    let mut per_day: HashMap<i64, f64> = HashMap::new();
    for order in orders(d)? {
        *per_day.entry(order.created.div_euclid(DAY)).or_default() += 1.0;
    }
    let count = |from: i64, to: i64| -> f64 {
        (from..=to)
            .map(|day| *per_day.get(&day).unwrap_or(&0.0))
            .sum()
    };
    let events = event_periods(&d.window);
    let mut jumps = WeekJumps {
        largest: 1.0,
        largest_at: d.window.first_day,
        significant: 0,
        judged: 0,
        examples: Vec::new(),
    };
    let mut previous: Option<i64> = None;
    for last in d.window.first_day + 13..=d.window.last_day {
        let first = last - 13;
        if events.iter().any(|&(a, b, _)| a <= last && b >= first) {
            continue;
        }
        let (a, b) = (count(first, first + 6), count(first + 7, last));
        jumps.judged += 1;
        let ratio = if a > 0.0 && b > 0.0 {
            (b / a).max(a / b)
        } else {
            f64::INFINITY
        };
        if ratio > jumps.largest {
            jumps.largest = ratio;
            jumps.largest_at = last;
        }
        let over = |x: f64, y: f64| (y - 1.3 * x) / (y + 1.69 * x).max(1.0).sqrt() > 3.0;
        if over(a, b) || over(b, a) {
            jumps.significant += 1;
            // One example per episode of consecutive jumps: its largest change.
            let change = (b / a).max(a / b);
            match jumps.examples.last_mut() {
                Some(episode) if previous.is_some_and(|p| last - p <= 7) => {
                    if change > episode.1 {
                        *episode = (last, change);
                    }
                }
                _ => jumps.examples.push((last, change)),
            }
            previous = Some(last);
        }
    }
    Ok(jumps)
}

/// Share of orders by hour of the customer's local clock.
pub fn local_hours(d: &Data) -> Res<[f64; 24]> {
    let countries = user_countries(d)?;
    let mut by_hour = [0usize; 24];
    let all = orders(d)?;
    for order in &all {
        let country = countries.get(order.user).copied().unwrap_or("");
        by_hour[(local(order.created, country).rem_euclid(DAY) / HOUR) as usize] += 1;
    }
    Ok(by_hour.map(|n| n as f64 / all.len() as f64))
}

fn january(d: &Data) -> Outcome {
    Ok(vec![check(
        "January's share of the year's orders",
        month_shares(d)?[0],
        Aim::AtLeast(0.045),
        Unit::Percent,
    )])
}

fn holidays(d: &Data) -> Outcome {
    let m = month_shares(d)?;
    Ok(vec![check(
        "November + December share of orders",
        m[10] + m[11],
        Aim::Between(0.17, 0.32),
        Unit::Percent,
    )])
}

fn weeks(d: &Data) -> Outcome {
    let j = week_jumps(d)?;
    let examples: Vec<String> = j
        .examples
        .iter()
        .take(4)
        .map(|(day, r)| format!("{} to {}", Unit::Times.show(*r), format_date(*day)))
        .collect();
    Ok(vec![check(
        &format!(
            "weeks jumping over 30% beyond noise, of {} judged (largest {} to {}; {})",
            j.judged,
            Unit::Times.show(j.largest),
            format_date(j.largest_at),
            if examples.is_empty() {
                "none significant".to_string()
            } else {
                examples.join(", ")
            }
        ),
        j.significant as f64,
        Aim::AtMost(0.0),
        Unit::Count,
    )])
}

fn events(d: &Data) -> Outcome {
    let e = event_days(d)?;
    Ok(vec![
        check(
            &format!("Black Friday / a normal day ({:.0} orders)", e.normal_day),
            e.black_friday,
            Aim::Between(2.0, 5.0),
            Unit::Times,
        ),
        check(
            "Cyber Monday / a normal day",
            e.cyber_monday,
            Aim::Between(2.0, 5.0),
            Unit::Times,
        ),
        // "Low": under 0.8 of a normal day.
        check(
            "Christmas Day / a normal day",
            e.christmas_day,
            Aim::Below(0.8),
            Unit::Times,
        ),
    ])
}

fn hours(d: &Data) -> Outcome {
    let h = local_hours(d)?;
    let part = |from: usize| h[from..from + 6].iter().sum::<f64>();
    let (night, morning, afternoon, evening) = (part(0), part(6), part(12), part(18));
    let parts = format!(
        "night {} morning {} afternoon {} evening {}",
        Unit::Percent.show(night),
        Unit::Percent.show(morning),
        Unit::Percent.show(afternoon),
        Unit::Percent.show(evening)
    );
    Ok(vec![
        // A trough: at most half of an even share, and the quietest part.
        check(
            "orders between 00:00 and 06:00 local time",
            night,
            Aim::AtMost(0.125),
            Unit::Percent,
        ),
        fact(
            "the quietest part of the day",
            night < morning.min(afternoon).min(evening),
            parts.clone(),
            "night",
        ),
        fact(
            "the busiest part of the day",
            evening > morning.max(afternoon).max(night),
            parts,
            "evening (18:00-24:00)",
        ),
    ])
}

pub const JANUARY: Check =
    Check::new("January share", &["orders"], january).control(Control::OpensWithTheWindow);
pub const HOLIDAYS: Check = Check::new("November + December share", &["orders"], holidays);
pub const WEEKS: Check =
    Check::new("week against week", &["orders"], weeks).control(Control::MonthlySteps);
pub const EVENTS: Check = Check::new(
    "Black Friday, Cyber Monday, Christmas Day",
    &["orders", "users"],
    events,
);
pub const HOURS: Check = Check::new("hour of day", &["orders", "users"], hours);

pub const ALL: &[&Check] = &[&JANUARY, &HOLIDAYS, &WEEKS, &EVENTS, &HOURS];

#[test]
fn calendar_checks_fail_on_uniform_data() {
    assert_fails_on_controls(ALL);
}

#[test]
fn january_is_a_normal_month_not_an_empty_one() {
    assert_realistic(&JANUARY);
}

#[test]
fn november_and_december_are_heavy_but_not_the_whole_year() {
    assert_realistic(&HOLIDAYS);
}

#[test]
fn demand_ramps_without_steps_from_week_to_week() {
    assert_realistic(&WEEKS);
}

#[test]
fn black_friday_and_cyber_monday_spike_and_christmas_day_is_quiet() {
    assert_realistic(&EVENTS);
}

#[test]
fn customers_shop_in_the_evening_and_sleep_at_night_in_local_time() {
    assert_realistic(&HOURS);
}

#[test]
fn orders_peak_at_the_weekend() {
    for data in default_sized(&["orders", "users"]) {
        let countries = user_countries(&data).unwrap();
        let mut weekdays = [0u32; 7];
        for order in orders(&data).unwrap() {
            let country = countries.get(order.user).copied().unwrap_or("");
            weekdays[weekday(local(order.created, country).div_euclid(DAY)) as usize] += 1;
        }
        let weekend = (weekdays[5] + weekdays[6]) as f64 / 2.0;
        let workdays = weekdays[..5].iter().sum::<u32>() as f64 / 5.0;
        assert!(
            weekend > 1.08 * workdays,
            "{}: weekend {weekend}, weekdays {workdays}",
            data.label
        );
    }
}
