//! Products: the catalog. A product's category decides its kind of name and its
//! description, and its noun decides its price and weight ranges, so a "Yoga Mat"
//! never costs $2,000 or sits in Books, and a "Jump Rope" never weighs 20 kg.

use super::categories::{Shape, Tree};
use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record};
use crate::model::{Currency, Date, Id, Money};
use crate::rng::{self, Permutation, RowRng};
use crate::schema::{Bound, Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::books::{self, TITLES};
use crate::words::catalog::{Noun, Subcategory, shares_word};
use serde::Serialize;
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("product_id", "Primary key."),
    Field::new("sku", F::Text, "Department prefix and number; unique.").unique(),
    Field::new(
        "name",
        F::Text,
        "Brand, descriptor and the kind of product; a book's title.",
    ),
    Field::new("description", F::Text, "Two sentences about the product."),
    Field::foreign(
        "category_id",
        Table::Categories,
        "The most specific category.",
    ),
    Field::foreign("vendor_id", Table::Vendors, "Supplier."),
    Field::new(
        "brand",
        F::Text,
        "One of the vendor's brands; for a book, its publisher.",
    ),
    Field::new(
        "price",
        F::Money,
        "List price; > 0. Order items are sold at this price.",
    )
    .bounded(Bound::Positive),
    Field::new(
        "currency",
        F::Text,
        "ISO 4217 code of price: the shop's currency.",
    ),
    Field::new("weight_grams", F::Integer, "Shipping weight."),
    Field::new(
        "is_active",
        F::Boolean,
        "False for products discontinued by the window's end (still in earlier orders).",
    ),
    Field::new(
        "discontinued_at",
        F::Date,
        "The day it stopped being sold; no order from that day on holds it.",
    )
    .nullable(),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Products,
    name: "products",
    row_tag: "product",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Products,
    stable_id: 5,
    name: "products",
    doc: "The catalog: names, descriptions and prices that fit their category.",
    parents: &[Entity::Categories, Entity::Vendors],
    requires: &[Entity::Categories, Entity::Vendors],
    count: CountRule::Set(2_000),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Products::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct Product {
    pub product_id: Id,
    pub sku: String,
    pub name: String,
    pub description: String,
    pub category_id: Id,
    pub vendor_id: Id,
    pub brand: String,
    pub price: Money,
    pub currency: Currency,
    pub weight_grams: u32,
    pub is_active: bool,
    pub discontinued_at: Option<Date>,
}

flat_record!(Product);

/// The facts other entities recompute about a product.
pub struct ProductCore {
    pub category: u64,
    pub shape: Shape,
    pub kind: &'static Subcategory,
    /// What it is ("Jump Rope"), with its price and weight ranges.
    pub noun: &'static Noun,
    pub vendor: u64,
    pub price: Money,
    /// The day it stopped being sold, if it did in the window.
    pub discontinued: Option<Date>,
}

pub struct Products<'w> {
    world: &'w World,
    tree: Tree,
    sku_numbers: Permutation,
    sku_width: usize,
}

impl<'w> Products<'w> {
    pub fn new(world: &'w World) -> Self {
        let n = world.count(Entity::Products);
        Products {
            world,
            tree: Tree::new(world.count(Entity::Categories)),
            sku_numbers: Permutation::new(n.max(1), world.key(Stream::SkuNumbers)),
            sku_width: n.to_string().len().max(6),
        }
    }

    pub fn core(&self, product: u64) -> ProductCore {
        self.core_and_rng(product).0
    }

    fn core_and_rng(&self, product: u64) -> (ProductCore, RowRng) {
        let mut rng = self.world.rng(Entity::Products, product);
        let leaves = self.tree.leaf_range();
        let category = leaves.start + rng::below(&mut rng, leaves.end - leaves.start);
        let shape = self.tree.shape(category);
        let kind = match shape.subcategory() {
            Some(sub) => sub,
            None => {
                let subs = shape.department().subcategories;
                &subs[rng::below(&mut rng, subs.len() as u64) as usize]
            }
        };
        let noun = match shape.noun() {
            Some(noun) => noun,
            None => &kind.nouns[rng::below(&mut rng, kind.nouns.len() as u64) as usize],
        };
        // A vendor of the department: a few big suppliers, a long tail.
        let suppliers = self.world.suppliers().of(shape.department);
        let vendor = if suppliers.is_empty() {
            rng::below(&mut rng, self.world.count(Entity::Vendors).max(1))
        } else {
            suppliers[rng::skewed_rank(&mut rng, suppliers.len() as u64, 150) as usize]
        };
        let price = shelf_price(&mut rng, noun.price_cents);
        let window = self.world.window;
        // The first product stays on sale, so an order can always find one.
        let discontinued =
            (rng::chance(&mut rng, DISCONTINUED_PER_MILLE) && product != 0).then(|| {
                Date(window.first_day().0 + rng::below(&mut rng, window.days() as u64) as i64)
            });
        let core = ProductCore {
            category,
            shape,
            kind,
            noun,
            vendor,
            price,
            discontinued,
        };
        (core, rng)
    }

    fn fill(&self, product: u64, row: &mut Product) {
        let (core, mut rng) = self.core_and_rng(product);
        let department = core.shape.department();
        row.product_id = self.world.ids(Table::Products).id(product);
        row.category_id = self.world.ids(Table::Categories).id(core.category);
        row.vendor_id = self.world.ids(Table::Vendors).id(core.vendor);
        row.price = core.price;
        row.currency = self.world.currency;
        // A brand of the vendor's own.
        let brands = super::vendors::range_of(self.world, core.vendor).brands;
        row.brand.clear();
        self.world
            .suppliers()
            .brand(core.vendor, rng::below(&mut rng, brands), &mut row.brand);
        row.name.clear();
        row.description.clear();
        if department.goods == crate::words::catalog::Goods::Books {
            self.book(&mut rng, &core, row);
        } else {
            self.goods(&mut rng, &core, row);
        }
        row.sku.clear();
        let _ = write!(
            row.sku,
            "{}-{:0width$}",
            department.sku_prefix,
            self.sku_numbers.apply(product),
            width = self.sku_width
        );
        // Bigger goods cost more: the weight sits about where the price sits in its
        // range, so a 20 kg kettlebell is not the cheapest one.
        let (lo, hi) = core.noun.weight_grams;
        let (cheapest, dearest) = core.noun.price_cents;
        let position = (core.price.cents() - cheapest) * 1000 / (dearest - cheapest).max(1);
        let position = (position + rng::between(&mut rng, -150, 150)).clamp(0, 1000);
        row.weight_grams = (lo as i64 + (hi - lo) as i64 * position / 1000) as u32;
        row.discontinued_at = core.discontinued;
        row.is_active = core.discontinued.is_none();
    }

    /// "Nexora Wireless Earbuds": brand, a descriptor of the department, the kind of
    /// product, no word twice; two different selling points.
    fn goods(&self, rng: &mut RowRng, core: &ProductCore, row: &mut Product) {
        let department = core.shape.department();
        let descriptors: Vec<&'static str> = department
            .adjectives
            .iter()
            .chain(department.modifiers)
            .copied()
            .collect();
        let a = rng::below(rng, descriptors.len() as u64) as usize;
        let descriptor = first_fitting(&descriptors, a, &[core.noun.name, &row.brand]);
        let _ = write!(row.name, "{} {descriptor} {}", row.brand, core.noun.name);
        // Most goods come in variants, which a shop lists as products of their own.
        let variants = variants(department.goods);
        if !variants.is_empty() && rng::chance(rng, 900) {
            let _ = write!(row.name, ", {}", rng::pick(rng, variants));
        }
        let (first, second) = two_features(rng, department.features);
        let _ = write!(
            row.description,
            "{descriptor} {} from {}. {first} {second}",
            core.noun.name.to_lowercase(),
            row.brand
        );
    }

    /// A book has a title and an author; its brand is its publisher.
    fn book(&self, rng: &mut RowRng, core: &ProductCore, row: &mut Product) {
        let kind = core.shape.subcategory.unwrap_or(0).min(TITLES.len() - 1);
        let titles = &TITLES[kind];
        let pattern = rng::pick(rng, titles.patterns);
        let a = rng::pick(rng, titles.adjectives);
        let n = rng::below(rng, titles.nouns.len() as u64) as usize;
        let m =
            (n + 1 + rng::below(rng, titles.nouns.len() as u64 - 1) as usize) % titles.nouns.len();
        let person = rng::pick(rng, books::first_names());
        let number = rng::pick(rng, books::NUMBERS);
        let mut title = pattern
            .replace("{A}", a)
            .replace("{N}", titles.nouns[n])
            .replace("{M}", titles.nouns[m])
            .replace("{P}", person)
            .replace("{K}", number);
        if !titles.subtitles.is_empty() && rng::chance(rng, 700) {
            title.push_str(": ");
            title.push_str(rng::pick(rng, titles.subtitles));
        }
        let country = &crate::words::geo::COUNTRIES[rng::below(rng, 2) as usize];
        let author = format!(
            "{} {}",
            super::places::first_name(rng, country),
            super::places::last_name(rng, country)
        );
        row.name.push_str(&title);
        let (first, second) = two_features(rng, core.shape.department().features);
        let _ = write!(
            row.description,
            "{title}, a {} by {author}. {first} {second}",
            core.noun.name.to_lowercase()
        );
        row.brand.push_str(" Press");
    }
}

/// What distinguishes two products of one line: a model, a colour, a pack size.
fn variants(goods: crate::words::catalog::Goods) -> &'static [&'static str] {
    use crate::words::catalog::Goods;
    match goods {
        Goods::Devices => &[
            "Pro", "Mini", "Max", "Lite", "Plus", "2nd Gen", "3rd Gen", "SE", "XL", "Sport",
            "Black", "White", "Silver", "Graphite",
        ],
        Goods::Apparel | Goods::Housewares => &[
            "Black", "Navy", "Grey", "White", "Olive", "Burgundy", "Sand", "Charcoal", "Sage",
            "Rust", "Cream", "Teal", "Blush", "Indigo",
        ],
        Goods::Equipment => &[
            "Blue",
            "Red",
            "Green",
            "Black",
            "Orange",
            "Purple",
            "Junior",
            "Pro",
            "Deluxe",
            "Compact",
            "Family Edition",
            "Travel Edition",
        ],
        Goods::Consumables => &[
            "Pack of 2",
            "Pack of 3",
            "Pack of 6",
            "Pack of 12",
            "Family Size",
            "Travel Size",
            "Value Pack",
            "Refill",
            "Large",
            "Small",
            "Twin Pack",
            "Bulk Pack",
        ],
        Goods::Mixed => &[
            "Small",
            "Medium",
            "Large",
            "Extra Large",
            "Pack of 2",
            "Pack of 3",
            "Value Pack",
            "Grey",
            "Blue",
            "Natural",
        ],
        Goods::Books => &[],
    }
}

/// Products discontinued during the window, per mille.
const DISCONTINUED_PER_MILLE: u32 = 40;

/// Two different selling points of a department, not starting with the same word.
fn two_features(rng: &mut RowRng, features: &[&'static str]) -> (&'static str, &'static str) {
    let a = rng::below(rng, features.len() as u64) as usize;
    let first_word = |s: &str| s.split(' ').next().unwrap_or("").to_string();
    let b = (1..features.len())
        .map(|k| (a + k + rng::below(rng, features.len() as u64) as usize) % features.len())
        .find(|&b| b != a && first_word(features[b]) != first_word(features[a]))
        .unwrap_or((a + 1) % features.len());
    (features[a], features[b])
}

/// `items[start]`, or else the first item after it (going round) that shares no word
/// with any of `taken`; `items[start]` again if none does.
fn first_fitting(items: &[&'static str], start: usize, taken: &[&str]) -> &'static str {
    (0..items.len())
        .map(|k| items[(start + k) % items.len()])
        .find(|item| !taken.iter().any(|t| shares_word(item, t)))
        .unwrap_or(items[start])
}

/// A price in the range that ends like shop prices do (.99, .49, .00).
fn shelf_price(rng: &mut RowRng, (lo, hi): (i64, i64)) -> Money {
    // Cheaper items are more common: take the smaller of two uniform draws.
    let a = rng::between(rng, lo, hi);
    let b = rng::between(rng, lo, hi);
    let raw = a.min(b);
    let ending = rng::pick(rng, &[99, 99, 99, 49, 95, 0]);
    let mut cents = raw / 100 * 100 + ending;
    if cents > hi {
        cents -= 100;
    }
    Money(cents.max(lo.max(1)))
}

impl Generator for Products<'_> {
    type Row = Product;

    fn units(&self) -> u64 {
        self.world.count(Entity::Products)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Product)) {
        super::each_row(units, emit, |product, row| self.fill(product, row));
    }
}

#[cfg(test)]
mod tests;
