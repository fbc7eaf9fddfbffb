//! The family's measures: pure functions from a dataset's tables to the numbers its
//! checks compare with REALISM.md.

use super::*;

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
