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

/// Order value over counted orders' `total`: (median / mean, 99th percentile / median).
pub fn order_value_shape(d: &Data) -> Res<(f64, f64)> {
    let totals: Vec<f64> = orders(d)?
        .iter()
        .filter(|o| o.counted())
        .map(|o| o.total)
        .collect();
    let median = median(&totals);
    Ok((median / mean(&totals), quantile(&totals, 0.99) / median))
}

/// Baskets over counted orders: (share of orders with 1 or 2 lines, mean quantity of a
/// consumable line / mean quantity of any other line).
pub fn baskets(d: &Data) -> Res<(f64, f64)> {
    let counted: HashSet<&str> = orders(d)?
        .iter()
        .filter(|o| o.counted())
        .map(|o| o.id)
        .collect();
    let departments = product_departments(d)?;
    let mut lines: HashMap<&str, usize> = HashMap::new();
    let (mut consumable, mut other) = (Vec::new(), Vec::new());
    for item in items(d)? {
        if !counted.contains(item.order) {
            continue;
        }
        *lines.entry(item.order).or_default() += 1;
        let department = departments.get(item.product).copied().unwrap_or("");
        if CONSUMABLE.contains(&department) {
            consumable.push(item.quantity);
        } else {
            other.push(item.quantity);
        }
    }
    let small = lines.values().filter(|&&n| n <= 2).count();
    Ok((
        small as f64 / lines.len() as f64,
        mean(&consumable) / mean(&other),
    ))
}

/// Units sold per product (quantity over counted orders' lines), every product of the
/// catalogue included (0 for none sold).
pub fn units_sold(d: &Data) -> Res<HashMap<&str, f64>> {
    let counted: HashSet<&str> = orders(d)?
        .iter()
        .filter(|o| o.counted())
        .map(|o| o.id)
        .collect();
    let products = d.t("products")?;
    let mut units: HashMap<&str, f64> = products
        .col("product_id")?
        .iter()
        .map(|p| (p, 0.0))
        .collect();
    for item in items(d)? {
        if counted.contains(item.order) {
            *units.entry(item.product).or_default() += item.quantity;
        }
    }
    Ok(units)
}

/// Spearman's rank correlation of price and units sold across all products.
pub fn price_units_correlation(d: &Data) -> Res<f64> {
    let units = units_sold(d)?;
    let products = d.t("products")?;
    let (id, price) = (products.col("product_id")?, products.col("price")?);
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for i in 0..products.len() {
        x.push(price.num_req(i));
        y.push(units[id.get(i)]);
    }
    Ok(spearman(&x, &y))
}

/// Return rate of delivered items: lines of delivered or returned orders that have a
/// return row (of any status), over those lines; overall and by department as
/// (returned, delivered).
pub struct ReturnRates {
    pub overall: f64,
    pub by_department: BTreeMap<String, (usize, usize)>,
}

pub fn return_rates(d: &Data) -> Res<ReturnRates> {
    let delivered: HashSet<&str> = orders(d)?
        .iter()
        .filter(|o| matches!(o.status, "delivered" | "returned"))
        .map(|o| o.id)
        .collect();
    let returned: HashSet<&str> = d.t("returns")?.col("order_item_id")?.iter().collect();
    let departments = product_departments(d)?;
    let mut by_department: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut back, mut all) = (0, 0);
    for item in items(d)? {
        if !delivered.contains(item.order) {
            continue;
        }
        let department = departments
            .get(item.product)
            .copied()
            .unwrap_or("")
            .to_string();
        let entry = by_department.entry(department).or_default();
        entry.1 += 1;
        all += 1;
        if returned.contains(item.id) {
            entry.0 += 1;
            back += 1;
        }
    }
    Ok(ReturnRates {
        overall: back as f64 / all as f64,
        by_department,
    })
}

/// Returns whose reason is about size or fit (the reason contains "size" or "fit"):
/// (of goods outside the sized departments, all of them), and reasons seen.
pub fn size_returns(d: &Data) -> Res<(usize, usize, BTreeSet<String>)> {
    let departments = product_departments(d)?;
    let returns = d.t("returns")?;
    let (product, reason) = (returns.col("product_id")?, returns.col("reason")?);
    let (mut unsized_goods, mut all) = (0, 0);
    let mut reasons = BTreeSet::new();
    for i in 0..returns.len() {
        let r = reason.get(i);
        reasons.insert(r.to_string());
        if r.contains("size") || r.contains("fit") {
            all += 1;
            if !SIZED.contains(departments.get(product.get(i)).unwrap_or(&"")) {
                unsized_goods += 1;
            }
        }
    }
    Ok((unsized_goods, all, reasons))
}

/// Units of counted orders by department and month of the order (shop's clock).
pub fn department_months(d: &Data) -> Res<BTreeMap<String, [f64; 12]>> {
    let placed: HashMap<&str, i64> = orders(d)?
        .iter()
        .filter(|o| o.counted())
        .map(|o| (o.id, o.created))
        .collect();
    let departments = product_departments(d)?;
    let mut units: BTreeMap<String, [f64; 12]> = BTreeMap::new();
    for item in items(d)? {
        if let Some(&at) = placed.get(item.order) {
            let month = civil_from_days(at.div_euclid(DAY)).1 as usize - 1;
            let department = departments.get(item.product).copied().unwrap_or("");
            units.entry(department.to_string()).or_insert([0.0; 12])[month] += item.quantity;
        }
    }
    Ok(units)
}

/// Per country, the share of each method among completed payment rows (captures) of
/// the country's users' orders.
pub fn payment_mix(d: &Data) -> Res<BTreeMap<String, BTreeMap<String, f64>>> {
    let countries = user_countries(d)?;
    let buyer: HashMap<&str, &str> = orders(d)?.iter().map(|o| (o.id, o.user)).collect();
    let payments = d.t("payments")?;
    let (order, method, status) = (
        payments.col("order_id")?,
        payments.col("method")?,
        payments.col("status")?,
    );
    let mut counts: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for i in 0..payments.len() {
        if status.get(i) != "completed" {
            continue;
        }
        let country = buyer
            .get(order.get(i))
            .and_then(|u| countries.get(u))
            .copied()
            .unwrap_or("");
        *counts
            .entry(country.to_string())
            .or_default()
            .entry(method.get(i).to_string())
            .or_default() += 1.0;
    }
    for methods in counts.values_mut() {
        let all: f64 = methods.values().sum();
        methods.values_mut().for_each(|n| *n /= all);
    }
    Ok(counts)
}

/// Failure rate by method: failed rows / (failed + completed rows), with the attempts.
pub fn failure_by_method(d: &Data) -> Res<BTreeMap<String, (f64, usize)>> {
    let payments = d.t("payments")?;
    let (method, status) = (payments.col("method")?, payments.col("status")?);
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for i in 0..payments.len() {
        let entry = counts.entry(method.get(i).to_string()).or_default();
        match status.get(i) {
            "failed" => {
                entry.0 += 1;
                entry.1 += 1
            }
            "completed" => entry.1 += 1,
            _ => {}
        }
    }
    Ok(counts
        .into_iter()
        .map(|(m, (failed, all))| (m, (failed as f64 / all.max(1) as f64, all)))
        .collect())
}

/// The season of an event a campaign may be named after, as (first day, last day) for
/// a year; keys are letters only, lowercase, as found in a promotion's name or code.
/// Seasons are generous (a campaign may run early or late): Black Friday and Cyber
/// Monday from October 25 to a week after Cyber Monday, Christmas from November 1 to
/// Epiphany, Valentine's from January 15, Mother's Day from four weeks before
/// Mothering Sunday (Britain, March) to the end of May (France), and so on.
pub fn event_seasons(year: i64) -> Vec<(&'static str, i64, i64)> {
    let day = |y: i64, m, d| days_from_civil(y, m, d);
    let bf = black_friday(year);
    vec![
        ("blackfriday", day(year, 10, 25), cyber_monday(year) + 7),
        ("cybermonday", day(year, 10, 25), cyber_monday(year) + 7),
        ("cyberweek", day(year, 10, 25), cyber_monday(year) + 7),
        ("thanksgiving", day(year, 11, 1), bf + 3),
        ("singlesday", day(year, 11, 1), day(year, 11, 15)),
        ("christmas", day(year, 11, 1), day(year + 1, 1, 6)),
        ("xmas", day(year, 11, 1), day(year + 1, 1, 6)),
        ("holiday", day(year, 11, 1), day(year + 1, 1, 6)),
        ("boxingday", day(year, 12, 20), day(year + 1, 1, 7)),
        ("newyear", day(year - 1, 12, 20), day(year, 1, 31)),
        ("valentine", day(year, 1, 15), day(year, 2, 15)),
        ("mother", mothering_sunday(year) - 28, day(year, 5, 31)),
        ("father", day(year, 5, 25), day(year, 6, 30)),
        ("easter", easter(year) - 28, easter(year) + 7),
        ("spring", day(year, 3, 1), day(year, 6, 20)),
        ("summer", day(year, 5, 15), day(year, 9, 15)),
        ("backtoschool", day(year, 7, 1), day(year, 9, 30)),
        ("halloween", day(year, 9, 20), day(year, 11, 1)),
        ("autumn", day(year, 9, 1), day(year, 11, 30)),
        ("winter", day(year - 1, 11, 15), day(year, 3, 15)),
        ("memorialday", day(year, 5, 15), day(year, 6, 1)),
        ("laborday", day(year, 8, 20), day(year, 9, 10)),
        ("labourday", day(year, 8, 20), day(year, 9, 10)),
        ("independenceday", day(year, 6, 20), day(year, 7, 10)),
        ("fourthofjuly", day(year, 6, 20), day(year, 7, 10)),
    ]
}

/// Campaigns named after an event (a key of `event_seasons` in the name or code, read
/// as lowercase letters only): (named, those whose start_date..end_date does not lie
/// within that event's season of the start's year or an adjacent one, an example).
pub fn campaigns_out_of_season(d: &Data) -> Res<(usize, usize, String)> {
    let promotions = d.t("promotions")?;
    let (code, name, start, end) = (
        promotions.col("code")?,
        promotions.col("name")?,
        promotions.col("start_date")?,
        promotions.col("end_date")?,
    );
    let (mut named, mut out) = (0, 0);
    let mut example = String::new();
    for i in 0..promotions.len() {
        let text: String = format!("{} {}", name.get(i), code.get(i))
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_lowercase())
            .collect();
        let (from, to) = (start.date(i).unwrap(), end.date(i).unwrap());
        let year = civil_from_days(from).0;
        let mut matched = false;
        let mut inside = false;
        for y in year - 1..=year + 1 {
            for (key, first, last) in event_seasons(y) {
                if text.contains(key) {
                    matched = true;
                    inside |= first <= from && to <= last;
                }
            }
        }
        if matched {
            named += 1;
            if !inside {
                out += 1;
                if example.is_empty() {
                    example = format!("{} {}..{}", code.get(i), start.get(i), end.get(i));
                }
            }
        }
    }
    Ok((named, out, example))
}

/// Counted orders whose discount is 60% of their subtotal or more.
pub fn deep_discounts(d: &Data) -> Res<usize> {
    Ok(orders(d)?
        .iter()
        .filter(|o| o.counted() && o.subtotal > 0.0 && o.discount >= 0.6 * o.subtotal)
        .count())
}

/// Share of orders with a promotion in Black Friday's week (Monday to Sunday, shop's
/// clock) over that share in the whole window.
pub fn black_friday_week_promotion_use(d: &Data) -> Res<f64> {
    let year = *d.window.years().end();
    let monday = black_friday(year) - 4;
    let (mut week, mut week_promo, mut all, mut all_promo) = (0.0, 0.0, 0.0, 0.0);
    for order in orders(d)? {
        let day = order.created.div_euclid(DAY);
        let promo = !order.promotion.is_empty() as u8 as f64;
        all += 1.0;
        all_promo += promo;
        if (monday..monday + 7).contains(&day) {
            week += 1.0;
            week_promo += promo;
        }
    }
    Ok((week_promo / week) / (all_promo / all))
}

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

#[test]
fn the_best_selling_tenth_of_products_sells_over_a_third_of_units() {
    for data in default_sized(&["orders", "order_items", "products"]) {
        let mut sold: Vec<f64> = units_sold(&data).unwrap().into_values().collect();
        sold.sort_by(|a, b| b.total_cmp(a));
        let total: f64 = sold.iter().sum();
        let top: f64 = sold.iter().take(sold.len() / 10).sum();
        assert!(
            top * 3.0 > total,
            "{}: top 10% sold {top} of {total} units",
            data.label
        );
    }
}

#[test]
fn order_statuses_look_like_a_shops() {
    for data in default_sized(&["orders"]) {
        let statuses: Vec<&str> = data
            .t("orders")
            .unwrap()
            .col("status")
            .unwrap()
            .iter()
            .collect();
        let share =
            |s: &str| statuses.iter().filter(|x| **x == s).count() as f64 / statuses.len() as f64;
        assert!(
            share("delivered") > 0.6,
            "{}: delivered {}",
            data.label,
            share("delivered")
        );
        for (status, lo, hi) in [
            ("cancelled", 0.02, 0.09),
            ("returned", 0.03, 0.15),
            ("pending", 0.0, 0.01),
        ] {
            assert!(
                (lo..hi).contains(&share(status)),
                "{}: {status} {}",
                data.label,
                share(status)
            );
        }
    }
}

#[test]
fn unpaid_orders_wait_a_week_at_most() {
    // The default window ends on 2023-12-31: an order still pending then was placed in
    // its last week; older unpaid orders were cancelled.
    for data in default_sized(&["orders"]) {
        let pending: Vec<Order> = orders(&data)
            .unwrap()
            .into_iter()
            .filter(|o| o.status == "pending")
            .collect();
        assert!(
            !pending.is_empty(),
            "{}: some orders await payment at the end",
            data.label
        );
        for order in pending {
            let days = data.window.last_day - order.created.div_euclid(DAY);
            assert!(
                days <= 7,
                "{}: pending since {}",
                data.label,
                format_ts(order.created)
            );
        }
    }
}

#[test]
fn tax_follows_where_the_order_ships() {
    for data in default_sized(&["orders", "users"]) {
        let users: HashMap<String, (String, String)> = data
            .t("users")
            .unwrap()
            .maps()
            .into_iter()
            .map(|u| {
                let place = (u["country"].clone(), u["state"].clone());
                (u["user_id"].clone(), place)
            })
            .collect();
        let cents = |s: &str| -> i64 { s.replace('.', "").parse().unwrap() };
        // Per mille of the taxed amount, per (country, state).
        let mut rates: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
        for order in data.t("orders").unwrap().maps() {
            let taxed = cents(&order["subtotal"]) - cents(&order["discount"]);
            if taxed >= 10_000 {
                let rate = (cents(&order["tax"]) * 1000 + taxed / 2) / taxed;
                rates
                    .entry(users[&order["user_id"]].clone())
                    .or_default()
                    .push(rate);
            }
        }
        // One rate per state or region, except in the US, where cities add their own.
        for ((country, state), found) in rates.iter().filter(|((c, _), _)| c != "US") {
            assert!(
                found.iter().all(|r| r == &found[0]),
                "{}: {country} {state}: {found:?}",
                data.label
            );
            let expected = match (country.as_str(), state.as_str()) {
                ("GB", _) => Some((200, "British VAT")),
                ("DE", _) => Some((190, "German VAT")),
                ("CA", "ON") => Some((130, "Ontario's HST")),
                ("CA", "AB") => Some((50, "Alberta charges GST only")),
                _ => None,
            };
            if let Some((rate, what)) = expected {
                assert_eq!(found[0], rate, "{}: {what}", data.label);
            }
        }
        for country in ["GB", "DE", "CA"] {
            assert!(
                rates.keys().any(|(c, _)| c == country),
                "{}: taxed orders to {country}",
                data.label
            );
        }
        let us: BTreeSet<i64> = rates
            .iter()
            .filter(|((country, _), _)| country == "US")
            .flat_map(|(_, r)| r.iter().copied())
            .collect();
        assert!(
            us.len() >= 4,
            "{}: US rates differ by city: {us:?}",
            data.label
        );
    }
}
