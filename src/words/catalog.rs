//! The product catalog's vocabulary: departments, their subcategories, brands and
//! sentences, with price and weight ranges that match what such goods really cost and
//! weigh, so that revenue and shipping figures look plausible to an analyst.

pub struct Subcategory {
    pub name: &'static str,
    /// Product nouns that belong here ("Wireless Earbuds", "Over-Ear Headphones", ...), 5 to 8.
    pub nouns: &'static [&'static str],
    /// Realistic price range in cents, inclusive (earbuds 1999..=34999).
    pub price_cents: (i64, i64),
    /// Realistic shipping weight range in grams.
    pub weight_grams: (u32, u32),
}

pub struct Department {
    pub name: &'static str,
    /// Three uppercase letters used as SKU prefix, unique across departments ("ELE").
    pub sku_prefix: &'static str,
    /// Fictional but plausible brand names; real trademarks are avoided on purpose.
    pub brands: &'static [&'static str],
    pub adjectives: &'static [&'static str],
    /// Description sentences that fit any product of the department, complete sentences ending with '.'.
    pub features: &'static [&'static str],
    pub subcategories: &'static [Subcategory],
}

/// Exactly 10 departments: Electronics, Home & Kitchen, Clothing, Sports & Outdoors,
/// Beauty & Personal Care, Books, Toys & Games, Grocery & Gourmet, Health & Household, Pet Supplies.
pub static DEPARTMENTS: &[Department] = &[
    Department {
        name: "Electronics",
        sku_prefix: "ELE",
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
                    "Wireless Earbuds",
                    "Over-Ear Headphones",
                    "On-Ear Headphones",
                    "Sport Earphones",
                    "Gaming Headset",
                    "Noise-Cancelling Headphones",
                    "Kids' Headphones",
                ],
                price_cents: (1499, 39999),
                weight_grams: (40, 450),
            },
            Subcategory {
                name: "Phone Accessories",
                nouns: &[
                    "Phone Case",
                    "Screen Protector",
                    "Wireless Charger",
                    "Car Phone Mount",
                    "Power Bank",
                    "USB-C Charging Cable",
                    "Wall Charger",
                ],
                price_cents: (799, 7999),
                weight_grams: (20, 400),
            },
            Subcategory {
                name: "Computers & Tablets",
                nouns: &[
                    "Laptop",
                    "Tablet",
                    "Chromebook",
                    "Desktop Computer",
                    "2-in-1 Laptop",
                    "Mini PC",
                ],
                price_cents: (14999, 249999),
                weight_grams: (450, 9000),
            },
            Subcategory {
                name: "Computer Accessories",
                nouns: &[
                    "Wireless Mouse",
                    "Mechanical Keyboard",
                    "USB-C Hub",
                    "Laptop Stand",
                    "Webcam",
                    "External SSD",
                    "Computer Monitor",
                    "Desk Mat",
                ],
                price_cents: (999, 49999),
                weight_grams: (50, 6500),
            },
            Subcategory {
                name: "TV & Home Theater",
                nouns: &[
                    "4K Smart TV",
                    "Soundbar",
                    "Streaming Media Player",
                    "Projector",
                    "Home Theater System",
                    "TV Wall Mount",
                ],
                price_cents: (2999, 199999),
                weight_grams: (300, 25000),
            },
            Subcategory {
                name: "Cameras",
                nouns: &[
                    "Mirrorless Camera",
                    "Action Camera",
                    "Dash Cam",
                    "Security Camera",
                    "Instant Camera",
                    "Camera Tripod",
                    "Video Doorbell",
                ],
                price_cents: (2499, 249999),
                weight_grams: (80, 1800),
            },
        ],
    },
    Department {
        name: "Home & Kitchen",
        sku_prefix: "HOM",
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
                    "Frying Pan",
                    "Saucepan",
                    "Dutch Oven",
                    "Stockpot",
                    "Cookware Set",
                    "Cast Iron Skillet",
                    "Wok",
                ],
                price_cents: (1999, 39999),
                weight_grams: (700, 8000),
            },
            Subcategory {
                name: "Small Appliances",
                nouns: &[
                    "Coffee Maker",
                    "Blender",
                    "Air Fryer",
                    "Electric Kettle",
                    "Toaster",
                    "Stand Mixer",
                    "Slow Cooker",
                    "Espresso Machine",
                ],
                price_cents: (1999, 59999),
                weight_grams: (900, 11000),
            },
            Subcategory {
                name: "Kitchen Utensils & Gadgets",
                nouns: &[
                    "Chef's Knife",
                    "Cutting Board",
                    "Measuring Cup Set",
                    "Silicone Spatula Set",
                    "Vegetable Peeler",
                    "Kitchen Scale",
                    "Can Opener",
                ],
                price_cents: (499, 12999),
                weight_grams: (50, 1500),
            },
            Subcategory {
                name: "Bedding",
                nouns: &[
                    "Sheet Set",
                    "Duvet Cover",
                    "Down Alternative Comforter",
                    "Bed Pillow",
                    "Weighted Blanket",
                    "Mattress Topper",
                ],
                price_cents: (1999, 29999),
                weight_grams: (500, 9000),
            },
            Subcategory {
                name: "Bath",
                nouns: &[
                    "Bath Towel Set",
                    "Bath Mat",
                    "Shower Curtain",
                    "Bathrobe",
                    "Hand Towel Set",
                    "Toothbrush Holder",
                ],
                price_cents: (899, 8999),
                weight_grams: (150, 2500),
            },
            Subcategory {
                name: "Home Decor",
                nouns: &[
                    "Throw Pillow",
                    "Wall Mirror",
                    "Table Lamp",
                    "Picture Frame",
                    "Scented Candle",
                    "Area Rug",
                    "Ceramic Vase",
                ],
                price_cents: (999, 24999),
                weight_grams: (200, 12000),
            },
        ],
    },
    Department {
        name: "Clothing",
        sku_prefix: "CLO",
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
                    "Crew Neck T-Shirt",
                    "Oxford Shirt",
                    "Polo Shirt",
                    "Henley",
                    "Flannel Shirt",
                    "Hoodie",
                    "Quarter-Zip Pullover",
                ],
                price_cents: (1299, 6999),
                weight_grams: (150, 700),
            },
            Subcategory {
                name: "Women's Tops",
                nouns: &[
                    "V-Neck T-Shirt",
                    "Blouse",
                    "Tank Top",
                    "Cardigan",
                    "Tunic",
                    "Wrap Top",
                    "Cropped Sweater",
                ],
                price_cents: (1299, 7999),
                weight_grams: (100, 600),
            },
            Subcategory {
                name: "Pants & Jeans",
                nouns: &[
                    "Straight-Leg Jeans",
                    "Chinos",
                    "Joggers",
                    "Leggings",
                    "Cargo Pants",
                    "Wide-Leg Trousers",
                ],
                price_cents: (1999, 9999),
                weight_grams: (200, 900),
            },
            Subcategory {
                name: "Dresses & Skirts",
                nouns: &[
                    "Midi Dress",
                    "Maxi Dress",
                    "Shirt Dress",
                    "A-Line Skirt",
                    "Pleated Skirt",
                    "Sweater Dress",
                ],
                price_cents: (2499, 11999),
                weight_grams: (150, 800),
            },
            Subcategory {
                name: "Outerwear",
                nouns: &[
                    "Puffer Jacket",
                    "Rain Jacket",
                    "Wool Coat",
                    "Denim Jacket",
                    "Fleece Jacket",
                    "Trench Coat",
                    "Parka",
                ],
                price_cents: (3999, 24999),
                weight_grams: (350, 2500),
            },
            Subcategory {
                name: "Shoes",
                nouns: &[
                    "Running Shoes",
                    "Leather Sneakers",
                    "Chelsea Boots",
                    "Loafers",
                    "Sandals",
                    "Slippers",
                    "Ankle Boots",
                ],
                price_cents: (1999, 17999),
                weight_grams: (300, 1800),
            },
        ],
    },
    Department {
        name: "Sports & Outdoors",
        sku_prefix: "SPO",
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
                    "Yoga Mat",
                    "Adjustable Dumbbells",
                    "Resistance Bands",
                    "Kettlebell",
                    "Jump Rope",
                    "Foam Roller",
                    "Pull-Up Bar",
                ],
                price_cents: (999, 39999),
                weight_grams: (150, 25000),
            },
            Subcategory {
                name: "Camping & Hiking",
                nouns: &[
                    "Backpacking Tent",
                    "Sleeping Bag",
                    "Hiking Backpack",
                    "Camping Stove",
                    "Headlamp",
                    "Trekking Poles",
                    "Camp Chair",
                ],
                price_cents: (1499, 44999),
                weight_grams: (80, 4500),
            },
            Subcategory {
                name: "Cycling",
                nouns: &[
                    "Bike Helmet",
                    "Bike Light Set",
                    "Cycling Gloves",
                    "Bike Lock",
                    "Floor Pump",
                    "Saddle Bag",
                    "Water Bottle Cage",
                ],
                price_cents: (899, 14999),
                weight_grams: (50, 2500),
            },
            Subcategory {
                name: "Water Sports",
                nouns: &[
                    "Swim Goggles",
                    "Snorkel Set",
                    "Life Jacket",
                    "Inflatable Paddle Board",
                    "Dry Bag",
                    "Rash Guard",
                ],
                price_cents: (999, 79999),
                weight_grams: (80, 12000),
            },
            Subcategory {
                name: "Team Sports",
                nouns: &[
                    "Soccer Ball",
                    "Basketball",
                    "Baseball Glove",
                    "Shin Guards",
                    "Volleyball",
                    "Training Cones",
                    "Football",
                ],
                price_cents: (999, 11999),
                weight_grams: (150, 1200),
            },
            Subcategory {
                name: "Fishing",
                nouns: &[
                    "Spinning Rod",
                    "Fishing Reel",
                    "Tackle Box",
                    "Fishing Line",
                    "Lure Kit",
                    "Landing Net",
                ],
                price_cents: (799, 24999),
                weight_grams: (50, 2500),
            },
        ],
    },
    Department {
        name: "Beauty & Personal Care",
        sku_prefix: "BEA",
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
                    "Facial Moisturizer",
                    "Vitamin C Serum",
                    "Gentle Cleanser",
                    "Sunscreen SPF 50",
                    "Eye Cream",
                    "Night Cream",
                    "Exfoliating Toner",
                ],
                price_cents: (699, 6999),
                weight_grams: (40, 350),
            },
            Subcategory {
                name: "Hair Care",
                nouns: &[
                    "Shampoo",
                    "Conditioner",
                    "Hair Mask",
                    "Leave-In Conditioner",
                    "Styling Cream",
                    "Dry Shampoo",
                    "Hair Oil",
                ],
                price_cents: (599, 3999),
                weight_grams: (80, 600),
            },
            Subcategory {
                name: "Makeup",
                nouns: &[
                    "Liquid Foundation",
                    "Mascara",
                    "Lipstick",
                    "Eyeshadow Palette",
                    "Concealer",
                    "Setting Powder",
                    "Brow Pencil",
                ],
                price_cents: (599, 5999),
                weight_grams: (10, 300),
            },
            Subcategory {
                name: "Fragrance",
                nouns: &[
                    "Eau de Parfum",
                    "Eau de Toilette",
                    "Body Mist",
                    "Rollerball Perfume",
                    "Cologne",
                    "Fragrance Gift Set",
                ],
                price_cents: (1999, 14999),
                weight_grams: (50, 600),
            },
            Subcategory {
                name: "Bath & Body",
                nouns: &[
                    "Body Wash",
                    "Body Lotion",
                    "Bar Soap",
                    "Hand Cream",
                    "Body Scrub",
                    "Bath Bombs",
                    "Shower Oil",
                ],
                price_cents: (399, 3499),
                weight_grams: (80, 800),
            },
            Subcategory {
                name: "Shaving & Grooming",
                nouns: &[
                    "Safety Razor",
                    "Shaving Cream",
                    "Beard Oil",
                    "Aftershave Balm",
                    "Shaving Brush",
                    "Beard Balm",
                ],
                price_cents: (599, 4999),
                weight_grams: (50, 400),
            },
        ],
    },
    Department {
        name: "Books",
        sku_prefix: "BOO",
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
            "Bestselling",
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
                    "Mystery Novel",
                    "Literary Novel",
                    "Historical Novel",
                    "Romance Novel",
                    "Science Fiction Novel",
                    "Fantasy Novel",
                    "Thriller",
                ],
                price_cents: (899, 2999),
                weight_grams: (200, 900),
            },
            Subcategory {
                name: "Nonfiction",
                nouns: &[
                    "Biography",
                    "Memoir",
                    "History Book",
                    "Popular Science Book",
                    "True Crime Book",
                    "Essay Collection",
                ],
                price_cents: (1199, 3499),
                weight_grams: (250, 1000),
            },
            Subcategory {
                name: "Children's Books",
                nouns: &[
                    "Picture Book",
                    "Board Book",
                    "Early Reader",
                    "Chapter Book",
                    "Activity Book",
                    "Bedtime Story Collection",
                ],
                price_cents: (499, 1999),
                weight_grams: (100, 800),
            },
            Subcategory {
                name: "Cookbooks",
                nouns: &[
                    "Baking Cookbook",
                    "Vegetarian Cookbook",
                    "Weeknight Dinners Cookbook",
                    "Slow Cooker Cookbook",
                    "Grilling Cookbook",
                    "Regional Cuisine Cookbook",
                ],
                price_cents: (1499, 3999),
                weight_grams: (500, 1500),
            },
            Subcategory {
                name: "Self-Help & Business",
                nouns: &[
                    "Productivity Guide",
                    "Leadership Book",
                    "Personal Finance Guide",
                    "Mindfulness Workbook",
                    "Career Guide",
                    "Habit-Building Guide",
                ],
                price_cents: (1199, 2999),
                weight_grams: (200, 800),
            },
            Subcategory {
                name: "Comics & Graphic Novels",
                nouns: &[
                    "Graphic Novel",
                    "Comic Collection",
                    "Manga Volume",
                    "Graphic Memoir",
                    "Illustrated Anthology",
                    "Comic Strip Treasury",
                ],
                price_cents: (999, 4999),
                weight_grams: (150, 1500),
            },
        ],
    },
    Department {
        name: "Toys & Games",
        sku_prefix: "TOY",
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
                    "Building Block Set",
                    "Magnetic Tiles",
                    "Marble Run",
                    "Construction Set",
                    "Wooden Blocks",
                    "Brick Starter Kit",
                ],
                price_cents: (1499, 14999),
                weight_grams: (300, 3500),
            },
            Subcategory {
                name: "Board Games",
                nouns: &[
                    "Strategy Board Game",
                    "Party Game",
                    "Cooperative Board Game",
                    "Card Game",
                    "Trivia Game",
                    "Chess Set",
                    "Word Game",
                ],
                price_cents: (999, 6999),
                weight_grams: (150, 2500),
            },
            Subcategory {
                name: "Puzzles",
                nouns: &[
                    "1000-Piece Jigsaw Puzzle",
                    "500-Piece Jigsaw Puzzle",
                    "Floor Puzzle",
                    "3D Puzzle",
                    "Brain Teaser Set",
                    "Wooden Puzzle",
                ],
                price_cents: (799, 3999),
                weight_grams: (150, 1500),
            },
            Subcategory {
                name: "Dolls & Action Figures",
                nouns: &[
                    "Fashion Doll",
                    "Action Figure",
                    "Baby Doll",
                    "Dollhouse",
                    "Figure Playset",
                    "Doll Clothing Set",
                ],
                price_cents: (999, 14999),
                weight_grams: (100, 8000),
            },
            Subcategory {
                name: "Outdoor Play",
                nouns: &[
                    "Kick Scooter",
                    "Water Blaster",
                    "Bubble Machine",
                    "Sandbox Toy Set",
                    "Kite",
                    "Balance Bike",
                    "Sidewalk Chalk Set",
                ],
                price_cents: (699, 12999),
                weight_grams: (150, 6000),
            },
            Subcategory {
                name: "Plush & Baby Toys",
                nouns: &[
                    "Plush Teddy Bear",
                    "Stuffed Animal",
                    "Stacking Rings",
                    "Activity Cube",
                    "Teething Toy",
                    "Crib Mobile",
                ],
                price_cents: (599, 4999),
                weight_grams: (50, 1500),
            },
        ],
    },
    Department {
        name: "Grocery & Gourmet",
        sku_prefix: "GRO",
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
                    "Whole Bean Coffee",
                    "Ground Coffee",
                    "Coffee Pods",
                    "Green Tea",
                    "Black Tea",
                    "Herbal Tea Sampler",
                    "Cold Brew Concentrate",
                ],
                price_cents: (499, 3499),
                weight_grams: (100, 1200),
            },
            Subcategory {
                name: "Snacks",
                nouns: &[
                    "Trail Mix",
                    "Kettle Chips",
                    "Granola Bars",
                    "Roasted Almonds",
                    "Dark Chocolate Bar",
                    "Popcorn",
                    "Beef Jerky",
                ],
                price_cents: (299, 2499),
                weight_grams: (50, 1200),
            },
            Subcategory {
                name: "Pantry Staples",
                nouns: &[
                    "Extra Virgin Olive Oil",
                    "Basmati Rice",
                    "Dried Pasta",
                    "Marinara Sauce",
                    "All-Purpose Flour",
                    "Rolled Oats",
                    "Canned Chickpeas",
                ],
                price_cents: (249, 2999),
                weight_grams: (250, 5000),
            },
            Subcategory {
                name: "Spices & Seasonings",
                nouns: &[
                    "Sea Salt",
                    "Black Peppercorns",
                    "Smoked Paprika",
                    "Taco Seasoning",
                    "Ground Cinnamon",
                    "Spice Gift Set",
                    "Garlic Powder",
                ],
                price_cents: (299, 3999),
                weight_grams: (40, 900),
            },
            Subcategory {
                name: "Breakfast",
                nouns: &[
                    "Granola",
                    "Maple Syrup",
                    "Pancake Mix",
                    "Raw Honey",
                    "Strawberry Jam",
                    "Breakfast Cereal",
                    "Peanut Butter",
                ],
                price_cents: (349, 2499),
                weight_grams: (250, 1500),
            },
            Subcategory {
                name: "Beverages",
                nouns: &[
                    "Sparkling Water",
                    "Orange Juice",
                    "Hot Cocoa Mix",
                    "Coconut Water",
                    "Lemonade",
                    "Kombucha",
                ],
                price_cents: (299, 2999),
                weight_grams: (400, 9000),
            },
        ],
    },
    Department {
        name: "Health & Household",
        sku_prefix: "HEA",
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
                    "Multivitamin Gummies",
                    "Vitamin D3 Softgels",
                    "Fish Oil Capsules",
                    "Magnesium Tablets",
                    "Probiotic Capsules",
                    "Collagen Powder",
                    "Electrolyte Powder",
                ],
                price_cents: (799, 4999),
                weight_grams: (80, 900),
            },
            Subcategory {
                name: "First Aid",
                nouns: &[
                    "First Aid Kit",
                    "Adhesive Bandages",
                    "Digital Thermometer",
                    "Elastic Bandage",
                    "Instant Cold Pack",
                    "Antiseptic Wipes",
                ],
                price_cents: (299, 4999),
                weight_grams: (30, 1500),
            },
            Subcategory {
                name: "Household Cleaning",
                nouns: &[
                    "All-Purpose Cleaner",
                    "Dish Soap",
                    "Laundry Detergent Pods",
                    "Microfiber Cloths",
                    "Disinfecting Wipes",
                    "Glass Cleaner",
                    "Dishwasher Tablets",
                ],
                price_cents: (299, 2999),
                weight_grams: (100, 5000),
            },
            Subcategory {
                name: "Paper & Plastic",
                nouns: &[
                    "Paper Towels",
                    "Toilet Paper",
                    "Facial Tissues",
                    "Trash Bags",
                    "Food Storage Bags",
                    "Aluminum Foil",
                ],
                price_cents: (399, 3999),
                weight_grams: (200, 8000),
            },
            Subcategory {
                name: "Oral Care",
                nouns: &[
                    "Electric Toothbrush",
                    "Whitening Toothpaste",
                    "Dental Floss",
                    "Mouthwash",
                    "Replacement Brush Heads",
                    "Water Flosser",
                ],
                price_cents: (299, 12999),
                weight_grams: (40, 1200),
            },
            Subcategory {
                name: "Health Monitors",
                nouns: &[
                    "Blood Pressure Monitor",
                    "Pulse Oximeter",
                    "Digital Bathroom Scale",
                    "Heating Pad",
                    "Cool Mist Humidifier",
                    "Weekly Pill Organizer",
                ],
                price_cents: (799, 8999),
                weight_grams: (50, 3500),
            },
        ],
    },
    Department {
        name: "Pet Supplies",
        sku_prefix: "PET",
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
                    "Dry Dog Food",
                    "Wet Dog Food",
                    "Dental Chews",
                    "Training Treats",
                    "Puppy Food",
                    "Freeze-Dried Dog Treats",
                ],
                price_cents: (499, 8999),
                weight_grams: (150, 15000),
            },
            Subcategory {
                name: "Cat Food & Treats",
                nouns: &[
                    "Dry Cat Food",
                    "Wet Cat Food",
                    "Crunchy Cat Treats",
                    "Kitten Food",
                    "Lickable Cat Treats",
                    "Grain-Free Cat Food",
                ],
                price_cents: (399, 5999),
                weight_grams: (85, 7000),
            },
            Subcategory {
                name: "Dog Toys",
                nouns: &[
                    "Rope Toy",
                    "Squeaky Plush Toy",
                    "Chew Toy",
                    "Fetch Ball Set",
                    "Puzzle Feeder",
                    "Tug Toy",
                ],
                price_cents: (499, 2999),
                weight_grams: (50, 800),
            },
            Subcategory {
                name: "Cat Toys & Furniture",
                nouns: &[
                    "Cat Tree",
                    "Scratching Post",
                    "Feather Wand",
                    "Cat Tunnel",
                    "Window Perch",
                    "Catnip Toys",
                ],
                price_cents: (399, 14999),
                weight_grams: (30, 20000),
            },
            Subcategory {
                name: "Collars, Leashes & Harnesses",
                nouns: &[
                    "Nylon Collar",
                    "Leather Leash",
                    "No-Pull Harness",
                    "Retractable Leash",
                    "Engraved ID Tag",
                    "Hands-Free Leash",
                ],
                price_cents: (699, 4999),
                weight_grams: (20, 500),
            },
            Subcategory {
                name: "Beds & Crates",
                nouns: &[
                    "Orthopedic Dog Bed",
                    "Calming Donut Bed",
                    "Wire Dog Crate",
                    "Pet Carrier",
                    "Heated Pet Mat",
                    "Crate Cover",
                ],
                price_cents: (1999, 19999),
                weight_grams: (500, 18000),
            },
        ],
    },
];

/// Prefixes for third-level categories below a subcategory ("Premium", "Kids'", "Travel",
/// "Eco-Friendly", "Professional", "Budget", "Smart", "Vintage"), 8+.
pub static CATEGORY_MODIFIERS: &[&str] = &[
    "Premium",
    "Kids'",
    "Travel",
    "Eco-Friendly",
    "Professional",
    "Budget",
    "Smart",
    "Vintage",
    "Everyday",
    "Outdoor",
    "Compact",
    "Luxury",
    "Beginner",
    "Value",
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
    fn ranges_are_positive_and_ordered() {
        for d in DEPARTMENTS {
            for s in d.subcategories {
                let (lo, hi) = s.price_cents;
                assert!(lo > 0 && lo <= hi, "{} price", s.name);
                let (lo, hi) = s.weight_grams;
                assert!(lo > 0 && lo <= hi, "{} weight", s.name);
            }
        }
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
                    assert!(plain(n), "{n:?}");
                }
            }
        }
        assert!(CATEGORY_MODIFIERS.len() >= 8);
        assert!(VENDOR_FIRST_WORDS.len() >= 30);
        assert!(VENDOR_ENDINGS.len() >= 10);
        assert!(PROMO_WORDS.len() >= 15);
        for s in CATEGORY_MODIFIERS
            .iter()
            .chain(VENDOR_FIRST_WORDS)
            .chain(VENDOR_ENDINGS)
        {
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
