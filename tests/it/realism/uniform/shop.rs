//! The control's shop: users, categories, vendors, warehouses, products, their stock
//! and promotions, each drawn uniformly.

use super::*;

/// What the later tables draw from: the ids and facts of users, warehouses, products
/// and promotions.
pub struct Shop {
    pub user_ids: Vec<String>,
    pub user_created: Vec<i64>,
    pub warehouse_ids: Vec<String>,
    pub product_ids: Vec<String>,
    pub prices: Vec<f64>,
    pub nouns: Vec<String>,
    pub promotion_ids: Vec<String>,
}

/// Draws the shop's tables into `out`, in the order the control has always drawn them.
pub fn build(rng: &mut Rng, window: &Window, out: &mut Vec<Table>) -> Shop {
    let (start, end) = (window.start(), window.end());

    // Users: countries, cities and names uniform; accounts created uniformly in the
    // window (none before it); a tenth closed at a uniform moment; points uniform.
    let mut surnames: Vec<String> = Vec::new();
    let mut first_names: Vec<String> = Vec::new();
    for country in COUNTRIES {
        surnames.extend(
            super::super::text::common_surnames(country)
                .iter()
                .map(|s| s.to_string()),
        );
        first_names.extend(
            super::super::text::common_first_names(country)
                .iter()
                .map(|s| s.to_string()),
        );
    }
    // Each name once: a name on several countries' lists is no more likely.
    for pool in [&mut surnames, &mut first_names] {
        pool.sort();
        pool.dedup();
    }
    surnames.extend((0..150).map(|k| format!("Surname{}", letters(k))));
    first_names.extend((0..150).map(|k| format!("Given{}", letters(k))));
    let mut users = Table::new(
        "users",
        &[
            "user_id",
            "email",
            "first_name",
            "last_name",
            "city",
            "state",
            "country",
            "created_at",
            "updated_at",
            "is_active",
            "closed_at",
            "loyalty_points",
        ],
    );
    let mut user_ids = Vec::new();
    let mut user_created = Vec::new();
    for i in 0..USERS {
        let id = rng.id();
        let country = *rng.pick(COUNTRIES);
        let (first, last) = (rng.pick(&first_names).clone(), rng.pick(&surnames).clone());
        let created = rng.between(start, end);
        let closed = rng.chance(0.1).then(|| rng.between(created, end));
        users.push(&[
            id.clone(),
            format!(
                "{}.{}{}@example.com",
                first.to_lowercase(),
                last.to_lowercase(),
                i
            ),
            first,
            last,
            format!("{country} Town {}", rng.below(12)),
            "State".to_string(),
            country.to_string(),
            format_ts(created),
            format_ts(created),
            closed.is_none().to_string(),
            closed.map(format_ts).unwrap_or_default(),
            rng.below(5000).to_string(),
        ]);
        user_ids.push(id);
        user_created.push(created);
    }

    // Categories: ten departments, each with four subcategories of four leaves, named
    // from one short list.
    let mut categories = Table::new(
        "categories",
        &["category_id", "name", "parent_category_id", "level"],
    );
    let mut leaves = Vec::new();
    for department in DEPARTMENTS {
        let top = rng.id();
        categories.push(&[top.as_str(), department, "", "1"]);
        for _ in 0..4 {
            let sub = rng.id();
            categories.push(&[
                sub.clone(),
                rng.pick(SUBCATEGORY_NAMES).to_string(),
                top.clone(),
                "2".into(),
            ]);
            for _ in 0..4 {
                let leaf = rng.id();
                categories.push(&[
                    leaf.clone(),
                    rng.pick(SUBCATEGORY_NAMES).to_string(),
                    sub.clone(),
                    "3".into(),
                ]);
                leaves.push(leaf);
            }
        }
    }

    let vendor_ids: Vec<String> = (0..50).map(|_| rng.id()).collect();
    let mut vendors = Table::new("vendors", &["vendor_id", "name"]);
    for (k, v) in vendor_ids.iter().enumerate() {
        vendors.push(&[v.clone(), format!("Vendor {k}")]);
    }
    let warehouse_ids: Vec<String> = (0..5).map(|_| rng.id()).collect();
    let mut warehouses = Table::new("warehouses", &["warehouse_id", "country"]);
    for (k, w) in warehouse_ids.iter().enumerate() {
        warehouses.push(&[w.clone(), COUNTRIES[k].to_string()]);
    }

    // Products: uniform category, vendor, price; names from 20 x 10 x 10 parts.
    let mut products = Table::new(
        "products",
        &[
            "product_id",
            "name",
            "category_id",
            "vendor_id",
            "brand",
            "price",
            "currency",
        ],
    );
    let mut product_ids = Vec::new();
    let mut prices = Vec::new();
    let mut nouns = Vec::new();
    for _ in 0..PRODUCTS {
        let id = rng.id();
        let brand = format!("Brand{}", letters(rng.below(20)));
        let noun = format!("thing{}", letters(rng.below(10)));
        let price = 20.0 + rng.unit() * 180.0;
        products.push(&[
            id.clone(),
            format!("{brand} Style{} {noun}", letters(rng.below(10))),
            rng.pick(&leaves).clone(),
            rng.pick(&vendor_ids).clone(),
            brand,
            money(price),
            "USD".into(),
        ]);
        product_ids.push(id);
        prices.push((price * 100.0).round() / 100.0);
        nouns.push(noun);
    }

    // Inventory: each product at three random warehouses, uniform quantities.
    let mut inventory = Table::new(
        "inventory",
        &[
            "inventory_id",
            "product_id",
            "warehouse_id",
            "quantity_on_hand",
        ],
    );
    for p in &product_ids {
        for w in &warehouse_ids {
            if rng.chance(0.6) {
                inventory.push(&[rng.id(), p.clone(), w.clone(), rng.below(1000).to_string()]);
            }
        }
    }

    // Promotions: event names at uniform dates, uniform lengths.
    let mut promotions = Table::new(
        "promotions",
        &[
            "promotion_id",
            "code",
            "name",
            "discount_type",
            "discount_value",
            "start_date",
            "end_date",
            "currency",
        ],
    );
    let mut promotion_ids = Vec::new();
    for k in 0..60 {
        let id = rng.id();
        let name = *rng.pick(PROMOTION_NAMES);
        let from = rng.between(window.first_day, window.last_day);
        let to = from + rng.between(7, 60);
        let code: String = name
            .to_uppercase()
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect();
        promotions.push(&[
            id.clone(),
            format!("{code}{k}"),
            format!("{name}: 20% off"),
            "percentage".into(),
            "20".into(),
            format_date(from),
            format_date(to),
            "USD".into(),
        ]);
        promotion_ids.push(id);
    }

    out.extend([
        users, categories, vendors, warehouses, products, inventory, promotions,
    ]);
    Shop {
        user_ids,
        user_created,
        warehouse_ids,
        product_ids,
        prices,
        nouns,
        promotion_ids,
    }
}
