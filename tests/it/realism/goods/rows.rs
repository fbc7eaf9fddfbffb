//! The family's older tests, which read rows directly instead of through a check.

use super::*;

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
