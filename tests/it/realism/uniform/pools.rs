//! The controls' own generator and word pools: fixed, so the controls never change.

/// splitmix64: a small, fixed generator, so the controls never change.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.unit() * (hi - lo) as f64) as i64
    }

    pub fn id(&mut self) -> String {
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

pub fn money(x: f64) -> String {
    format!("{x:.2}")
}

pub const COUNTRIES: &[&str] = &["US", "GB", "CA", "AU", "DE", "FR"];
pub const DEPARTMENTS: &[&str] = &[
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
pub const SUBCATEGORY_NAMES: &[&str] = &[
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
pub const METHODS: &[&str] = &[
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
pub const REASONS: &[&str] = &[
    "wrong_size",
    "damaged_in_transit",
    "not_as_described",
    "changed_mind",
    "defective",
    "wrong_item_sent",
    "arrived_too_late",
];
pub const SHIPPING_METHODS: &[&str] = &["standard", "express", "overnight", "economy"];
pub const REVIEW_BODIES: &[&str] = &[
    "Really happy with the {}. Sturdy, well made and great looking.",
    "The {} is tasty and full of flavor.",
    "A gripping page-turner: the {} kept me up all night.",
    "The {} runs small, order a size up.",
    "Stopped working after a week. The {} needs a new battery.",
    "The {} arrived quickly and was exactly as described.",
    "Not worth it. The {} was disappointing.",
    "I wish there were more color options for the {}.",
];
pub const TICKETS: &[(&str, &str)] = &[
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
pub const PROMOTION_NAMES: &[&str] = &[
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

/// A short letter code for the k-th filler name: A, B, ... Z, BA, BB...
pub fn letters(mut k: usize) -> String {
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
