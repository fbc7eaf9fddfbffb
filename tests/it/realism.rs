//! Distributions a person believes: skewed popularity and customers, seasonal and daily
//! cycles, mostly good ratings, places that agree with their country. The thresholds are
//! tolerant but each fails on uniform data.

use crate::harness::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One default-sized dataset shared by the tests of this file.
fn dataset() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempdir();
        let out = dir.path().join("data");
        generate(&out, &["--seed", "99"]);
        (dir, out)
    })
    .1
}

fn rows(name: &str) -> Vec<BTreeMap<String, String>> {
    csv_rows(&dataset().join(name))
}

/// Days since 1970 of a `YYYY-MM-DDTHH:MM:SS` timestamp's date, and its hour.
fn day_and_hour(ts: &str) -> (i64, u32) {
    let days = ecomgen::model::Date::parse(&ts[..10]).unwrap().0;
    (days, ts[11..13].parse().unwrap())
}

#[test]
fn the_best_selling_tenth_of_products_sells_over_a_third_of_units() {
    let mut units: BTreeMap<String, u64> = BTreeMap::new();
    for item in rows("order_items.csv") {
        *units.entry(item["product_id"].clone()).or_default() +=
            item["quantity"].parse::<u64>().unwrap();
    }
    let products = rows("products.csv").len();
    let mut sold: Vec<u64> = units.into_values().collect();
    sold.sort_unstable_by(|a, b| b.cmp(a));
    let total: u64 = sold.iter().sum();
    let top: u64 = sold.iter().take(products / 10).sum();
    assert!(top * 3 > total, "top 10% sold {top} of {total} units");
}

#[test]
fn many_customers_buy_once_and_a_few_buy_often() {
    let mut per_user: BTreeMap<String, u32> = BTreeMap::new();
    for order in rows("orders.csv") {
        *per_user.entry(order["user_id"].clone()).or_default() += 1;
    }
    let mut counts: Vec<u32> = per_user.into_values().collect();
    counts.sort_unstable();
    let once = counts.iter().filter(|&&c| c == 1).count();
    let median = counts[counts.len() / 2];
    let max = *counts.last().unwrap();
    // Spread evenly, 5,000 orders over 1,000 users give ~3% one-time buyers and a max near 14.
    assert!(
        once * 5 > counts.len(),
        "{once} of {} buyers ordered once",
        counts.len()
    );
    assert!(max >= 10 * median.max(1), "max {max}, median {median}");
}

#[test]
fn orders_peak_in_november_and_december() {
    let mut by_month = [0u32; 12];
    for order in rows("orders.csv") {
        by_month[order["created_at"][5..7].parse::<usize>().unwrap() - 1] += 1;
    }
    let holiday = (by_month[10] + by_month[11]) as f64 / 61.0;
    let rest = by_month[..10].iter().sum::<u32>() as f64 / 304.0;
    assert!(
        holiday > 1.3 * rest,
        "per day: holiday {holiday:.1}, rest {rest:.1}, months {by_month:?}"
    );
}

#[test]
fn orders_follow_weekly_and_daily_cycles() {
    let mut weekday = [0u32; 7];
    let mut hour = [0u32; 24];
    for order in rows("orders.csv") {
        let (day, h) = day_and_hour(&order["created_at"]);
        weekday[((day + 3).rem_euclid(7)) as usize] += 1;
        hour[h as usize] += 1;
    }
    let weekend = (weekday[5] + weekday[6]) as f64 / 2.0;
    let workdays = weekday[..5].iter().sum::<u32>() as f64 / 5.0;
    assert!(
        weekend > 1.08 * workdays,
        "weekend {weekend}, weekdays {workdays}"
    );
    let evening: u32 = hour[18..22].iter().sum();
    let night: u32 = hour[2..6].iter().sum();
    assert!(evening > 5 * night, "18-22h {evening}, 2-6h {night}");
}

#[test]
fn users_sign_up_across_the_window_and_order_after() {
    let users = rows("users.csv");
    let months: std::collections::BTreeSet<&str> =
        users.iter().map(|u| &u["created_at"][..7]).collect();
    assert_eq!(months.len(), 12, "signups in every month");
    let signup: BTreeMap<&str, &str> = users
        .iter()
        .map(|u| (u["user_id"].as_str(), u["created_at"].as_str()))
        .collect();
    for order in rows("orders.csv") {
        assert!(signup[order["user_id"].as_str()] <= order["created_at"].as_str());
    }
}

#[test]
fn most_ratings_are_four_or_five_stars() {
    let ratings = column(&rows("reviews.csv"), "rating");
    let good = ratings.iter().filter(|r| *r == "4" || *r == "5").count();
    assert!(
        good * 10 > ratings.len() * 6,
        "{good} of {} reviews are 4-5 stars",
        ratings.len()
    );
    assert!(ratings.iter().any(|r| r == "1"), "some are bad");
}

#[test]
fn order_statuses_look_like_a_shops() {
    let statuses = column(&rows("orders.csv"), "status");
    let share =
        |s: &str| statuses.iter().filter(|x| *x == s).count() as f64 / statuses.len() as f64;
    assert!(share("delivered") > 0.6, "delivered {}", share("delivered"));
    for (status, lo, hi) in [
        ("cancelled", 0.02, 0.09),
        ("returned", 0.03, 0.15),
        ("pending", 0.0, 0.01),
    ] {
        assert!(
            (lo..hi).contains(&share(status)),
            "{status} {}",
            share(status)
        );
    }
}

#[test]
fn unpaid_orders_wait_a_week_at_most() {
    // The default window ends on 2023-12-31: an order still pending then was placed in
    // its last week; older unpaid orders were cancelled.
    let (last_day, _) = day_and_hour("2023-12-31T00:00:00");
    let orders = rows("orders.csv");
    let pending: Vec<&BTreeMap<String, String>> =
        orders.iter().filter(|o| o["status"] == "pending").collect();
    assert!(!pending.is_empty(), "some orders await payment at the end");
    for order in pending {
        let (day, _) = day_and_hour(&order["created_at"]);
        assert!(last_day - day <= 7, "pending since {}", order["created_at"]);
    }
}

#[test]
fn addresses_and_phones_agree_with_the_country() {
    for user in rows("users.csv") {
        let (prefix, postal_ok): (&str, fn(&str) -> bool) = match user["country"].as_str() {
            "US" => ("+1 ", |p| {
                p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())
            }),
            // Canada Post never uses D, F, I, O, Q or U; Royal Mail's inward codes
            // never C, I, K, M, O or V.
            "CA" => ("+1 ", |p| {
                p.len() == 7
                    && p.as_bytes()[3] == b' '
                    && !p.contains(['D', 'F', 'I', 'O', 'Q', 'U'])
            }),
            "GB" => ("+44 ", |p| {
                let inward = p.rsplit(' ').next().unwrap_or_default();
                p.contains(' ')
                    && p.len() >= 6
                    && inward.len() == 3
                    && !inward.contains(['C', 'I', 'K', 'M', 'O', 'V'])
            }),
            "DE" => ("+49 ", |p| {
                p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())
            }),
            "FR" => ("+33 ", |p| {
                p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())
            }),
            "AU" => ("+61 ", |p| {
                p.len() == 4 && p.chars().all(|c| c.is_ascii_digit())
            }),
            other => panic!("unexpected country {other}"),
        };
        assert!(user["phone_number"].starts_with(prefix), "{user:?}");
        assert!(postal_ok(&user["postal_code"]), "{user:?}");
    }
}

#[test]
fn helpful_votes_are_few_for_most_reviews_and_many_for_a_few() {
    let votes: Vec<u32> = column(&rows("reviews.csv"), "helpful_votes")
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    let share = |f: &dyn Fn(u32) -> bool| {
        votes.iter().filter(|v| f(**v)).count() as f64 / votes.len() as f64
    };
    assert!(share(&|v| v == 0) > 0.5, "most reviews get no vote");
    assert!(
        share(&|v| (1..=10).contains(&v)) > 0.2,
        "some get a handful"
    );
    // Uniform counts up to 200 would put a third of the voted reviews above 60.
    assert!(share(&|v| v > 60) < 0.05, "{}", share(&|v| v > 60));
    assert!(votes.iter().any(|&v| v > 30), "a long tail");
    // Votes gather over time: the window's last week has had no time for many.
    let reviews = rows("reviews.csv");
    let most = |recent: bool| {
        reviews
            .iter()
            .filter(|r| (r["created_at"].as_str() >= "2023-12-25") == recent)
            .map(|r| r["helpful_votes"].parse::<u32>().unwrap())
            .max()
            .unwrap_or(0)
    };
    assert!(most(true) <= 15, "{}", most(true));
    assert!(most(false) > 60, "{}", most(false));
}

#[test]
fn customers_live_where_people_live() {
    let users = rows("users.csv");
    let count = |country: &str, city: &str| {
        users
            .iter()
            .filter(|u| u["country"] == country && u["city"] == city)
            .count()
    };
    // New York has about three times Chicago's people, London several times any other
    // British city's; uniform cities would make them level.
    assert!(count("US", "New York") > 2 * count("US", "Chicago"));
    assert!(count("GB", "London") > 3 * count("GB", "Manchester"));
    // House numbers count houses in Europe: no "Birkenweg 2115".
    for user in &users {
        let number: u64 = user["address"]
            .split([' ', ','])
            .find_map(|w| w.parse().ok())
            .unwrap_or_else(|| panic!("a house number in {:?}", user["address"]));
        let most = match user["country"].as_str() {
            "DE" => 150,
            "FR" => 200,
            "GB" => 250,
            "AU" => 400,
            _ => 9_999,
        };
        assert!(number <= most, "{user:?}");
    }
}

#[test]
fn the_most_common_email_domain_leads() {
    let users = rows("users.csv");
    let share = |country: &str, domain: &str| {
        let of_country: Vec<_> = users.iter().filter(|u| u["country"] == country).collect();
        let with = of_country
            .iter()
            .filter(|u| u["email"].ends_with(&format!("@{domain}")))
            .count();
        with as f64 / of_country.len() as f64
    };
    assert!(
        share("US", "gmail.com") > 0.25,
        "{}",
        share("US", "gmail.com")
    );
    assert!(share("US", "gmail.com") > 2.0 * share("US", "yahoo.com"));
}

#[test]
fn tax_follows_where_the_order_ships() {
    let users: BTreeMap<String, (String, String)> = rows("users.csv")
        .into_iter()
        .map(|u| {
            let place = (u["country"].clone(), u["state"].clone());
            (u["user_id"].clone(), place)
        })
        .collect();
    let cents = |s: &str| -> i64 { s.replace('.', "").parse().unwrap() };
    // Per mille of the taxed amount, per (country, state).
    let mut rates: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    for order in rows("orders.csv") {
        let taxed = cents(&order["subtotal"]) - cents(&order["discount"]);
        if taxed >= 10_000 {
            let rate = (cents(&order["tax"]) * 1000 + taxed / 2) / taxed;
            rates
                .entry(users[&order["user_id"]].clone())
                .or_default()
                .push(rate);
        }
    }
    let rate = |country: &str, state: &str| {
        let found = &rates[&(country.to_string(), state.to_string())];
        assert!(
            found.iter().all(|r| r == &found[0]),
            "{country} {state}: {found:?}"
        );
        found[0]
    };
    assert_eq!(rate("CA", "AB"), 50, "Alberta charges GST only");
    assert_eq!(rate("CA", "ON"), 130, "Ontario's HST");
    assert_eq!(rate("GB", "England"), 200, "British VAT");
    assert_eq!(rate("DE", "Bayern"), 190, "German VAT");
    let us: std::collections::BTreeSet<i64> = rates
        .iter()
        .filter(|((country, _), _)| country == "US")
        .flat_map(|(_, r)| r.iter().copied())
        .collect();
    assert!(us.len() >= 4, "US rates differ by city: {us:?}");
}

#[test]
fn orders_ship_from_their_own_country_where_the_shop_has_a_site() {
    let country_of = |file: &str, key: &str| -> BTreeMap<String, String> {
        rows(file)
            .into_iter()
            .map(|r| (r[key].clone(), r["country"].clone()))
            .collect()
    };
    let (users, sites) = (
        country_of("users.csv", "user_id"),
        country_of("warehouses.csv", "warehouse_id"),
    );
    let buyer: BTreeMap<String, String> = rows("orders.csv")
        .into_iter()
        .map(|o| (o["order_id"].clone(), o["user_id"].clone()))
        .collect();
    let markets: std::collections::BTreeSet<&String> = sites.values().collect();
    assert!(markets.len() >= 4, "sites in several markets: {markets:?}");
    let international = ["DHL Express", "FedEx International", "UPS Worldwide"];
    let european = ["DHL Parcel", "DPD", "GLS"];
    let open_border = |from: &str, to: &str| matches!((from, to), ("DE", "FR") | ("FR", "DE"));
    let (mut through_customs, mut within_europe) = (0, 0);
    for shipment in rows("shipping.csv") {
        let to = &users[&buyer[&shipment["order_id"]]];
        let from = &sites[&shipment["warehouse_id"]];
        let carrier = shipment["carrier"].as_str();
        if markets.contains(to) {
            assert_eq!(from, to, "{shipment:?}");
        } else if to == "FR" && markets.iter().any(|m| *m == "DE") {
            // France without a site of its own is served from Germany, not overseas.
            assert_eq!(from, "DE", "{shipment:?}");
        }
        if from == to {
            assert!(!international.contains(&carrier), "{shipment:?}");
        } else if open_border(from, to) {
            within_europe += 1;
            assert!(european.contains(&carrier), "{shipment:?}");
        } else {
            through_customs += 1;
            assert!(international.contains(&carrier), "{shipment:?}");
        }
    }
    assert!(
        within_europe + through_customs > 0,
        "some orders cross a border"
    );
}

#[test]
fn emails_come_from_the_name() {
    let mut checked = 0;
    for user in rows("users.csv") {
        let (first, last) = (
            user["first_name"].to_lowercase(),
            user["last_name"].to_lowercase(),
        );
        if !(first.chars().all(|c| c.is_ascii_lowercase())
            && last.chars().all(|c| c.is_ascii_lowercase()))
        {
            continue; // Transliterated names are covered by the unit tests of ascii_fold.
        }
        let local = user["email"].split('@').next().unwrap().to_string();
        assert!(
            local.contains(&first) || local.contains(&last),
            "{} for {first} {last}",
            user["email"]
        );
        checked += 1;
    }
    assert!(checked > 100);
}

#[test]
fn no_placeholder_text_anywhere() {
    for entry in std::fs::read_dir(dataset()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path())
            .unwrap()
            .to_lowercase();
        for word in ["lorem", "ipsum", "dolor sit", "todo", "placeholder"] {
            assert!(!text.contains(word), "found {word:?}");
        }
    }
}

#[test]
fn product_names_fit_their_category() {
    // Products of one category draw their nouns from its short list; names picked from
    // the whole catalog would end in dozens of different words per category.
    let mut endings: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
    for product in rows("products.csv") {
        let last_word = product["name"].rsplit(' ').next().unwrap().to_string();
        endings
            .entry(product["category_id"].clone())
            .or_default()
            .insert(last_word);
        *sizes.entry(product["category_id"].clone()).or_default() += 1;
    }
    let mut checked = 0;
    for (category, words) in &endings {
        if sizes[category] >= 20 {
            assert!(
                words.len() <= 10,
                "{} products of one category end in {} words: {words:?}",
                sizes[category],
                words.len()
            );
            checked += 1;
        }
    }
    assert!(checked > 5);
}
