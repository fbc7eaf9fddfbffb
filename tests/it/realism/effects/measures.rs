//! The family's measures: pure functions from a dataset's tables to the numbers its
//! checks compare with REALISM.md.

use super::*;

/// order_id -> late (judged shipments only).
pub fn late_orders(d: &Data) -> Res<HashMap<&str, bool>> {
    Ok(shipments(d)?
        .iter()
        .filter_map(|s| s.late(&d.window).map(|late| (s.order, late)))
        .collect())
}

/// The holiday peak: shipments shipped from Black Friday to December 24 (shop's clock)
/// of the window's last year.
pub fn holiday_peak(d: &Data) -> (i64, i64) {
    let year = *d.window.years().end();
    (black_friday(year), days_from_civil(year, 12, 24))
}

/// Late shares of judged shipments: (overall, in the holiday peak, the rest).
pub fn late_shares(d: &Data) -> Res<(f64, f64, f64)> {
    let (from, to) = holiday_peak(d);
    let mut counts = [[0usize; 2]; 2];
    for s in shipments(d)? {
        if let Some(late) = s.late(&d.window) {
            let peak = (from..=to).contains(&s.shipped.div_euclid(DAY));
            counts[peak as usize][late as usize] += 1;
        }
    }
    let share = |c: [usize; 2]| c[1] as f64 / (c[0] + c[1]) as f64;
    let all = [counts[0][0] + counts[1][0], counts[0][1] + counts[1][1]];
    Ok((share(all), share(counts[1]), share(counts[0])))
}

/// Mean review rating of orders delivered on time and late: (on time, late, late
/// reviews).
pub fn rating_by_lateness(d: &Data) -> Res<(f64, f64, usize)> {
    let late = late_orders(d)?;
    let reviews = d.t("reviews")?;
    let (order, rating) = (reviews.col("order_id")?, reviews.col("rating")?);
    let (mut on_time, mut delayed) = (Vec::new(), Vec::new());
    for i in 0..reviews.len() {
        match late.get(order.get(i)) {
            Some(true) => delayed.push(rating.num_req(i)),
            Some(false) => on_time.push(rating.num_req(i)),
            None => {}
        }
    }
    Ok((mean(&on_time), mean(&delayed), delayed.len()))
}

/// Returns with reason `arrived_too_late`: (how many, share whose order's shipment was
/// late).
pub fn too_late_returns(d: &Data) -> Res<(usize, f64)> {
    let late = late_orders(d)?;
    let returns = d.t("returns")?;
    let (order, reason) = (returns.col("order_id")?, returns.col("reason")?);
    let (mut all, mut after_late) = (0, 0);
    for i in 0..returns.len() {
        if reason.get(i) == "arrived_too_late" {
            all += 1;
            if late.get(order.get(i)) == Some(&true) {
                after_late += 1;
            }
        }
    }
    Ok((all, after_late as f64 / all as f64))
}

/// Deliveries on the destination's local clock (the buyer's country): (share delivered
/// from 21:00 to 07:00, share delivered on a Sunday).
pub fn delivery_clock(d: &Data) -> Res<(f64, f64)> {
    let countries = user_countries(d)?;
    let buyer: HashMap<&str, &str> = orders(d)?.iter().map(|o| (o.id, o.user)).collect();
    let (mut night, mut sunday, mut all) = (0, 0, 0);
    for s in shipments(d)? {
        let Some(at) = s.delivered else { continue };
        let country = buyer
            .get(s.order)
            .and_then(|u| countries.get(u))
            .copied()
            .unwrap_or("");
        let at = local(at, country);
        let hour = at.rem_euclid(DAY) / HOUR;
        all += 1;
        night += (!(7..21).contains(&hour)) as usize;
        sunday += (weekday(at.div_euclid(DAY)) == 6) as usize;
    }
    Ok((night as f64 / all as f64, sunday as f64 / all as f64))
}

/// Median handling time (order created_at to shipped_at), in hours, by shipping method.
pub fn handling_hours(d: &Data) -> Res<BTreeMap<String, f64>> {
    let placed: HashMap<&str, i64> = orders(d)?.iter().map(|o| (o.id, o.created)).collect();
    let mut hours: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for s in shipments(d)? {
        if let Some(&at) = placed.get(s.order) {
            hours
                .entry(s.method.to_string())
                .or_default()
                .push((s.shipped - at) as f64 / HOUR as f64);
        }
    }
    Ok(hours.into_iter().map(|(m, h)| (m, median(&h))).collect())
}

/// Weeks of cover of the median product that sold: quantity_on_hand summed over its
/// warehouses (0 without an inventory row), over its units sold per week (counted
/// orders' quantity in the window / the window's weeks). Products that sold nothing
/// have no cover to speak of (an analyst reports them as dead stock) and are left out;
/// returns (median weeks, products left out).
pub fn median_weeks_of_cover(d: &Data) -> Res<(f64, usize)> {
    let counted: HashSet<&str> = orders(d)?
        .iter()
        .filter(|o| o.counted())
        .map(|o| o.id)
        .collect();
    let weeks = d.window.days() as f64 / 7.0;
    let mut sold: HashMap<&str, f64> = HashMap::new();
    for item in items(d)? {
        if counted.contains(item.order) {
            *sold.entry(item.product).or_default() += item.quantity;
        }
    }
    let inventory = d.t("inventory")?;
    let (product, on_hand) = (
        inventory.col("product_id")?,
        inventory.col("quantity_on_hand")?,
    );
    let mut stock: HashMap<&str, f64> = HashMap::new();
    for i in 0..inventory.len() {
        *stock.entry(product.get(i)).or_default() += on_hand.num_req(i);
    }
    let products = d.t("products")?.col("product_id")?;
    let cover: Vec<f64> = products
        .iter()
        .filter_map(|p| {
            let weekly = *sold.get(p).unwrap_or(&0.0) / weeks;
            (weekly > 0.0).then(|| *stock.get(p).unwrap_or(&0.0) / weekly)
        })
        .collect();
    Ok((median(&cover), products.iter().count() - cover.len()))
}

/// Share of shipped items (lines of orders with a shipment) whose product has an
/// inventory row at the warehouse the shipment left from.
pub fn stocked_where_shipped(d: &Data) -> Res<f64> {
    let inventory = d.t("inventory")?;
    let (product, warehouse) = (inventory.col("product_id")?, inventory.col("warehouse_id")?);
    let stocked: HashSet<(&str, &str)> = product.iter().zip(warehouse.iter()).collect();
    let from: HashMap<&str, &str> = shipments(d)?
        .iter()
        .map(|s| (s.order, s.warehouse))
        .collect();
    let (mut ok, mut all) = (0, 0);
    for item in items(d)? {
        if let Some(w) = from.get(item.order) {
            all += 1;
            ok += stocked.contains(&(item.product, *w)) as usize;
        }
    }
    Ok(ok as f64 / all as f64)
}

/// Wishlists: (share of users with at least one row, share of rows whose product the
/// same user bought later: a counted order with it placed at or after added_at).
pub fn wishlist_use(d: &Data) -> Res<(f64, f64)> {
    let users = d.t("users")?.len();
    let wishlists = d.t("wishlists")?;
    let (user, product, added) = (
        wishlists.col("user_id")?,
        wishlists.col("product_id")?,
        wishlists.col("added_at")?,
    );
    let placed: HashMap<&str, (&str, i64)> = orders(d)?
        .iter()
        .filter(|o| o.counted())
        .map(|o| (o.id, (o.user, o.created)))
        .collect();
    let mut bought: HashMap<(&str, &str), Vec<i64>> = HashMap::new();
    for item in items(d)? {
        if let Some(&(u, at)) = placed.get(item.order) {
            bought.entry((u, item.product)).or_default().push(at);
        }
    }
    let keepers: HashSet<&str> = user.iter().collect();
    let later = (0..wishlists.len())
        .filter(|&i| {
            bought
                .get(&(user.get(i), product.get(i)))
                .is_some_and(|times| times.iter().any(|&t| t >= added.ts_req(i)))
        })
        .count();
    Ok((
        keepers.len() as f64 / users as f64,
        later as f64 / wishlists.len() as f64,
    ))
}

/// Confirmations and read rates.
pub struct Notices {
    /// Orders with two or more `order_confirmed` notifications.
    pub confirmed_twice: usize,
    /// Paid orders (processing, shipped, delivered, returned) placed before the
    /// window's last day (a confirmation of the last hours may fall after it) without
    /// exactly one.
    pub paid_not_confirmed_once: usize,
    pub paid: usize,
    /// Share of notifications with read_at set, by channel (channels with 100+ rows).
    pub read_rate: BTreeMap<String, f64>,
}

pub fn notices(d: &Data) -> Res<Notices> {
    let notifications = d.t("notifications")?;
    let (order, kind, channel, read) = (
        notifications.col("order_id")?,
        notifications.col("kind")?,
        notifications.col("channel")?,
        notifications.col("read_at")?,
    );
    let mut confirmations: HashMap<&str, usize> = HashMap::new();
    let mut by_channel: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for i in 0..notifications.len() {
        if kind.get(i) == "order_confirmed" {
            *confirmations.entry(order.get(i)).or_default() += 1;
        }
        let entry = by_channel.entry(channel.get(i).to_string()).or_default();
        entry.1 += 1;
        entry.0 += (!read.get(i).is_empty()) as usize;
    }
    let all = orders(d)?;
    let paid: Vec<&Order> = all
        .iter()
        .filter(|o| {
            matches!(
                o.status,
                "processing" | "shipped" | "delivered" | "returned"
            ) && o.created < d.window.end() - DAY
        })
        .collect();
    Ok(Notices {
        confirmed_twice: confirmations.values().filter(|&&n| n >= 2).count(),
        paid_not_confirmed_once: paid
            .iter()
            .filter(|o| confirmations.get(o.id) != Some(&1))
            .count(),
        paid: paid.len(),
        read_rate: by_channel
            .into_iter()
            .filter(|(_, (_, n))| *n >= 100)
            .map(|(c, (r, n))| (c, r as f64 / n as f64))
            .collect(),
    })
}
