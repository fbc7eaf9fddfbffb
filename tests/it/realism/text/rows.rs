//! The family's older tests, which read rows directly instead of through a check.

use super::*;

#[test]
fn most_ratings_are_four_or_five_stars() {
    for data in default_sized(&["reviews"]) {
        let ratings: Vec<&str> = data
            .t("reviews")
            .unwrap()
            .col("rating")
            .unwrap()
            .iter()
            .collect();
        let good = ratings.iter().filter(|r| **r == "4" || **r == "5").count();
        assert!(
            good * 10 > ratings.len() * 6,
            "{}: {good} of {} reviews are 4-5 stars",
            data.label,
            ratings.len()
        );
        assert!(ratings.contains(&"1"), "{}: some are bad", data.label);
    }
}

#[test]
fn helpful_votes_are_few_for_most_reviews_and_many_for_a_few() {
    for data in default_sized(&["reviews"]) {
        let reviews = data.t("reviews").unwrap();
        let (votes_col, created) = (
            reviews.col("helpful_votes").unwrap(),
            reviews.col("created_at").unwrap(),
        );
        let votes: Vec<f64> = (0..reviews.len()).map(|i| votes_col.num_req(i)).collect();
        let share = |f: &dyn Fn(f64) -> bool| {
            votes.iter().filter(|v| f(**v)).count() as f64 / votes.len() as f64
        };
        assert!(
            share(&|v| v == 0.0) > 0.5,
            "{}: most reviews get no vote",
            data.label
        );
        assert!(
            share(&|v| (1.0..=10.0).contains(&v)) > 0.2,
            "{}: some get a handful",
            data.label
        );
        // Uniform counts up to 200 would put a third of the voted reviews above 60.
        assert!(
            share(&|v| v > 60.0) < 0.05,
            "{}: {}",
            data.label,
            share(&|v| v > 60.0)
        );
        assert!(
            votes.iter().any(|&v| v > 30.0),
            "{}: a long tail",
            data.label
        );
        // Votes gather over time: the window's last week has had no time for many.
        let most = |recent: bool| {
            (0..reviews.len())
                .filter(|&i| (created.get(i) >= "2023-12-25") == recent)
                .map(|i| votes[i])
                .fold(0.0, f64::max)
        };
        assert!(most(true) <= 15.0, "{}: {}", data.label, most(true));
        assert!(most(false) > 60.0, "{}: {}", data.label, most(false));
    }
}

#[test]
fn addresses_and_phones_agree_with_the_country() {
    for data in default_sized(&["users"]) {
        for user in data.t("users").unwrap().maps() {
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
}

#[test]
fn customers_live_where_people_live() {
    for data in default_sized(&["users"]) {
        let users = data.t("users").unwrap().maps();
        let count = |country: &str, city: &str| {
            users
                .iter()
                .filter(|u| u["country"] == country && u["city"] == city)
                .count()
        };
        // New York has about three times Chicago's people, London several times any
        // other British city's; uniform cities would make them level.
        assert!(
            count("US", "New York") > 2 * count("US", "Chicago"),
            "{}",
            data.label
        );
        assert!(
            count("GB", "London") > 3 * count("GB", "Manchester"),
            "{}",
            data.label
        );
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
}

#[test]
fn the_most_common_email_domain_leads() {
    for data in default_sized(&["users"]) {
        let users = data.t("users").unwrap().maps();
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
            "{}: {}",
            data.label,
            share("US", "gmail.com")
        );
        assert!(
            share("US", "gmail.com") > 2.0 * share("US", "yahoo.com"),
            "{}",
            data.label
        );
    }
}

#[test]
fn emails_come_from_the_name() {
    for data in default_sized(&["users"]) {
        let mut checked = 0;
        for user in data.t("users").unwrap().maps() {
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
        assert!(checked > 100, "{}", data.label);
    }
}

#[test]
fn no_placeholder_text_anywhere() {
    let every = [
        "users",
        "categories",
        "vendors",
        "warehouses",
        "products",
        "inventory",
        "promotions",
        "orders",
        "order_items",
        "payments",
        "shipping",
        "returns",
        "reviews",
        "support_tickets",
        "wishlists",
        "notifications",
    ];
    for data in default_sized(&every) {
        for table in data.tables.values() {
            for cell in table.cells() {
                let cell = cell.to_lowercase();
                for word in ["lorem", "ipsum", "dolor sit", "todo", "placeholder"] {
                    assert!(
                        !cell.contains(word),
                        "{}: {} has {word:?}",
                        data.label,
                        table.name
                    );
                }
            }
        }
    }
}

#[test]
fn product_names_fit_their_category() {
    // Products of one category draw their nouns from its short list; names picked from
    // the whole catalog would end in dozens of different words per category.
    for data in default_sized(&["products"]) {
        let mut endings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
        for product in data.t("products").unwrap().maps() {
            // A book's name is its title, and its brand its publisher.
            if product["brand"].ends_with(" Press") {
                continue;
            }
            // A variant follows the line's name after a comma ("..., Navy").
            let line = product["name"].split(", ").next().unwrap();
            let last_word = line.rsplit(' ').next().unwrap().to_string();
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
                    "{}: {} products of one category end in {} words: {words:?}",
                    data.label,
                    sizes[category],
                    words.len()
                );
                checked += 1;
            }
        }
        assert!(checked > 5, "{}", data.label);
    }
}
