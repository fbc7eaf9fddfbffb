//! Orders, goods and money (REALISM.md): order values with a long but bounded tail,
//! small baskets, cheap goods selling more units, returns that depend on the goods,
//! departments with their own seasons, payment habits of each country, failures that
//! depend on the method, promotions tied to their events.
//!
//! A *department* is the top-level category of a product's category (walking
//! parent_category_id up); *sized goods* are the departments Clothing and Sports &
//! Outdoors; *consumables* Grocery & Gourmet, Health & Household, Beauty & Personal
//! Care and Pet Supplies.

use super::check::*;
use super::stats::*;
use super::tables::*;
use super::{assert_fails_on_controls, assert_realistic, default_sized};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

mod measures;
mod rows;

pub use measures::*;

fn order_value(d: &Data) -> Outcome {
    let (median_over_mean, p99_over_median) = order_value_shape(d)?;
    Ok(vec![
        check(
            "order value, median / mean",
            median_over_mean,
            Aim::Between(0.45, 0.9),
            Unit::Num(2),
        ),
        check(
            "order value, 99th percentile / median",
            p99_over_median,
            Aim::AtMost(15.0),
            Unit::Times,
        ),
    ])
}

fn basket(d: &Data) -> Outcome {
    let (small, consumables) = baskets(d)?;
    Ok(vec![
        // "Mostly": more than half.
        check("orders of 1-2 lines", small, Aim::Above(0.5), Unit::Percent),
        // "Larger quantities": a fifth more units a line at least.
        check(
            "units per line, consumables / other goods",
            consumables,
            Aim::AtLeast(1.2),
            Unit::Times,
        ),
    ])
}

fn price_units(d: &Data) -> Outcome {
    Ok(vec![check(
        "rank correlation of price and units sold across products",
        price_units_correlation(d)?,
        Aim::AtMost(-0.1),
        Unit::Num(3),
    )])
}

fn returns(d: &Data) -> Outcome {
    let r = return_rates(d)?;
    // Departments with enough delivered items for a rate to mean something.
    let rates: Vec<(&String, f64)> = r
        .by_department
        .iter()
        .filter(|(_, (_, all))| *all >= 100)
        .map(|(dep, (back, all))| (dep, *back as f64 / *all as f64))
        .collect();
    let shown: Vec<String> = rates
        .iter()
        .map(|(dep, rate)| format!("{dep} {}", Unit::Percent.show(*rate)))
        .collect();
    let highest = rates.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let lowest = rates.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let spread = match (highest, lowest) {
        (Some(h), Some(l)) if rates.len() >= 2 => h.1 / l.1,
        _ => f64::NAN,
    };
    Ok(vec![
        check(
            "item return rate of delivered items",
            r.overall,
            Aim::Between(0.05, 0.25),
            Unit::Percent,
        ),
        fact(
            "department returned most",
            highest.is_some_and(|h| h.0 == "Clothing"),
            format!(
                "{} ({})",
                highest.map(|h| h.0.as_str()).unwrap_or("none"),
                shown.join(", ")
            ),
            "Clothing",
        ),
        check(
            "highest department's return rate / lowest's",
            spread,
            Aim::AtLeast(4.0),
            Unit::Times,
        ),
    ])
}

fn reasons(d: &Data) -> Outcome {
    let (unsized_goods, all, _) = size_returns(d)?;
    Ok(vec![check(
        &format!("size or fit returns of goods without sizes (of {all} size or fit returns)"),
        unsized_goods as f64,
        Aim::AtMost(0.0),
        Unit::Count,
    )])
}

fn seasons(d: &Data) -> Outcome {
    let months = department_months(d)?;
    let share = |m: &[f64; 12], from: usize| m[from..].iter().sum::<f64>() / m.iter().sum::<f64>();
    let judged: Vec<(&String, f64, f64)> = months
        .iter()
        .filter(|(_, m)| m.iter().sum::<f64>() >= 200.0)
        .map(|(dep, m)| (dep, share(m, 10), share(m, 9)))
        .collect();
    let most = judged.iter().map(|x| x.1).fold(f64::NAN, f64::max);
    let least = judged.iter().map(|x| x.1).fold(f64::NAN, f64::min);
    let mut by_q4: Vec<&(&String, f64, f64)> = judged.iter().collect();
    by_q4.sort_by(|a, b| b.2.total_cmp(&a.2));
    let toys_rank = by_q4.iter().position(|x| x.0 == "Toys & Games");
    let shown: Vec<String> = by_q4
        .iter()
        .map(|(dep, _, q4)| format!("{dep} {}", Unit::Percent.show(*q4)))
        .collect();
    Ok(vec![
        check(
            "Nov+Dec unit share, most seasonal department / least",
            most / least,
            Aim::AtLeast(1.4),
            Unit::Times,
        ),
        // "Among the most": in the top three by Q4 (Oct-Dec) unit share.
        fact(
            "Toys & Games' rank by Q4 unit share",
            toys_rank.is_some_and(|r| r < 3),
            format!(
                "{} ({})",
                toys_rank.map_or("absent".to_string(), |r| format!("#{}", r + 1)),
                shown.join(", ")
            ),
            "top 3",
        ),
    ])
}

fn payment_methods(d: &Data) -> Outcome {
    let mix = payment_mix(d)?;
    let share = |country: &str, method: &str| {
        mix.get(country)
            .and_then(|m| m.get(method))
            .copied()
            .unwrap_or(0.0)
    };
    Ok(vec![
        check(
            "PayPal's share of payments in Germany",
            share("DE", "paypal"),
            Aim::AtLeast(0.20),
            Unit::Percent,
        ),
        check(
            "cards' (credit + debit) share of payments in Germany",
            share("DE", "credit_card") + share("DE", "debit_card"),
            Aim::AtMost(0.35),
            Unit::Percent,
        ),
        fact(
            "Britain: debit card ahead of credit card",
            share("GB", "debit_card") > share("GB", "credit_card"),
            format!(
                "debit {} credit {}",
                Unit::Percent.show(share("GB", "debit_card")),
                Unit::Percent.show(share("GB", "credit_card"))
            ),
            "debit ahead",
        ),
    ])
}

fn failures(d: &Data) -> Outcome {
    let rates = failure_by_method(d)?;
    // Methods with enough attempts for a rate to mean something.
    let judged: Vec<(&String, f64)> = rates
        .iter()
        .filter(|(_, (_, n))| *n >= 200)
        .map(|(m, (rate, _))| (m, *rate))
        .collect();
    let worst = judged.iter().map(|x| x.1).fold(f64::NAN, f64::max);
    let best = judged.iter().map(|x| x.1).fold(f64::NAN, f64::min);
    let shown: Vec<String> = judged
        .iter()
        .map(|(m, r)| format!("{m} {}", Unit::Percent.show(*r)))
        .collect();
    Ok(vec![check(
        &format!("failure rate, worst method / best ({})", shown.join(", ")),
        if judged.len() >= 2 {
            worst / best
        } else {
            f64::NAN
        },
        Aim::AtLeast(1.5),
        Unit::Times,
    )])
}

fn promotions(d: &Data) -> Outcome {
    let (named, out, example) = campaigns_out_of_season(d)?;
    Ok(vec![
        check(
            "campaigns named after an event",
            named as f64,
            Aim::AtLeast(1.0),
            Unit::Count,
        ),
        check(
            &format!("of them out of their event's season (e.g. {example})"),
            out as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
        check(
            "orders discounted by 60% of their subtotal or more",
            deep_discounts(d)? as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
        check(
            "promotion use in Black Friday week / the year's",
            black_friday_week_promotion_use(d)?,
            Aim::AtLeast(1.5),
            Unit::Times,
        ),
    ])
}

const ITEMS: &[&str] = &["orders", "order_items", "products", "categories"];

pub const ORDER_VALUE: Check = Check::new("order value", &["orders"], order_value);
pub const BASKETS: Check = Check::new("items per order", ITEMS, basket);
pub const PRICE_UNITS: Check = Check::new(
    "price vs units sold",
    &["orders", "order_items", "products"],
    price_units,
);
pub const RETURNS: Check = Check::new(
    "item return rate",
    &["orders", "order_items", "products", "categories", "returns"],
    returns,
);
pub const REASONS: Check = Check::new(
    "return reasons",
    &["products", "categories", "returns"],
    reasons,
);
pub const SEASONS: Check = Check::new("seasonality by department", ITEMS, seasons);
pub const PAYMENT_METHODS: Check = Check::new(
    "payment methods by country",
    &["orders", "users", "payments"],
    payment_methods,
);
pub const FAILURES: Check = Check::new("payment failures by method", &["payments"], failures);
pub const PROMOTIONS: Check = Check::new("promotions", &["orders", "promotions"], promotions);

pub const ALL: &[&Check] = &[
    &ORDER_VALUE,
    &BASKETS,
    &PRICE_UNITS,
    &RETURNS,
    &REASONS,
    &SEASONS,
    &PAYMENT_METHODS,
    &FAILURES,
    &PROMOTIONS,
];

#[test]
fn goods_and_money_checks_fail_on_uniform_data() {
    assert_fails_on_controls(ALL);
}

#[test]
fn order_values_have_a_long_tail_but_not_an_extreme_one() {
    assert_realistic(&ORDER_VALUE);
}

#[test]
fn baskets_are_small_and_consumables_come_by_the_several() {
    assert_realistic(&BASKETS);
}

#[test]
fn cheaper_products_sell_more_units() {
    assert_realistic(&PRICE_UNITS);
}

#[test]
fn returns_depend_on_the_goods_and_clothing_comes_back_most() {
    assert_realistic(&RETURNS);
}

#[test]
fn size_and_fit_returns_are_for_goods_with_sizes() {
    assert_realistic(&REASONS);
}

#[test]
fn departments_have_their_own_seasons_and_toys_peak_in_q4() {
    assert_realistic(&SEASONS);
}

#[test]
fn each_country_pays_its_own_way() {
    assert_realistic(&PAYMENT_METHODS);
}

#[test]
fn some_payment_methods_fail_more_than_others() {
    assert_realistic(&FAILURES);
}

#[test]
fn promotions_run_in_their_season_and_peak_in_black_friday_week() {
    assert_realistic(&PROMOTIONS);
}
