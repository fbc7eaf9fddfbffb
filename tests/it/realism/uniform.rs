//! Negative controls: synthetic datasets in the tables' shapes (every field a measure
//! reads, the new ones included) where everything is uniform and independent: a
//! customer drawn uniformly for each order, timestamps spread evenly over the window,
//! products, methods, reasons, ratings and texts drawn uniformly, tables that do not
//! influence each other. A check that passes on this is no check.
//!
//! Two checks guard against the opposite of uniform, and have their own control:
//! January's share (uniform timestamps give it 8.5%; the failure it catches is a shop
//! that opens with the window, `OpensWithTheWindow`) and week against week (uniform
//! days have no steps; the failure it catches is months drawn as blocks,
//! `MonthlySteps`).

use super::check::Control;
use super::tables::*;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// splitmix64: a small, fixed generator, so the controls never change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.unit() * (hi - lo) as f64) as i64
    }

    fn id(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            b >> 52,
            b & 0xffff_ffff_ffff
        )
    }
}

fn money(x: f64) -> String {
    format!("{x:.2}")
}

const COUNTRIES: &[&str] = &["US", "GB", "CA", "AU", "DE", "FR"];
const DEPARTMENTS: &[&str] = &[
    "Electronics",
    "Home & Kitchen",
    "Clothing",
    "Sports & Outdoors",
    "Beauty & Personal Care",
    "Books",
    "Toys & Games",
    "Grocery & Gourmet",
    "Health & Household",
    "Pet Supplies",
];
const SUBCATEGORY_NAMES: &[&str] = &[
    "Accessories",
    "Essentials",
    "Basics",
    "Sets",
    "Kits",
    "Classics",
    "Favourites",
    "Extras",
    "Gifts",
    "Supplies",
    "Tools",
    "Care",
];
const METHODS: &[&str] = &[
    "credit_card",
    "debit_card",
    "paypal",
    "apple_pay",
    "google_pay",
    "gift_card",
    "sepa_direct_debit",
    "klarna",
    "interac",
    "afterpay",
];
const REASONS: &[&str] = &[
    "wrong_size",
    "damaged_in_transit",
    "not_as_described",
    "changed_mind",
    "defective",
    "wrong_item_sent",
    "arrived_too_late",
];
const SHIPPING_METHODS: &[&str] = &["standard", "express", "overnight", "economy"];
const REVIEW_BODIES: &[&str] = &[
    "Really happy with the {}. Sturdy, well made and great looking.",
    "The {} is tasty and full of flavor.",
    "A gripping page-turner: the {} kept me up all night.",
    "The {} runs small, order a size up.",
    "Stopped working after a week. The {} needs a new battery.",
    "The {} arrived quickly and was exactly as described.",
    "Not worth it. The {} was disappointing.",
    "I wish there were more color options for the {}.",
];
const TICKETS: &[(&str, &str)] = &[
    (
        "Part of my order is missing",
        "The packing slip lists the {} but I can't find that item in the box.",
    ),
    (
        "Change the quantity on my order",
        "I got the quantity of the {} wrong. Can you lower the quantity?",
    ),
    (
        "Duplicate charge on my card",
        "My bank statement shows two identical charges for the {}.",
    ),
    ("My order arrived damaged", "The {} arrived damaged."),
    (
        "Card declined, still charged",
        "The checkout said my card was declined, yet I was charged for the {}.",
    ),
    (
        "Take something off my order",
        "Can you take something off my order and ship the rest?",
    ),
    (
        "Where is my order",
        "Where is my {}? The tracking has not moved.",
    ),
];
const PROMOTION_NAMES: &[&str] = &[
    "Black Friday",
    "Christmas",
    "Valentine's",
    "Summer Sale",
    "Back to School",
    "Mother's Day",
    "Spring Sale",
    "Easter",
    "Halloween",
    "New Year",
];

/// The synthetic dataset for a control, built once per test run.
pub fn control(kind: Control) -> Data {
    static BUILT: OnceLock<BTreeMap<&'static str, BTreeMap<String, Arc<Table>>>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        [
            ("uniform", build(Control::Uniform)),
            ("opens", build(Control::OpensWithTheWindow)),
            ("steps", build(Control::MonthlySteps)),
        ]
        .into_iter()
        .collect()
    });
    let key = match kind {
        Control::Uniform => "uniform",
        Control::OpensWithTheWindow => "opens",
        Control::MonthlySteps => "steps",
    };
    Data {
        label: format!("{kind:?} control"),
        window: Window::default_year(),
        // Sized like `--scale 20` for the measures that only apply there.
        scale: 20.0,
        tables: built[key].clone(),
    }
}

const USERS: usize = 4_000;
/// Orders go to the first 1,000 users (40 each on average); the others never order.
const BUYERS: usize = 1_000;
const PRODUCTS: usize = 2_000;
const ORDERS: usize = 40_000;

fn build(kind: Control) -> BTreeMap<String, Arc<Table>> {
    let mut rng = Rng(0x5eed_0000 + kind as u64);
    let window = Window::default_year();
    let (start, end) = (window.start(), window.end());
    let mut tables: BTreeMap<String, Arc<Table>> = BTreeMap::new();

    // Users: countries, cities and names uniform; accounts created uniformly in the
    // window (none before it); a tenth closed at a uniform moment; points uniform.
    let mut surnames: Vec<String> = Vec::new();
    let mut first_names: Vec<String> = Vec::new();
    for country in COUNTRIES {
        surnames.extend(
            super::text::common_surnames(country)
                .iter()
                .map(|s| s.to_string()),
        );
        first_names.extend(
            super::text::common_first_names(country)
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

    // Orders: a uniform customer each; times spread evenly over the window (or as the
    // control says); 1-6 uniform lines of 1-2 units of uniform products; 5% with a
    // promotion taking off up to 90% of the subtotal.
    let mut orders = Table::new(
        "orders",
        &[
            "order_id",
            "user_id",
            "status",
            "created_at",
            "shipping_method",
            "promotion_id",
            "subtotal",
            "tax",
            "shipping_cost",
            "discount",
            "total",
            "currency",
        ],
    );
    let mut items = Table::new(
        "order_items",
        &[
            "order_item_id",
            "order_id",
            "product_id",
            "quantity",
            "unit_price",
            "total",
        ],
    );
    let mut payments = Table::new(
        "payments",
        &[
            "payment_id",
            "order_id",
            "method",
            "amount",
            "status",
            "created_at",
            "paid_at",
            "currency",
        ],
    );
    let mut shipping = Table::new(
        "shipping",
        &[
            "shipment_id",
            "order_id",
            "warehouse_id",
            "carrier",
            "shipping_method",
            "shipped_at",
            "estimated_delivery",
            "delivered_at",
            "status",
        ],
    );
    let mut returns = Table::new(
        "returns",
        &[
            "return_id",
            "order_id",
            "order_item_id",
            "user_id",
            "product_id",
            "reason",
            "status",
            "requested_at",
            "refund_amount",
            "currency",
        ],
    );
    let mut reviews = Table::new(
        "reviews",
        &[
            "review_id",
            "user_id",
            "product_id",
            "order_id",
            "rating",
            "title",
            "body",
            "created_at",
        ],
    );
    let month_weights = [1.0, 1.0, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 2.5, 2.5];
    let month_starts: Vec<i64> = (1..=13)
        .map(|m| {
            if m == 13 {
                window.last_day + 1
            } else {
                days_from_civil(2023, m, 1)
            }
        })
        .collect();
    let weight_total: f64 = month_weights.iter().sum();
    let mut order_ids = Vec::new();
    let mut order_users = Vec::new();
    for i in 0..ORDERS {
        let id = rng.id();
        let u = rng.below(BUYERS);
        let even = (i as f64 + rng.unit()) / ORDERS as f64;
        let created = match kind {
            Control::Uniform => start + (even * (end - start) as f64) as i64,
            Control::OpensWithTheWindow => {
                let from = user_created[u];
                from + (rng.unit() * (end - from) as f64) as i64
            }
            Control::MonthlySteps => {
                let mut at = even * weight_total;
                let mut month = 0;
                while at >= month_weights[month] && month < 11 {
                    at -= month_weights[month];
                    month += 1;
                }
                let (a, b) = (month_starts[month] * DAY, month_starts[month + 1] * DAY);
                a + ((at / month_weights[month]).min(0.999_999) * (b - a) as f64) as i64
            }
        };
        let status = match rng.below(100) {
            0..=4 => "cancelled",
            5 => "pending",
            6..=7 => "processing",
            8..=11 => "shipped",
            12..=21 => "returned",
            _ => "delivered",
        };
        let method = *rng.pick(SHIPPING_METHODS);
        let lines = 1 + rng.below(6);
        let mut subtotal = 0.0;
        let mut order_items = Vec::new();
        for _ in 0..lines {
            let p = rng.below(PRODUCTS);
            let quantity = 1 + rng.below(2);
            let total = prices[p] * quantity as f64;
            subtotal += total;
            let item_id = rng.id();
            items.push(&[
                item_id.clone(),
                id.clone(),
                product_ids[p].clone(),
                quantity.to_string(),
                money(prices[p]),
                money(total),
            ]);
            order_items.push((item_id, p, total));
        }
        let promoted = rng.chance(0.05);
        let discount = if promoted {
            subtotal * rng.unit() * 0.9
        } else {
            0.0
        };
        let total = subtotal - discount + 5.0;
        orders.push(&[
            id.clone(),
            user_ids[u].clone(),
            status.to_string(),
            format_ts(created),
            method.to_string(),
            if promoted {
                rng.pick(&promotion_ids).clone()
            } else {
                String::new()
            },
            money(subtotal),
            "0.00".into(),
            "5.00".into(),
            money(discount),
            money(total),
            "USD".into(),
        ]);
        // Payments: a uniform method; a 15% chance of a failed attempt first.
        let pay = *rng.pick(METHODS);
        let paid_at = created + rng.between(0, 3600);
        if status == "cancelled" || rng.chance(0.15) {
            payments.push(&[
                rng.id(),
                id.clone(),
                pay.into(),
                money(total),
                "failed".into(),
                format_ts(paid_at),
                String::new(),
                "USD".into(),
            ]);
        }
        let outcome = match status {
            "cancelled" => None,
            "pending" => Some("pending"),
            _ => Some("completed"),
        };
        if let Some(outcome) = outcome {
            let paid = if outcome == "completed" {
                format_ts(paid_at)
            } else {
                String::new()
            };
            payments.push(&[
                rng.id(),
                id.clone(),
                pay.into(),
                money(total),
                outcome.into(),
                format_ts(paid_at),
                paid,
                "USD".into(),
            ]);
        }
        // Shipping: uniform handling, promise and transit, independent of each other.
        if matches!(status, "shipped" | "delivered" | "returned") {
            let shipped = created + rng.between(0, 72 * HOUR);
            let promised = shipped.div_euclid(DAY) + rng.between(2, 8);
            let delivered = (status != "shipped").then(|| shipped + rng.between(DAY / 2, 8 * DAY));
            shipping.push(&[
                rng.id(),
                id.clone(),
                rng.pick(&warehouse_ids).clone(),
                "Carrier".into(),
                method.to_string(),
                format_ts(shipped),
                format_date(promised),
                delivered.map(format_ts).unwrap_or_default(),
                if delivered.is_some() {
                    "delivered"
                } else {
                    "in_transit"
                }
                .into(),
            ]);
            if let Some(delivered) = delivered {
                for (k, (item_id, p, item_total)) in order_items.iter().enumerate() {
                    if status == "returned" && (k == 0 || rng.chance(0.5)) {
                        returns.push(&[
                            rng.id(),
                            id.clone(),
                            item_id.clone(),
                            user_ids[u].clone(),
                            product_ids[*p].clone(),
                            rng.pick(REASONS).to_string(),
                            "refunded".into(),
                            format_ts(delivered + DAY),
                            money(*item_total),
                            "USD".into(),
                        ]);
                    }
                    if rng.chance(0.2) {
                        let body = rng.pick(REVIEW_BODIES).replace("{}", &nouns[*p]);
                        reviews.push(&[
                            rng.id(),
                            user_ids[u].clone(),
                            product_ids[*p].clone(),
                            id.clone(),
                            (1 + rng.below(5)).to_string(),
                            "A review".into(),
                            body,
                            format_ts(delivered + DAY),
                        ]);
                    }
                }
            }
        }
        order_ids.push(id);
        order_users.push(u);
    }

    // Tickets: a uniform order (or none), a uniform topic.
    let mut tickets = Table::new(
        "support_tickets",
        &[
            "ticket_id",
            "user_id",
            "order_id",
            "subject",
            "message",
            "created_at",
        ],
    );
    for _ in 0..3000 {
        let o = rng.below(ORDERS);
        let (subject, message) = rng.pick(TICKETS);
        let noun = format!("thing{}", letters(rng.below(10)));
        tickets.push(&[
            rng.id(),
            user_ids[order_users[o]].clone(),
            if rng.chance(0.8) {
                order_ids[o].clone()
            } else {
                String::new()
            },
            subject.to_string(),
            message.replace("{}", &noun),
            format_ts(rng.between(start, end)),
        ]);
    }

    // Wishlists: uniform users and products, two rows per user on average.
    let mut wishlists = Table::new(
        "wishlists",
        &["wishlist_id", "user_id", "product_id", "added_at"],
    );
    for _ in 0..2 * USERS {
        wishlists.push(&[
            rng.id(),
            rng.pick(&user_ids).clone(),
            rng.pick(&product_ids).clone(),
            format_ts(rng.between(start, end)),
        ]);
    }

    // Notifications: uniform kinds, orders, channels; half read.
    let kinds = [
        "order_confirmed",
        "order_shipped",
        "order_delivered",
        "review_reminder",
        "refund_issued",
        "promotion",
        "price_drop",
        "account_security",
    ];
    let mut notifications = Table::new(
        "notifications",
        &[
            "notification_id",
            "user_id",
            "order_id",
            "kind",
            "channel",
            "created_at",
            "read_at",
        ],
    );
    for _ in 0..ORDERS {
        let o = rng.below(ORDERS);
        let sent = rng.between(start, end);
        notifications.push(&[
            rng.id(),
            user_ids[order_users[o]].clone(),
            order_ids[o].clone(),
            rng.pick(&kinds).to_string(),
            rng.pick(&["email", "push", "sms"]).to_string(),
            format_ts(sent),
            if rng.chance(0.5) {
                format_ts(sent + HOUR)
            } else {
                String::new()
            },
        ]);
    }

    for table in [
        users,
        categories,
        vendors,
        warehouses,
        products,
        inventory,
        promotions,
        orders,
        items,
        payments,
        shipping,
        returns,
        reviews,
        tickets,
        wishlists,
        notifications,
    ] {
        tables.insert(table.name.clone(), Arc::new(table));
    }
    tables
}

/// A short letter code for the k-th filler name: A, B, ... Z, BA, BB...
fn letters(mut k: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (k % 26) as u8);
        k /= 26;
        if k == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}
