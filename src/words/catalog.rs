//! The product catalog's vocabulary: departments, their subcategories, brands and
//! sentences, with price and weight ranges that match what such goods really cost and
//! weigh, so that revenue and shipping figures look plausible to an analyst.

use super::reviews::ReviewKind;

pub struct Subcategory {
    pub name: &'static str,
    /// Product nouns that belong here ("Wireless Earbuds", "Over-Ear Headphones", ...), 5 to 8.
    pub nouns: &'static [Noun],
}

/// A kind of product, with what such a product really costs and weighs: a jump rope
/// and a set of dumbbells share a subcategory but not a price or a weight.
#[derive(Clone, Copy, Debug)]
pub struct Noun {
    pub name: &'static str,
    /// Realistic price range in cents, inclusive (earbuds 1999..=29999).
    pub price_cents: (i64, i64),
    /// Realistic shipping weight range in grams, inclusive.
    pub weight_grams: (u32, u32),
}

const fn noun(name: &'static str, price_cents: (i64, i64), weight_grams: (u32, u32)) -> Noun {
    Noun {
        name,
        price_cents,
        weight_grams,
    }
}

pub struct Department {
    pub name: &'static str,
    /// Three uppercase letters used as SKU prefix, unique across departments ("ELE").
    pub sku_prefix: &'static str,
    /// What kind of goods it sells, which decides what customers can complain about.
    pub goods: Goods,
    /// How its customers buy: seasons, quantities, reorders and returns.
    pub habits: Habits,
    /// Which sentences its reviews are written from.
    pub reviews: ReviewKind,
    /// Fictional but plausible brand names; real trademarks are avoided on purpose.
    pub brands: &'static [&'static str],
    /// Descriptors for product names outside third-level categories.
    pub adjectives: &'static [&'static str],
    /// Prefixes of third-level categories ("Organic" Snacks), 6 to 10. Each reads
    /// naturally before every subcategory name and every product noun of the
    /// department, since it is also the descriptor of the products filed below it.
    pub modifiers: &'static [&'static str],
    /// Description sentences that fit any product of the department, complete sentences ending with '.'.
    pub features: &'static [&'static str],
    pub subcategories: &'static [Subcategory],
}

/// How a department's goods sell. Lifts are extra demand, in per cent, at the peak of
/// a season (a smooth bump, so no month steps); the reasons' weights are in the order
/// of `RETURN_REASONS` (a late parcel's own reason comes on top, from the delivery).
#[derive(Clone, Copy, Debug)]
pub struct Habits {
    /// Its share of the shop's lines, relative.
    pub share: u32,
    /// Extra demand in the weeks before Christmas.
    pub holiday_lift: u32,
    /// Extra demand in high summer.
    pub summer_lift: u32,
    /// Extra demand in early January (resolutions, sales).
    pub january_lift: u32,
    /// Weights of a line's quantity, 1 to 6: consumables come by the several.
    pub quantity: [u32; 6],
    /// Lines that are one of the customer's staples, bought again and again, per mille.
    pub reorder_per_mille: u32,
    /// Delivered items sent back, per mille.
    pub return_per_mille: u32,
    /// Why its items come back, in `RETURN_REASONS` order.
    pub reasons: [u32; 6],
    /// Whether its goods come in sizes, so that a size can be wrong.
    pub sized: bool,
}

/// Why items come back, as the returns file writes it; the weights of `Habits`
/// follow this order. `arrived_too_late` is decided by the delivery, not the goods.
pub const RETURN_REASONS: [&str; 6] = [
    "wrong_size",
    "damaged_in_transit",
    "not_as_described",
    "changed_mind",
    "defective",
    "wrong_item_sent",
];

/// The kind of goods a department sells. Support tickets about a product only raise
/// issues that its kind can have: rolled oats do not stop working, a novel carries no
/// warranty and disinfecting wipes come in no size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goods {
    /// Powered devices: they can stop working, need setting up and carry a warranty.
    Devices,
    /// Sports gear and toys: assembled, with parts and instructions, some with a warranty.
    Equipment,
    /// Cookware, bedding and decor: lasting goods bought by look and size.
    Housewares,
    /// Clothes and shoes, bought by size and colour.
    Apparel,
    /// Printed books: misprints and editions.
    Books,
    /// Food and cosmetics, used up: a best-before date and a seal.
    Consumables,
    /// Departments too varied for any of the above (pet food next to dog crates), so
    /// their products only draw issues that fit every kind.
    Mixed,
}

impl Goods {
    pub const ALL: &[Goods] = &[
        Goods::Devices,
        Goods::Equipment,
        Goods::Housewares,
        Goods::Apparel,
        Goods::Books,
        Goods::Consumables,
        Goods::Mixed,
    ];
}

/// Exactly 10 departments (generate::demand sizes its tables by that): Electronics, Home & Kitchen, Clothing, Sports & Outdoors,
/// Beauty & Personal Care, Books, Toys & Games, Grocery & Gourmet, Health & Household, Pet Supplies.
pub static DEPARTMENTS: &[Department] = &[
    Department {
        name: "Electronics",
        sku_prefix: "ELE",
        goods: Goods::Devices,
        reviews: ReviewKind::Devices,
        habits: Habits {
            share: 12,
            holiday_lift: 80,
            summer_lift: 0,
            january_lift: 0,
            quantity: [96, 3, 1, 0, 0, 0],
            reorder_per_mille: 20,
            return_per_mille: 80,
            reasons: [0, 15, 20, 25, 30, 10],
            sized: false,
        },
        brands: &[
            "Voltix",
            "Aurelia Audio",
            "Nexora",
            "Lumatek",
            "Corvane",
            "Brightwell Labs",
            "Kinetra",
            "Solvane",
            "Quillon",
            "Vantrel",
            "Orbisound",
            "Halden Digital",
        ],
        adjectives: &[
            "Wireless",
            "Compact",
            "Pro",
            "Smart",
            "Portable",
            "Ultra-Slim",
            "Rechargeable",
            "High-Performance",
            "Bluetooth",
            "Premium",
            "Lite",
            "Essential",
        ],
        modifiers: &[
            "Premium",
            "Editor's Choice",
            "Top-Rated",
            "Best-Selling",
            "Award-Winning",
            "Essential",
            "Eco-Friendly",
        ],
        features: &[
            "Backed by a two-year limited warranty.",
            "Sets up in minutes straight out of the box.",
            "Energy-efficient design keeps power consumption low.",
            "Firmware updates add features and improve performance over time.",
            "Durable housing resists scratches and everyday wear.",
            "Tested for reliability over thousands of hours of use.",
            "Compatible with most major devices and operating systems.",
            "Includes a quick start guide and all essential accessories.",
            "Ships in recyclable packaging with minimal plastic.",
            "Supported by a friendly customer care team seven days a week.",
            "Certified to meet FCC and CE safety standards.",
            "Clean, minimalist design that fits any desk or room.",
        ],
        subcategories: &[
            Subcategory {
                name: "Headphones",
                nouns: &[
                    noun("Wireless Earbuds", (1999, 29999), (60, 250)),
                    noun("Over-Ear Headphones", (2999, 54999), (250, 900)),
                    noun("On-Ear Headphones", (1999, 24999), (180, 600)),
                    noun("Sport Earphones", (1499, 17999), (50, 250)),
                    noun("Gaming Headset", (2499, 29999), (300, 1000)),
                    noun("Noise-Cancelling Headphones", (7999, 54999), (250, 900)),
                    noun("Kids' Headphones", (1299, 4999), (150, 400)),
                ],
            },
            Subcategory {
                name: "Phone Accessories",
                nouns: &[
                    noun("Phone Case", (999, 5999), (30, 150)),
                    noun("Screen Protector", (799, 3999), (20, 100)),
                    noun("Wireless Charger", (1499, 7999), (80, 400)),
                    noun("Car Phone Mount", (999, 4999), (80, 350)),
                    noun("Power Bank", (1999, 9999), (150, 600)),
                    noun("USB-C Charging Cable", (799, 2999), (30, 150)),
                    noun("Wall Charger", (999, 5999), (50, 250)),
                ],
            },
            Subcategory {
                name: "Computers & Tablets",
                nouns: &[
                    noun("Laptop", (39999, 249999), (1500, 3500)),
                    noun("Tablet", (12999, 129999), (500, 1200)),
                    noun("Chromebook", (17999, 59999), (1300, 2500)),
                    noun("Desktop Computer", (49999, 299999), (6000, 15000)),
                    noun("2-in-1 Laptop", (49999, 199999), (1300, 2800)),
                    noun("Mini PC", (19999, 89999), (500, 2000)),
                ],
            },
            Subcategory {
                name: "Computer Accessories",
                nouns: &[
                    noun("Wireless Mouse", (999, 9999), (80, 250)),
                    noun("Mechanical Keyboard", (4999, 24999), (700, 1800)),
                    noun("USB-C Hub", (1999, 7999), (80, 300)),
                    noun("Laptop Stand", (1999, 7999), (500, 2000)),
                    noun("Webcam", (2999, 19999), (150, 500)),
                    noun("External SSD", (5999, 34999), (60, 250)),
                    noun("Computer Monitor", (12999, 99999), (3500, 12000)),
                    noun("Desk Mat", (1299, 4999), (300, 1200)),
                ],
            },
            Subcategory {
                name: "TV & Home Theater",
                nouns: &[
                    noun("4K Smart TV", (24999, 199999), (8000, 35000)),
                    noun("Soundbar", (9999, 89999), (2000, 9000)),
                    noun("Streaming Media Player", (2999, 19999), (150, 600)),
                    noun("Projector", (14999, 149999), (1500, 8000)),
                    noun("Home Theater System", (29999, 199999), (8000, 30000)),
                    noun("TV Wall Mount", (2499, 12999), (1500, 9000)),
                ],
            },
            Subcategory {
                name: "Cameras",
                nouns: &[
                    noun("Mirrorless Camera", (49999, 249999), (600, 2000)),
                    noun("Action Camera", (9999, 49999), (150, 600)),
                    noun("Dash Cam", (4999, 24999), (150, 500)),
                    noun("Security Camera", (2999, 19999), (200, 900)),
                    noun("Instant Camera", (5999, 19999), (400, 900)),
                    noun("Camera Tripod", (1999, 19999), (600, 3000)),
                    noun("Video Doorbell", (4999, 24999), (300, 900)),
                ],
            },
        ],
    },
    Department {
        name: "Home & Kitchen",
        sku_prefix: "HOM",
        goods: Goods::Housewares,
        reviews: ReviewKind::Housewares,
        habits: Habits {
            share: 14,
            holiday_lift: 40,
            summer_lift: 5,
            january_lift: 10,
            quantity: [85, 10, 3, 1, 1, 0],
            reorder_per_mille: 40,
            return_per_mille: 70,
            reasons: [0, 25, 25, 30, 12, 8],
            sized: false,
        },
        brands: &[
            "Hearthline",
            "Maison Verre",
            "Copperleaf Home",
            "Bramblewood",
            "Ovenry",
            "Larchmont Living",
            "Saltmarsh Kitchen",
            "Tidewell",
            "Nordhaven",
            "Alder & Oak",
            "Greystone Home",
            "Wickham & Rowe",
        ],
        adjectives: &[
            "Classic",
            "Modern",
            "Deluxe",
            "Essential",
            "Heavy-Duty",
            "Compact",
            "Farmhouse",
            "Minimalist",
            "Premium",
            "Everyday",
            "Artisan",
            "Signature",
        ],
        modifiers: &[
            "Modern",
            "Farmhouse",
            "Classic",
            "Luxury",
            "Eco-Friendly",
            "Minimalist",
            "Everyday",
            "Designer",
        ],
        features: &[
            "Built to hold up to daily use for years.",
            "Easy to clean and quick to care for.",
            "Timeless design that suits any kitchen or living space.",
            "Materials that touch food are BPA-free and food-safe.",
            "Thoughtfully sized to save space in smaller homes.",
            "Makes a welcome housewarming or wedding gift.",
            "Backed by a one-year satisfaction guarantee.",
            "Designed in-house and tested in real home kitchens and living rooms.",
            "Arrives in gift-ready, recyclable packaging.",
            "Pairs well with other pieces from the same collection.",
            "Free returns within 30 days if it does not suit your home.",
        ],
        subcategories: &[
            Subcategory {
                name: "Cookware",
                nouns: &[
                    noun("Frying Pan", (1999, 14999), (700, 2500)),
                    noun("Saucepan", (1999, 12999), (700, 2200)),
                    noun("Dutch Oven", (3999, 39999), (3500, 7500)),
                    noun("Stockpot", (2499, 14999), (1200, 4500)),
                    noun("Cookware Set", (7999, 59999), (4000, 16000)),
                    noun("Cast Iron Skillet", (1999, 9999), (2000, 5000)),
                    noun("Wok", (1999, 11999), (1000, 3000)),
                ],
            },
            Subcategory {
                name: "Small Appliances",
                nouns: &[
                    noun("Coffee Maker", (2999, 29999), (1800, 6000)),
                    noun("Blender", (2999, 49999), (2000, 7000)),
                    noun("Air Fryer", (4999, 24999), (3500, 9000)),
                    noun("Electric Kettle", (1999, 12999), (900, 2200)),
                    noun("Toaster", (1999, 14999), (1300, 4500)),
                    noun("Stand Mixer", (9999, 59999), (5000, 13000)),
                    noun("Slow Cooker", (2999, 11999), (3000, 7500)),
                    noun("Espresso Machine", (7999, 99999), (3500, 14000)),
                ],
            },
            Subcategory {
                name: "Kitchen Utensils & Gadgets",
                nouns: &[
                    noun("Chef's Knife", (1999, 19999), (200, 600)),
                    noun("Cutting Board", (1299, 7999), (400, 3500)),
                    noun("Measuring Cup Set", (799, 2999), (150, 700)),
                    noun("Silicone Spatula Set", (899, 2999), (150, 500)),
                    noun("Vegetable Peeler", (499, 1999), (40, 200)),
                    noun("Kitchen Scale", (1299, 4999), (300, 1200)),
                    noun("Can Opener", (799, 3999), (150, 700)),
                ],
            },
            Subcategory {
                name: "Bedding",
                nouns: &[
                    noun("Sheet Set", (2999, 24999), (900, 3000)),
                    noun("Duvet Cover", (2999, 19999), (700, 2500)),
                    noun("Down Alternative Comforter", (3999, 19999), (2000, 5500)),
                    noun("Bed Pillow", (1999, 12999), (700, 2500)),
                    noun("Weighted Blanket", (4999, 24999), (5000, 12000)),
                    noun("Mattress Topper", (4999, 29999), (2500, 11000)),
                ],
            },
            Subcategory {
                name: "Bath",
                nouns: &[
                    noun("Bath Towel Set", (2499, 11999), (1000, 4000)),
                    noun("Bath Mat", (999, 4999), (300, 2000)),
                    noun("Shower Curtain", (1299, 4999), (300, 1200)),
                    noun("Bathrobe", (2999, 12999), (700, 2200)),
                    noun("Hand Towel Set", (1299, 4999), (300, 1200)),
                    noun("Toothbrush Holder", (799, 2999), (150, 700)),
                ],
            },
            Subcategory {
                name: "Home Decor",
                nouns: &[
                    noun("Throw Pillow", (1499, 5999), (300, 1200)),
                    noun("Wall Mirror", (3999, 29999), (2000, 15000)),
                    noun("Table Lamp", (2499, 19999), (1200, 5000)),
                    noun("Picture Frame", (899, 4999), (200, 1800)),
                    noun("Scented Candle", (999, 5999), (200, 1200)),
                    noun("Area Rug", (4999, 49999), (2500, 20000)),
                    noun("Ceramic Vase", (1499, 9999), (500, 3500)),
                ],
            },
        ],
    },
    Department {
        name: "Clothing",
        sku_prefix: "CLO",
        goods: Goods::Apparel,
        reviews: ReviewKind::Apparel,
        habits: Habits {
            share: 15,
            holiday_lift: 35,
            summer_lift: 10,
            january_lift: 0,
            quantity: [75, 15, 6, 2, 1, 1],
            reorder_per_mille: 60,
            return_per_mille: 240,
            reasons: [48, 4, 16, 22, 6, 4],
            sized: true,
        },
        brands: &[
            "Harlow & Finch",
            "Northline Apparel",
            "Juniper Row",
            "Cobalt Thread",
            "Wrenfield",
            "Marlowe Basics",
            "Fernbrook",
            "Oakhaven Outfitters",
            "Lark & Linen",
            "Stitchwell",
            "Bellamy Row",
            "Tern & Tide",
        ],
        adjectives: &[
            "Classic",
            "Slim-Fit",
            "Relaxed-Fit",
            "Organic Cotton",
            "Lightweight",
            "Everyday",
            "Vintage-Wash",
            "Essential",
            "Stretch",
            "Soft-Touch",
            "Heritage",
            "Modern",
        ],
        modifiers: &[
            "Designer",
            "Casual",
            "Sustainable",
            "Vintage",
            "Everyday",
            "Premium",
            "Weekend",
            "Limited Edition",
        ],
        features: &[
            "Machine washable in cold water; tumble dry low.",
            "Pre-shrunk fabric keeps its fit wash after wash.",
            "Reinforced seams for lasting durability.",
            "True to size; see the size chart for exact measurements.",
            "Breathable fabric keeps you comfortable all day.",
            "Colorfast dyes resist fading.",
            "Ethically made in independently audited factories.",
            "Free size exchanges within 30 days.",
            "Designed to layer easily with the rest of your wardrobe.",
            "Available in a range of sizes and seasonal colors.",
            "Made with a share of recycled fibers to reduce waste.",
        ],
        subcategories: &[
            Subcategory {
                name: "Men's Tops",
                nouns: &[
                    noun("Crew Neck T-Shirt", (999, 3999), (150, 300)),
                    noun("Oxford Shirt", (2999, 8999), (250, 450)),
                    noun("Polo Shirt", (1999, 6999), (200, 400)),
                    noun("Henley", (1999, 5999), (200, 400)),
                    noun("Flannel Shirt", (2499, 7999), (300, 600)),
                    noun("Hoodie", (2999, 8999), (500, 1000)),
                    noun("Quarter-Zip Pullover", (3499, 9999), (400, 800)),
                ],
            },
            Subcategory {
                name: "Women's Tops",
                nouns: &[
                    noun("V-Neck T-Shirt", (999, 3999), (120, 250)),
                    noun("Blouse", (1999, 7999), (150, 350)),
                    noun("Tank Top", (799, 2999), (80, 200)),
                    noun("Cardigan", (2999, 9999), (300, 700)),
                    noun("Tunic", (1999, 6999), (200, 450)),
                    noun("Wrap Top", (1999, 6999), (150, 350)),
                    noun("Cropped Sweater", (2499, 7999), (250, 600)),
                ],
            },
            Subcategory {
                name: "Pants & Jeans",
                nouns: &[
                    noun("Straight-Leg Jeans", (2999, 11999), (550, 900)),
                    noun("Chinos", (2999, 8999), (400, 700)),
                    noun("Joggers", (1999, 6999), (350, 650)),
                    noun("Leggings", (1499, 7999), (150, 350)),
                    noun("Cargo Pants", (2999, 8999), (450, 800)),
                    noun("Wide-Leg Trousers", (2999, 9999), (350, 700)),
                ],
            },
            Subcategory {
                name: "Dresses & Skirts",
                nouns: &[
                    noun("Midi Dress", (3499, 12999), (250, 600)),
                    noun("Maxi Dress", (3999, 14999), (300, 700)),
                    noun("Shirt Dress", (3499, 9999), (250, 550)),
                    noun("A-Line Skirt", (2499, 7999), (200, 450)),
                    noun("Pleated Skirt", (2499, 8999), (200, 450)),
                    noun("Sweater Dress", (3999, 12999), (450, 900)),
                ],
            },
            Subcategory {
                name: "Outerwear",
                nouns: &[
                    noun("Puffer Jacket", (5999, 29999), (600, 1500)),
                    noun("Rain Jacket", (3999, 19999), (300, 800)),
                    noun("Wool Coat", (7999, 39999), (1200, 2500)),
                    noun("Denim Jacket", (3999, 11999), (700, 1200)),
                    noun("Fleece Jacket", (2999, 9999), (400, 900)),
                    noun("Trench Coat", (7999, 29999), (900, 1800)),
                    noun("Parka", (9999, 49999), (1200, 2800)),
                ],
            },
            Subcategory {
                name: "Shoes",
                nouns: &[
                    noun("Running Shoes", (5999, 17999), (700, 1300)),
                    noun("Leather Sneakers", (5999, 19999), (900, 1600)),
                    noun("Chelsea Boots", (7999, 24999), (1200, 2200)),
                    noun("Loafers", (5999, 19999), (800, 1500)),
                    noun("Sandals", (1999, 8999), (300, 900)),
                    noun("Slippers", (1499, 5999), (300, 800)),
                    noun("Ankle Boots", (5999, 19999), (1000, 2000)),
                ],
            },
        ],
    },
    Department {
        name: "Sports & Outdoors",
        sku_prefix: "SPO",
        goods: Goods::Equipment,
        reviews: ReviewKind::Equipment,
        habits: Habits {
            share: 9,
            holiday_lift: 10,
            summer_lift: 45,
            january_lift: 25,
            quantity: [85, 10, 3, 1, 1, 0],
            reorder_per_mille: 40,
            return_per_mille: 110,
            reasons: [25, 10, 20, 25, 12, 8],
            sized: true,
        },
        brands: &[
            "Ridgeback Gear",
            "Trailwise",
            "Summitcraft",
            "Peakform",
            "Cedar Run",
            "Alpenglow Outdoor",
            "Iron Harbor Fitness",
            "Swiftwater",
            "Basecamp Co.",
            "Kinetic Edge",
            "Granite Peak Supply",
            "Longstride",
        ],
        adjectives: &[
            "Lightweight",
            "All-Weather",
            "Pro",
            "Ultralight",
            "Heavy-Duty",
            "Performance",
            "Adjustable",
            "Packable",
            "Trail-Ready",
            "Compact",
            "Rugged",
            "Competition",
        ],
        modifiers: &[
            "Pro",
            "Beginner",
            "Youth",
            "Premium",
            "Recreational",
            "Best-Selling",
            "Top-Rated",
        ],
        features: &[
            "Field-tested by experienced athletes and guides.",
            "Durable materials stand up to rough use outdoors.",
            "Lightweight design that is easy to carry and store.",
            "Rinse with fresh water after use to keep it in top condition.",
            "Covered by a lifetime warranty against manufacturing defects.",
            "Designed for beginners and seasoned enthusiasts alike.",
            "Sweat- and weather-resistant construction.",
            "Ergonomic design reduces strain during long sessions.",
            "A share of every sale supports trail maintenance and conservation groups.",
            "Meets or exceeds industry safety standards.",
            "Bright accent colors make it easy to spot in your gear bag.",
        ],
        subcategories: &[
            Subcategory {
                name: "Exercise & Fitness",
                nouns: &[
                    noun("Yoga Mat", (1999, 9999), (900, 2800)),
                    noun("Adjustable Dumbbells", (9999, 44999), (10000, 35000)),
                    noun("Resistance Bands", (999, 3999), (150, 800)),
                    noun("Kettlebell", (1999, 8999), (4000, 20000)),
                    noun("Jump Rope", (699, 2999), (100, 400)),
                    noun("Foam Roller", (1299, 4999), (300, 1200)),
                    noun("Pull-Up Bar", (1999, 6999), (1500, 5000)),
                ],
            },
            Subcategory {
                name: "Camping & Hiking",
                nouns: &[
                    noun("Backpacking Tent", (9999, 49999), (1000, 3500)),
                    noun("Sleeping Bag", (4999, 29999), (700, 2500)),
                    noun("Hiking Backpack", (5999, 29999), (800, 2500)),
                    noun("Camping Stove", (2999, 14999), (200, 2500)),
                    noun("Headlamp", (1499, 6999), (60, 250)),
                    noun("Trekking Poles", (2999, 14999), (400, 900)),
                    noun("Camp Chair", (2999, 12999), (900, 5000)),
                ],
            },
            Subcategory {
                name: "Cycling",
                nouns: &[
                    noun("Bike Helmet", (3999, 19999), (300, 800)),
                    noun("Bike Light Set", (1499, 7999), (100, 400)),
                    noun("Cycling Gloves", (1499, 4999), (60, 200)),
                    noun("Bike Lock", (1999, 9999), (400, 2500)),
                    noun("Floor Pump", (2499, 7999), (1000, 2500)),
                    noun("Saddle Bag", (1299, 4999), (100, 400)),
                    noun("Water Bottle Cage", (799, 2999), (30, 150)),
                ],
            },
            Subcategory {
                name: "Water Sports",
                nouns: &[
                    noun("Swim Goggles", (999, 3999), (50, 200)),
                    noun("Snorkel Set", (1999, 7999), (500, 1500)),
                    noun("Life Jacket", (2999, 12999), (500, 1500)),
                    noun("Inflatable Paddle Board", (24999, 89999), (8000, 15000)),
                    noun("Dry Bag", (1299, 4999), (150, 600)),
                    noun("Rash Guard", (1999, 5999), (150, 400)),
                ],
            },
            Subcategory {
                name: "Team Sports",
                nouns: &[
                    noun("Soccer Ball", (1499, 4999), (450, 700)),
                    noun("Basketball", (1999, 6999), (650, 900)),
                    noun("Baseball Glove", (2499, 14999), (500, 1200)),
                    noun("Shin Guards", (999, 3999), (150, 500)),
                    noun("Volleyball", (1499, 5999), (300, 500)),
                    noun("Training Cones", (999, 2999), (300, 1500)),
                    noun("Football", (1499, 5999), (450, 700)),
                ],
            },
            Subcategory {
                name: "Fishing",
                nouns: &[
                    noun("Spinning Rod", (2999, 19999), (300, 1500)),
                    noun("Fishing Reel", (2999, 19999), (250, 700)),
                    noun("Tackle Box", (1499, 5999), (500, 2500)),
                    noun("Fishing Line", (799, 2999), (50, 200)),
                    noun("Lure Kit", (1299, 4999), (150, 800)),
                    noun("Landing Net", (1999, 7999), (400, 1500)),
                ],
            },
        ],
    },
    Department {
        name: "Beauty & Personal Care",
        sku_prefix: "BEA",
        goods: Goods::Consumables,
        reviews: ReviewKind::PersonalCare,
        habits: Habits {
            share: 9,
            holiday_lift: 45,
            summer_lift: 0,
            january_lift: 0,
            quantity: [70, 18, 7, 3, 1, 1],
            reorder_per_mille: 350,
            return_per_mille: 40,
            reasons: [0, 30, 25, 25, 10, 10],
            sized: false,
        },
        brands: &[
            "Lumiere Botanics",
            "Velvetine",
            "Dewbloom",
            "Clarisse & Co.",
            "Pure Fern",
            "Solenne",
            "Rosewater Lab",
            "Amberlee",
            "Oriel Skin",
            "Marisol Beauty",
            "Sable & Silk",
            "Willowmere",
        ],
        adjectives: &[
            "Hydrating",
            "Gentle",
            "Fragrance-Free",
            "Nourishing",
            "Travel-Size",
            "Vegan",
            "Dermatologist-Tested",
            "Lightweight",
            "Long-Lasting",
            "Daily",
            "Soothing",
            "Radiance",
        ],
        modifiers: &[
            "Luxury",
            "Professional",
            "Travel-Size",
            "Cruelty-Free",
            "Vegan",
            "Best-Selling",
            "Top-Rated",
        ],
        features: &[
            "Made without parabens, phthalates or artificial dyes.",
            "Cruelty-free and never tested on animals.",
            "Dermatologist tested for use on sensitive skin.",
            "Made in small batches for freshness.",
            "Packaged in recyclable materials.",
            "Gentle enough for everyday use.",
            "Store in a cool, dry place away from direct sunlight.",
            "Travel-friendly packaging fits easily in a toiletry bag.",
            "Developed with input from professional stylists and estheticians.",
            "Patch test recommended before first use.",
            "Unopened products can be returned within 30 days.",
        ],
        subcategories: &[
            Subcategory {
                name: "Skin Care",
                nouns: &[
                    noun("Facial Moisturizer", (999, 6999), (80, 300)),
                    noun("Vitamin C Serum", (1299, 7999), (50, 200)),
                    noun("Gentle Cleanser", (799, 3999), (150, 500)),
                    noun("Sunscreen SPF 50", (899, 3999), (80, 300)),
                    noun("Eye Cream", (1299, 7999), (40, 150)),
                    noun("Night Cream", (1499, 8999), (80, 300)),
                    noun("Exfoliating Toner", (999, 4999), (150, 400)),
                ],
            },
            Subcategory {
                name: "Hair Care",
                nouns: &[
                    noun("Shampoo", (599, 3999), (250, 1100)),
                    noun("Conditioner", (599, 3999), (250, 1100)),
                    noun("Hair Mask", (999, 4999), (150, 500)),
                    noun("Leave-In Conditioner", (899, 3999), (150, 400)),
                    noun("Styling Cream", (899, 3499), (100, 300)),
                    noun("Dry Shampoo", (699, 2999), (150, 350)),
                    noun("Hair Oil", (999, 4999), (80, 250)),
                ],
            },
            Subcategory {
                name: "Makeup",
                nouns: &[
                    noun("Liquid Foundation", (899, 5999), (60, 200)),
                    noun("Mascara", (599, 3499), (20, 80)),
                    noun("Lipstick", (599, 4499), (20, 80)),
                    noun("Eyeshadow Palette", (999, 6999), (80, 350)),
                    noun("Concealer", (599, 3999), (20, 100)),
                    noun("Setting Powder", (799, 4999), (50, 200)),
                    noun("Brow Pencil", (499, 2999), (10, 50)),
                ],
            },
            Subcategory {
                name: "Fragrance",
                nouns: &[
                    noun("Eau de Parfum", (3999, 19999), (150, 600)),
                    noun("Eau de Toilette", (2999, 12999), (150, 600)),
                    noun("Body Mist", (999, 3999), (150, 400)),
                    noun("Rollerball Perfume", (1499, 4999), (30, 100)),
                    noun("Cologne", (2999, 14999), (150, 600)),
                    noun("Fragrance Gift Set", (3999, 19999), (300, 900)),
                ],
            },
            Subcategory {
                name: "Bath & Body",
                nouns: &[
                    noun("Body Wash", (499, 2499), (300, 900)),
                    noun("Body Lotion", (599, 2999), (250, 800)),
                    noun("Bar Soap", (399, 1499), (100, 250)),
                    noun("Hand Cream", (499, 2999), (50, 200)),
                    noun("Body Scrub", (899, 3999), (200, 600)),
                    noun("Bath Bombs", (799, 3499), (200, 900)),
                    noun("Shower Oil", (999, 3999), (200, 600)),
                ],
            },
            Subcategory {
                name: "Shaving & Grooming",
                nouns: &[
                    noun("Safety Razor", (1999, 6999), (100, 400)),
                    noun("Shaving Cream", (499, 2499), (150, 400)),
                    noun("Beard Oil", (899, 3499), (50, 200)),
                    noun("Aftershave Balm", (899, 3999), (100, 300)),
                    noun("Shaving Brush", (1299, 6999), (60, 250)),
                    noun("Beard Balm", (899, 2999), (50, 200)),
                ],
            },
        ],
    },
    Department {
        name: "Books",
        sku_prefix: "BOO",
        goods: Goods::Books,
        reviews: ReviewKind::Books,
        habits: Habits {
            share: 8,
            holiday_lift: 50,
            summer_lift: 15,
            january_lift: 0,
            quantity: [88, 8, 3, 1, 0, 0],
            reorder_per_mille: 10,
            return_per_mille: 30,
            reasons: [0, 40, 15, 25, 5, 15],
            sized: false,
        },
        brands: &[
            "Harbor Lane Press",
            "Quillstone Books",
            "Bluefern Publishing",
            "Inkwell House",
            "Meridian Page",
            "Lanternlight Press",
            "Oakleaf Editions",
            "Silver Birch Books",
            "Crescent Moon Publishing",
            "Wayfarer Books",
            "Paperlark",
            "Eastmoor Press",
        ],
        adjectives: &[
            "Best-Selling",
            "Illustrated",
            "Revised",
            "Complete",
            "Annotated",
            "Collector's",
            "Pocket",
            "Updated",
            "Essential",
            "Award-Winning",
            "Hardcover",
            "Paperback",
        ],
        modifiers: &[
            "Best-Selling",
            "Classic",
            "New Release",
            "Award-Winning",
            "Staff Pick",
            "Signed",
            "Hardcover",
            "Paperback",
        ],
        features: &[
            "Printed on responsibly sourced, acid-free paper.",
            "Durable binding holds up to repeated reading.",
            "Praised by readers and reviewers alike.",
            "Shipped in protective packaging to prevent bent corners.",
            "A thoughtful gift for any book lover.",
            "Set in clear, easy-to-read type.",
            "Also available as an e-book and audiobook.",
            "Published in a new edition with a fresh cover design.",
            "Perfect for reading at home, on the commute or on vacation.",
            "Ships from our warehouse within one business day.",
            "Written by an author with a loyal following.",
        ],
        subcategories: &[
            Subcategory {
                name: "Fiction",
                nouns: &[
                    noun("Mystery Novel", (999, 2999), (250, 800)),
                    noun("Literary Novel", (1199, 2999), (250, 800)),
                    noun("Historical Novel", (1199, 2999), (300, 900)),
                    noun("Romance Novel", (799, 1999), (200, 600)),
                    noun("Science Fiction Novel", (999, 2999), (250, 900)),
                    noun("Fantasy Novel", (999, 3499), (300, 1200)),
                    noun("Thriller", (999, 2999), (250, 800)),
                ],
            },
            Subcategory {
                name: "Nonfiction",
                nouns: &[
                    noun("Biography", (1499, 3999), (400, 1200)),
                    noun("Memoir", (1299, 3499), (300, 900)),
                    noun("History Book", (1499, 4499), (400, 1400)),
                    noun("Popular Science Book", (1299, 3499), (300, 900)),
                    noun("True Crime Book", (1199, 2999), (300, 900)),
                    noun("Essay Collection", (1199, 2999), (250, 700)),
                ],
            },
            Subcategory {
                name: "Children's Books",
                nouns: &[
                    noun("Picture Book", (699, 1999), (200, 700)),
                    noun("Fairy Tale Collection", (1299, 3499), (400, 1500)),
                    noun("Early Reader", (399, 999), (80, 250)),
                    noun("Chapter Book", (599, 1499), (150, 450)),
                    noun("Activity Book", (499, 1499), (150, 500)),
                    noun("Bedtime Story Collection", (1299, 2999), (400, 1400)),
                ],
            },
            Subcategory {
                name: "Cookbooks",
                nouns: &[
                    noun("Baking Cookbook", (1999, 3999), (700, 1600)),
                    noun("Vegetarian Cookbook", (1799, 3499), (600, 1400)),
                    noun("Weeknight Dinners Cookbook", (1499, 3499), (600, 1400)),
                    noun("Slow Cooker Cookbook", (1299, 2999), (400, 1000)),
                    noun("Grilling Cookbook", (1799, 3499), (600, 1400)),
                    noun("Regional Cuisine Cookbook", (1999, 4499), (700, 1800)),
                ],
            },
            Subcategory {
                name: "Self-Help & Business",
                nouns: &[
                    noun("Productivity Guide", (1299, 2999), (250, 700)),
                    noun("Leadership Book", (1499, 3499), (300, 800)),
                    noun("Personal Finance Guide", (1299, 2999), (250, 700)),
                    noun("Mindfulness Workbook", (999, 2499), (250, 600)),
                    noun("Career Guide", (1199, 2799), (250, 700)),
                    noun("Habit-Building Guide", (1199, 2799), (250, 700)),
                ],
            },
            Subcategory {
                name: "Comics & Graphic Novels",
                nouns: &[
                    noun("Graphic Novel", (1499, 3999), (400, 1200)),
                    noun("Comic Collection", (1499, 4999), (400, 1500)),
                    noun("Manga Volume", (999, 1699), (150, 350)),
                    noun("Graphic Memoir", (1499, 3499), (400, 1000)),
                    noun("Illustrated Anthology", (1999, 4999), (600, 1800)),
                    noun("Comic Strip Treasury", (1499, 3999), (500, 1500)),
                ],
            },
        ],
    },
    Department {
        name: "Toys & Games",
        sku_prefix: "TOY",
        goods: Goods::Equipment,
        reviews: ReviewKind::Equipment,
        habits: Habits {
            share: 7,
            holiday_lift: 350,
            summer_lift: 0,
            january_lift: 0,
            quantity: [85, 10, 3, 1, 1, 0],
            reorder_per_mille: 20,
            return_per_mille: 70,
            reasons: [0, 25, 20, 30, 15, 10],
            sized: false,
        },
        brands: &[
            "Bumblebrook",
            "Tinker Tree Toys",
            "Playwell Junction",
            "Marble Fox",
            "Kiddoworks",
            "Little Lantern",
            "Puzzleworth",
            "Snapdragon Games",
            "Hopscotch Lane",
            "Maplewood Toy Co.",
            "Brightbloc",
            "Pebble & Pine",
        ],
        adjectives: &[
            "Classic",
            "Deluxe",
            "Mini",
            "Wooden",
            "Educational",
            "Interactive",
            "Family",
            "Travel",
            "Colorful",
            "Collector's",
            "Jumbo",
            "Starter",
        ],
        modifiers: &[
            "Award-Winning",
            "Best-Selling",
            "Classic",
            "Eco-Friendly",
            "Top-Rated",
            "Deluxe",
        ],
        features: &[
            "Meets ASTM F963 toy safety standards.",
            "Made with non-toxic, child-safe materials.",
            "Encourages creativity, problem-solving and imaginative play.",
            "Makes a great birthday or holiday gift.",
            "Sturdy construction stands up to enthusiastic play.",
            "Comes in gift-ready packaging.",
            "Easy-to-follow instructions included.",
            "Wipe clean with a damp cloth.",
            "Designed and tested with child development experts.",
            "Encourages screen-free play for kids and grown-ups alike.",
            "Check the age recommendation on the box before purchase.",
        ],
        subcategories: &[
            Subcategory {
                name: "Building Sets",
                nouns: &[
                    noun("Building Block Set", (1999, 14999), (500, 3500)),
                    noun("Magnetic Tiles", (2999, 9999), (800, 3500)),
                    noun("Marble Run", (1999, 7999), (700, 3000)),
                    noun("Construction Set", (2499, 11999), (600, 3500)),
                    noun("Wooden Blocks", (1499, 5999), (800, 3500)),
                    noun("Brick Starter Kit", (999, 3999), (300, 1200)),
                ],
            },
            Subcategory {
                name: "Board Games",
                nouns: &[
                    noun("Strategy Board Game", (2999, 7999), (900, 2500)),
                    noun("Party Game", (1499, 3999), (300, 1200)),
                    noun("Cooperative Board Game", (2499, 6999), (800, 2200)),
                    noun("Card Game", (799, 2499), (100, 500)),
                    noun("Trivia Game", (1499, 3999), (400, 1200)),
                    noun("Chess Set", (1499, 14999), (500, 3500)),
                    noun("Word Game", (1299, 3499), (300, 1200)),
                ],
            },
            Subcategory {
                name: "Puzzles",
                nouns: &[
                    noun("1000-Piece Jigsaw Puzzle", (1499, 3999), (500, 1100)),
                    noun("500-Piece Jigsaw Puzzle", (999, 2999), (350, 800)),
                    noun("Floor Puzzle", (1299, 3499), (500, 1500)),
                    noun("3D Puzzle", (1499, 4999), (300, 1500)),
                    noun("Brain Teaser Set", (999, 2999), (150, 600)),
                    noun("Wooden Puzzle", (999, 3499), (200, 1000)),
                ],
            },
            Subcategory {
                name: "Dolls & Action Figures",
                nouns: &[
                    noun("Fashion Doll", (999, 3999), (200, 600)),
                    noun("Action Figure", (999, 3999), (150, 500)),
                    noun("Baby Doll", (1499, 4999), (400, 1200)),
                    noun("Dollhouse", (4999, 19999), (3500, 12000)),
                    noun("Figure Playset", (1999, 7999), (500, 2500)),
                    noun("Doll Clothing Set", (799, 2499), (100, 400)),
                ],
            },
            Subcategory {
                name: "Outdoor Play",
                nouns: &[
                    noun("Kick Scooter", (2999, 12999), (2000, 5000)),
                    noun("Water Blaster", (799, 2999), (200, 900)),
                    noun("Bubble Machine", (1499, 4999), (500, 1500)),
                    noun("Sandbox Toy Set", (999, 2999), (400, 1500)),
                    noun("Kite", (999, 3999), (150, 600)),
                    noun("Balance Bike", (4999, 14999), (2500, 6000)),
                    noun("Sidewalk Chalk Set", (499, 1999), (300, 1500)),
                ],
            },
            Subcategory {
                name: "Plush & Baby Toys",
                nouns: &[
                    noun("Plush Teddy Bear", (999, 4999), (150, 1200)),
                    noun("Stuffed Animal", (799, 3999), (100, 900)),
                    noun("Stacking Rings", (699, 1999), (150, 500)),
                    noun("Activity Cube", (1999, 5999), (800, 3000)),
                    noun("Teething Toy", (499, 1499), (40, 200)),
                    noun("Crib Mobile", (1999, 5999), (300, 1200)),
                ],
            },
        ],
    },
    Department {
        name: "Grocery & Gourmet",
        sku_prefix: "GRO",
        goods: Goods::Consumables,
        reviews: ReviewKind::Food,
        habits: Habits {
            share: 11,
            holiday_lift: 0,
            summer_lift: 0,
            january_lift: 0,
            quantity: [45, 25, 12, 8, 5, 5],
            reorder_per_mille: 600,
            return_per_mille: 15,
            reasons: [0, 45, 20, 10, 15, 10],
            sized: false,
        },
        brands: &[
            "Harvest Table",
            "Golden Acre",
            "Farmstead Pantry",
            "Olive & Ember",
            "Sunny Hollow",
            "Wildflower Honey Co.",
            "Millstone Provisions",
            "Bluebell Creek",
            "Redwood Roasters",
            "Coastal Kitchen Co.",
            "Prairie Gold",
            "Brightmeadow",
        ],
        adjectives: &[
            "Organic",
            "Artisan",
            "Small-Batch",
            "Family-Size",
            "Gluten-Free",
            "Non-GMO",
            "Gourmet",
            "Premium",
            "Natural",
            "Classic",
            "Fair Trade",
            "Value Pack",
        ],
        modifiers: &[
            "Organic",
            "Gourmet",
            "Artisan",
            "Non-GMO",
            "Kosher",
            "Small-Batch",
            "Gluten-Free",
            "Fair Trade",
        ],
        features: &[
            "Made with simple, recognizable ingredients.",
            "Packed fresh and sealed for lasting flavor.",
            "Check the label for storage instructions and the best-by date.",
            "Produced in a facility that also handles nuts, wheat, milk and soy.",
            "No artificial colors or flavors.",
            "Sourced from family farms and trusted growers.",
            "Ships in insulated packaging when the weather is warm.",
            "A pantry staple for quick, everyday meals.",
            "Loved by home cooks and professional chefs alike.",
            "Every batch is quality tested for taste and freshness.",
            "Subscribe and save to keep your pantry stocked.",
        ],
        subcategories: &[
            Subcategory {
                name: "Coffee & Tea",
                nouns: &[
                    noun("Whole Bean Coffee", (899, 3499), (300, 1200)),
                    noun("Ground Coffee", (699, 2499), (300, 1200)),
                    noun("Coffee Pods", (999, 4999), (250, 1200)),
                    noun("Green Tea", (399, 1999), (50, 400)),
                    noun("Black Tea", (399, 1999), (50, 400)),
                    noun("Herbal Tea Sampler", (999, 2999), (100, 500)),
                    noun("Cold Brew Concentrate", (899, 2499), (600, 1400)),
                ],
            },
            Subcategory {
                name: "Snacks",
                nouns: &[
                    noun("Trail Mix", (499, 1999), (250, 1200)),
                    noun("Kettle Chips", (299, 999), (150, 450)),
                    noun("Granola Bars", (399, 1499), (200, 700)),
                    noun("Roasted Almonds", (699, 2499), (300, 1200)),
                    noun("Dark Chocolate Bar", (299, 799), (80, 150)),
                    noun("Popcorn", (299, 1199), (100, 700)),
                    noun("Beef Jerky", (599, 2499), (80, 500)),
                ],
            },
            Subcategory {
                name: "Pantry Staples",
                nouns: &[
                    noun("Extra Virgin Olive Oil", (899, 3999), (600, 3300)),
                    noun("Basmati Rice", (399, 2499), (1000, 4700)),
                    noun("Dried Pasta", (199, 799), (500, 1200)),
                    noun("Marinara Sauce", (399, 1299), (700, 1200)),
                    noun("All-Purpose Flour", (349, 1299), (1000, 4700)),
                    noun("Rolled Oats", (349, 1299), (500, 1600)),
                    noun("Canned Chickpeas", (149, 499), (450, 900)),
                ],
            },
            Subcategory {
                name: "Spices & Seasonings",
                nouns: &[
                    noun("Sea Salt", (299, 1299), (150, 1100)),
                    noun("Black Peppercorns", (499, 1999), (80, 500)),
                    noun("Smoked Paprika", (399, 1299), (60, 250)),
                    noun("Taco Seasoning", (199, 799), (40, 250)),
                    noun("Ground Cinnamon", (299, 1199), (60, 300)),
                    noun("Spice Gift Set", (1999, 4999), (500, 1500)),
                    noun("Garlic Powder", (299, 1199), (60, 350)),
                ],
            },
            Subcategory {
                name: "Breakfast",
                nouns: &[
                    noun("Granola", (499, 1499), (350, 1000)),
                    noun("Maple Syrup", (799, 2999), (300, 1500)),
                    noun("Pancake Mix", (349, 999), (500, 1200)),
                    noun("Raw Honey", (699, 2499), (400, 1500)),
                    noun("Strawberry Jam", (349, 999), (350, 600)),
                    noun("Breakfast Cereal", (349, 899), (300, 900)),
                    noun("Peanut Butter", (349, 1299), (450, 1300)),
                ],
            },
            Subcategory {
                name: "Beverages",
                nouns: &[
                    noun("Sparkling Water", (499, 1999), (3000, 9000)),
                    noun("Orange Juice", (349, 999), (1000, 2000)),
                    noun("Hot Cocoa Mix", (399, 1499), (300, 1000)),
                    noun("Coconut Water", (499, 2999), (1000, 6000)),
                    noun("Lemonade", (299, 999), (1000, 2500)),
                    noun("Kombucha", (399, 2999), (500, 6000)),
                ],
            },
        ],
    },
    Department {
        name: "Health & Household",
        sku_prefix: "HEA",
        goods: Goods::Mixed,
        reviews: ReviewKind::PersonalCare,
        habits: Habits {
            share: 9,
            holiday_lift: 0,
            summer_lift: 0,
            january_lift: 30,
            quantity: [55, 22, 10, 6, 4, 3],
            reorder_per_mille: 450,
            return_per_mille: 25,
            reasons: [0, 35, 20, 15, 20, 10],
            sized: false,
        },
        brands: &[
            "Clearwell",
            "Greenway Home",
            "Trueleaf Wellness",
            "Brightwater Basics",
            "Hollis Health",
            "Sprucewell",
            "Calmora",
            "Meadowlark Essentials",
            "Keystone Care",
            "Silverline Home",
            "Tidy Crest",
            "Linden Labs",
        ],
        adjectives: &[
            "Unscented",
            "Value Size",
            "Everyday",
            "Family-Size",
            "Eco-Friendly",
            "Concentrated",
            "Travel",
            "Refill",
            "Advanced",
            "Gentle",
            "Plant-Based",
            "Multi-Pack",
        ],
        modifiers: &[
            "Everyday",
            "Premium",
            "Eco-Friendly",
            "Best-Selling",
            "Top-Rated",
            "Family",
        ],
        features: &[
            "Trusted by families for everyday use.",
            "Packaged in recyclable materials.",
            "Keep out of reach of children.",
            "Subscribe and save so you never run out.",
            "Clear, easy-to-follow directions on every label.",
            "Independently tested for quality and purity.",
            "Free from unnecessary dyes.",
            "Bulk packaging lowers the cost per use.",
            "Made in the USA from domestic and imported materials.",
            "Satisfaction guaranteed or your money back.",
            "Store in a cool, dry place.",
        ],
        subcategories: &[
            Subcategory {
                name: "Vitamins & Supplements",
                nouns: &[
                    noun("Multivitamin Gummies", (899, 2999), (150, 500)),
                    noun("Vitamin D3 Softgels", (599, 1999), (60, 250)),
                    noun("Fish Oil Capsules", (999, 3499), (150, 500)),
                    noun("Magnesium Tablets", (799, 2499), (100, 400)),
                    noun("Probiotic Capsules", (1499, 4999), (60, 250)),
                    noun("Collagen Powder", (1999, 4999), (300, 900)),
                    noun("Electrolyte Powder", (1299, 3999), (200, 800)),
                ],
            },
            Subcategory {
                name: "First Aid",
                nouns: &[
                    noun("First Aid Kit", (1499, 5999), (300, 1500)),
                    noun("Adhesive Bandages", (299, 1299), (40, 200)),
                    noun("Digital Thermometer", (799, 3999), (40, 200)),
                    noun("Elastic Bandage", (399, 1299), (50, 200)),
                    noun("Instant Cold Pack", (399, 1499), (150, 600)),
                    noun("Antiseptic Wipes", (399, 1299), (80, 400)),
                ],
            },
            Subcategory {
                name: "Household Cleaning",
                nouns: &[
                    noun("All-Purpose Cleaner", (299, 1299), (600, 1200)),
                    noun("Dish Soap", (299, 1299), (500, 1400)),
                    noun("Laundry Detergent Pods", (999, 3499), (800, 2500)),
                    noun("Microfiber Cloths", (799, 2499), (150, 600)),
                    noun("Disinfecting Wipes", (399, 1999), (400, 2000)),
                    noun("Glass Cleaner", (299, 999), (600, 1100)),
                    noun("Dishwasher Tablets", (899, 2999), (700, 2500)),
                ],
            },
            Subcategory {
                name: "Paper & Plastic",
                nouns: &[
                    noun("Paper Towels", (999, 3499), (1000, 4000)),
                    noun("Toilet Paper", (799, 3499), (1000, 4500)),
                    noun("Facial Tissues", (299, 1999), (200, 1500)),
                    noun("Trash Bags", (799, 2499), (500, 2500)),
                    noun("Food Storage Bags", (399, 1299), (150, 600)),
                    noun("Aluminum Foil", (399, 1499), (300, 1500)),
                ],
            },
            Subcategory {
                name: "Oral Care",
                nouns: &[
                    noun("Electric Toothbrush", (2999, 19999), (300, 900)),
                    noun("Whitening Toothpaste", (399, 1499), (100, 350)),
                    noun("Dental Floss", (199, 799), (20, 80)),
                    noun("Mouthwash", (399, 1299), (500, 1200)),
                    noun("Replacement Brush Heads", (999, 3999), (30, 150)),
                    noun("Water Flosser", (3999, 9999), (500, 1500)),
                ],
            },
            Subcategory {
                name: "Home Health Care",
                nouns: &[
                    noun("Blood Pressure Monitor", (2999, 8999), (400, 1000)),
                    noun("Pulse Oximeter", (1499, 4999), (60, 250)),
                    noun("Digital Bathroom Scale", (1999, 6999), (1200, 2500)),
                    noun("Heating Pad", (1999, 5999), (500, 1500)),
                    noun("Cool Mist Humidifier", (2999, 7999), (1000, 3500)),
                    noun("Weekly Pill Organizer", (499, 1499), (50, 250)),
                ],
            },
        ],
    },
    Department {
        name: "Pet Supplies",
        sku_prefix: "PET",
        goods: Goods::Mixed,
        reviews: ReviewKind::Pets,
        habits: Habits {
            share: 6,
            holiday_lift: 15,
            summer_lift: 0,
            january_lift: 0,
            quantity: [60, 20, 10, 5, 3, 2],
            reorder_per_mille: 500,
            return_per_mille: 40,
            reasons: [0, 30, 20, 25, 15, 10],
            sized: false,
        },
        brands: &[
            "Whisker & Wag",
            "Hound & Harbor",
            "Tailwind Pet",
            "Barkley Row",
            "Copper Collar",
            "Meadow Paws",
            "True North Pet",
            "Sable Creek Pet Co.",
            "Fetchworth",
            "Cozy Den",
            "Riverstone Pet",
            "Brindle & Bone",
        ],
        adjectives: &[
            "Durable",
            "Washable",
            "Premium",
            "Adjustable",
            "Natural",
            "Interactive",
            "Cozy",
            "Everyday",
            "Eco-Friendly",
            "Large-Breed",
            "Small-Breed",
            "Veterinarian-Approved",
        ],
        modifiers: &[
            "Premium",
            "Top-Rated",
            "Eco-Friendly",
            "Best-Selling",
            "Vet-Recommended",
            "Everyday",
        ],
        features: &[
            "Designed with input from veterinarians and trainers.",
            "Made with pet-safe, non-toxic materials.",
            "If your pet does not love it, we will make it right.",
            "A portion of every sale supports local animal shelters.",
            "Easy to clean and quick to care for.",
            "Shipped in plastic-free packaging.",
            "Quality checked by hand before it leaves our warehouse.",
            "Suitable for dogs and cats of every life stage unless the label says otherwise.",
            "Free returns within 30 days, even if opened.",
            "Trusted by pet parents across the country.",
            "Tested by our own team of dogs and cats.",
        ],
        subcategories: &[
            Subcategory {
                name: "Dog Food & Treats",
                nouns: &[
                    noun("Dry Dog Food", (1999, 8999), (1800, 15000)),
                    noun("Wet Dog Food", (1499, 4999), (1500, 6000)),
                    noun("Dental Chews", (999, 3999), (200, 1000)),
                    noun("Training Treats", (499, 1999), (100, 500)),
                    noun("Puppy Food", (1999, 7999), (1800, 13000)),
                    noun("Freeze-Dried Dog Treats", (999, 3499), (80, 400)),
                ],
            },
            Subcategory {
                name: "Cat Food & Treats",
                nouns: &[
                    noun("Dry Cat Food", (1299, 5999), (1000, 7000)),
                    noun("Wet Cat Food", (1299, 4999), (1000, 4000)),
                    noun("Crunchy Cat Treats", (299, 1299), (80, 450)),
                    noun("Kitten Food", (1299, 4999), (500, 3500)),
                    noun("Lickable Cat Treats", (499, 1999), (100, 500)),
                    noun("Grain-Free Cat Food", (1499, 5999), (1000, 5500)),
                ],
            },
            Subcategory {
                name: "Dog Toys",
                nouns: &[
                    noun("Rope Toy", (499, 1999), (100, 600)),
                    noun("Squeaky Plush Toy", (599, 1999), (80, 400)),
                    noun("Chew Toy", (599, 2499), (80, 500)),
                    noun("Fetch Ball Set", (799, 2499), (200, 700)),
                    noun("Puzzle Feeder", (1299, 3499), (300, 1200)),
                    noun("Tug Toy", (599, 1999), (100, 500)),
                ],
            },
            Subcategory {
                name: "Cat Toys & Furniture",
                nouns: &[
                    noun("Cat Tree", (4999, 19999), (6000, 25000)),
                    noun("Scratching Post", (1999, 5999), (1500, 5000)),
                    noun("Feather Wand", (399, 1299), (30, 150)),
                    noun("Cat Tunnel", (999, 2999), (300, 900)),
                    noun("Window Perch", (1999, 4999), (500, 2000)),
                    noun("Catnip Toys", (399, 1499), (30, 200)),
                ],
            },
            Subcategory {
                name: "Collars, Leashes & Harnesses",
                nouns: &[
                    noun("Nylon Collar", (699, 2499), (30, 150)),
                    noun("Leather Leash", (1499, 4999), (100, 400)),
                    noun("No-Pull Harness", (1999, 4999), (100, 500)),
                    noun("Retractable Leash", (1499, 4499), (200, 600)),
                    noun("Engraved ID Tag", (599, 1999), (10, 60)),
                    noun("Hands-Free Leash", (1499, 3999), (150, 500)),
                ],
            },
            Subcategory {
                name: "Beds & Crates",
                nouns: &[
                    noun("Orthopedic Dog Bed", (4999, 19999), (2000, 12000)),
                    noun("Calming Donut Bed", (2499, 8999), (800, 4000)),
                    noun("Wire Dog Crate", (3999, 14999), (6000, 25000)),
                    noun("Pet Carrier", (2499, 8999), (800, 3500)),
                    noun("Heated Pet Mat", (2499, 6999), (500, 2000)),
                    noun("Crate Cover", (1999, 5999), (400, 1500)),
                ],
            },
        ],
    },
];

/// Vendor name pieces: first words, combined with an ending into names like
/// "Northwind Trading Co.".
pub static VENDOR_FIRST_WORDS: &[&str] = &[
    "Northwind",
    "Bluebird",
    "Summit",
    "Pinecrest",
    "Harbor",
    "Keystone",
    "Riverside",
    "Lakeshore",
    "Ironwood",
    "Silverline",
    "Redwood",
    "Crescent",
    "Evergreen",
    "Granite",
    "Cedar Ridge",
    "Meridian",
    "Beacon",
    "Prairie",
    "Highland",
    "Oakmont",
    "Atlas",
    "Pioneer",
    "Frontier",
    "Cornerstone",
    "Bayview",
    "Stonebridge",
    "Maplewood",
    "Coastal",
    "Sterling",
    "Heritage",
    "Liberty",
    "Anchor",
    "Tri-State",
    "Westbrook",
    "Eastgate",
];

/// Company endings for vendor names.
pub static VENDOR_ENDINGS: &[&str] = &[
    "Trading Co.",
    "Supply",
    "Goods LLC",
    "Distributors",
    "Wholesale Inc.",
    "Imports",
    "Brands Inc.",
    "Supply Co.",
    "Merchandise Group",
    "Sourcing Ltd.",
    "Partners LLC",
    "Manufacturing",
    "Products Inc.",
    "Outfitters",
];

/// Campaign words for promotion codes and names ("SPRING", "SUMMER", "FLASH", "WELCOME",
/// "BACKTOSCHOOL", "HOLIDAY", "CYBER", "VIP", ... 15+), uppercase A-Z only.
pub static PROMO_WORDS: &[&str] = &[
    "SPRING",
    "SUMMER",
    "FALL",
    "WINTER",
    "FLASH",
    "WELCOME",
    "BACKTOSCHOOL",
    "HOLIDAY",
    "CYBER",
    "VIP",
    "BLACKFRIDAY",
    "NEWYEAR",
    "THANKYOU",
    "FREESHIP",
    "SAVE",
    "BUNDLE",
    "WEEKEND",
    "LOYALTY",
    "CLEARANCE",
    "MEMBER",
    "MOTHERSDAY",
    "FATHERSDAY",
    "BIRTHDAY",
    "REFER",
];

/// True when `a` and `b` share a word, compared case-insensitively and ignoring a
/// plural "s" ("Toys" and "Teething Toy"). Words are split at spaces and hyphens, so
/// "Smart" is found in "4K Smart TV" and "Pet" in "Veterinarian-Approved Pet Carrier".
pub fn shares_word(a: &str, b: &str) -> bool {
    words(a).any(|x| words(b).any(|y| x.eq_ignore_ascii_case(y)))
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '-'])
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .map(|w| match w.strip_suffix(['s', 'S']) {
            Some(stem) if stem.len() >= 3 => stem,
            _ => w,
        })
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn plain(s: &str) -> bool {
        !s.is_empty() && !s.chars().any(char::is_control) && s.trim() == s
    }

    #[test]
    fn ten_departments_of_six_subcategories() {
        let names: Vec<_> = DEPARTMENTS.iter().map(|d| d.name).collect();
        assert_eq!(
            names,
            [
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
            ]
        );
        for d in DEPARTMENTS {
            assert_eq!(d.subcategories.len(), 6, "{}", d.name);
        }
    }

    #[test]
    fn sku_prefixes_are_unique_uppercase_triples() {
        let mut seen = HashSet::new();
        for d in DEPARTMENTS {
            assert_eq!(d.sku_prefix.len(), 3, "{}", d.name);
            assert!(
                d.sku_prefix.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                d.name
            );
            assert!(seen.insert(d.sku_prefix), "duplicate {}", d.sku_prefix);
        }
    }

    #[test]
    fn every_noun_has_plausible_ranges() {
        for d in DEPARTMENTS {
            for s in d.subcategories {
                for n in s.nouns {
                    let (lo, hi) = n.price_cents;
                    // $0.99 to $5,000, and no wider than 1:20 so a noun is one kind of thing.
                    assert!(99 <= lo && lo <= hi && hi <= 500_000, "{} price", n.name);
                    assert!(hi <= lo * 20, "{} price range too wide", n.name);
                    // Shipping weights: 5 g to 40 kg.
                    let (lo, hi) = n.weight_grams;
                    assert!(5 <= lo && lo <= hi && hi <= 40_000, "{} weight", n.name);
                    assert!(hi <= lo * 20, "{} weight range too wide", n.name);
                }
            }
        }
    }

    #[test]
    fn nouns_of_one_department_differ_in_price() {
        // The point of per-noun ranges: a jump rope is not priced like dumbbells.
        let sports = &DEPARTMENTS[3].subcategories[0];
        let rope = sports.nouns.iter().find(|n| n.name == "Jump Rope").unwrap();
        let bells = sports
            .nouns
            .iter()
            .find(|n| n.name == "Adjustable Dumbbells")
            .unwrap();
        assert!(rope.price_cents.1 < bells.price_cents.0);
        assert!(rope.weight_grams.1 < bells.weight_grams.0);
    }

    #[test]
    fn modifiers_fit_every_noun_and_brand_of_their_department() {
        for d in DEPARTMENTS {
            assert!(
                (6..=10).contains(&d.modifiers.len()),
                "{} modifiers",
                d.name
            );
            let mut seen = HashSet::new();
            for m in d.modifiers {
                assert!(plain(m), "{m:?}");
                assert!(seen.insert(*m), "duplicate modifier {m}");
                for s in d.subcategories {
                    assert!(!shares_word(m, s.name), "{m} {}", s.name);
                    for n in s.nouns {
                        assert!(!shares_word(m, n.name), "{m} {}", n.name);
                    }
                }
                // A brand that fits is left for every noun below the modifier.
                for s in d.subcategories {
                    for n in s.nouns {
                        assert!(
                            d.brands
                                .iter()
                                .any(|b| !shares_word(b, n.name) && !shares_word(b, m)),
                            "no brand for {m} {}",
                            n.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn an_adjective_fits_every_brand_and_noun() {
        for d in DEPARTMENTS {
            for s in d.subcategories {
                for n in s.nouns {
                    for b in d.brands {
                        assert!(
                            d.adjectives
                                .iter()
                                .any(|a| !shares_word(a, n.name) && !shares_word(a, b)),
                            "no adjective for {b} {}",
                            n.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn shared_words_are_whole_words_in_any_case() {
        assert!(shares_word("Wireless", "Wireless Charger"));
        assert!(shares_word("smart", "4K Smart TV"));
        assert!(shares_word(
            "Riverstone Pet",
            "Veterinarian-Approved Pet Carrier"
        ));
        assert!(shares_word("Cozy Den", "Cozy"));
        assert!(shares_word("Tinker Tree Toys", "Teething Toy"));
        assert!(!shares_word("Pro", "Projector"));
        assert!(!shares_word("Gentle", "Gentleman's Razor"));
        assert!(!shares_word("Harbor Lane Press", "Mystery Novel"));
        assert!(!shares_word("Clarisse & Co.", "Eau de Parfum"));
    }

    #[test]
    fn lists_are_long_enough_and_plain() {
        let mut subcategory_names = HashSet::new();
        for d in DEPARTMENTS {
            assert!(d.brands.len() >= 10, "{} brands", d.name);
            assert!(d.adjectives.len() >= 10, "{} adjectives", d.name);
            assert!(d.features.len() >= 10, "{} features", d.name);
            for f in d.features {
                assert!(
                    f.ends_with('.') && f.starts_with(char::is_uppercase),
                    "{f:?}"
                );
            }
            for s in d.brands.iter().chain(d.adjectives).chain(d.features) {
                assert!(plain(s), "{s:?}");
            }
            for s in d.subcategories {
                assert!(plain(s.name));
                assert!(subcategory_names.insert(s.name), "duplicate {}", s.name);
                assert!((5..=8).contains(&s.nouns.len()), "{} nouns", s.name);
                for n in s.nouns {
                    assert!(plain(n.name), "{:?}", n.name);
                }
            }
        }
        assert!(VENDOR_FIRST_WORDS.len() >= 30);
        assert!(VENDOR_ENDINGS.len() >= 10);
        assert!(PROMO_WORDS.len() >= 15);
        for s in VENDOR_FIRST_WORDS.iter().chain(VENDOR_ENDINGS) {
            assert!(plain(s), "{s:?}");
        }
    }

    #[test]
    fn brands_are_unique_across_departments() {
        let mut seen = HashSet::new();
        for d in DEPARTMENTS {
            for b in d.brands {
                assert!(seen.insert(*b), "duplicate brand {b}");
            }
        }
    }

    #[test]
    fn promo_words_are_uppercase_letters() {
        let mut seen = HashSet::new();
        for w in PROMO_WORDS {
            assert!(
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_uppercase()),
                "{w}"
            );
            assert!(seen.insert(w), "duplicate {w}");
        }
    }
}
