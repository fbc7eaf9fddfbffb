//! Products: the catalog. A product's category decides its kind of name, its
//! description and its price range, so a "Yoga Mat" never costs $2,000 or sits in
//! Books.

use super::categories::{Shape, Tree};
use super::{Entity, Generator, World, flat_record};
use crate::model::{Id, Money};
use crate::rng::{self, Permutation, RowRng};
use crate::schema::{Field, FieldType as F};
use crate::words::catalog::{CATEGORY_MODIFIERS, Subcategory};
use serde::Serialize;
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("product_id", "Primary key."),
    Field::new("sku", F::Text, "Department prefix and number; unique.").unique(),
    Field::new(
        "name",
        F::Text,
        "Brand, descriptor and a noun that fits the category.",
    ),
    Field::new("description", F::Text, "Two sentences about the product."),
    Field::foreign(
        "category_id",
        Entity::Categories,
        "The most specific category.",
    ),
    Field::foreign("vendor_id", Entity::Vendors, "Supplier."),
    Field::new("brand", F::Text, "Brand name."),
    Field::new(
        "price",
        F::Money,
        "List price; > 0. Order items are sold at this price.",
    ),
    Field::new("weight_grams", F::Integer, "Shipping weight."),
    Field::new(
        "is_active",
        F::Boolean,
        "False for discontinued products (still in past orders).",
    ),
];

#[derive(Debug, Default, Serialize)]
pub struct Product {
    pub product_id: Id,
    pub sku: String,
    pub name: String,
    pub description: String,
    pub category_id: Id,
    pub vendor_id: Id,
    pub brand: &'static str,
    pub price: Money,
    pub weight_grams: u32,
    pub is_active: bool,
}

flat_record!(Product);

/// The facts other entities recompute about a product.
pub struct ProductCore {
    pub category: u64,
    pub shape: Shape,
    pub kind: &'static Subcategory,
    pub noun: &'static str,
    pub vendor: u64,
    pub price: Money,
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
            sku_numbers: Permutation::new(n.max(1), world.stream(Entity::Products, 1)),
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
        let noun = rng::pick(&mut rng, kind.nouns);
        let vendor = rng::skewed_rank(&mut rng, self.world.count(Entity::Vendors), 400);
        let price = shelf_price(&mut rng, kind.price_cents);
        let core = ProductCore {
            category,
            shape,
            kind,
            noun,
            vendor,
            price,
        };
        (core, rng)
    }

    fn fill(&self, product: u64, row: &mut Product) {
        let (core, mut rng) = self.core_and_rng(product);
        let department = core.shape.department();
        row.product_id = self.world.ids(Entity::Products).id(product);
        row.category_id = self.world.ids(Entity::Categories).id(core.category);
        row.vendor_id = self.world.ids(Entity::Vendors).id(core.vendor);
        row.price = core.price;
        row.brand = rng::pick(&mut rng, department.brands);
        let descriptor = match core.shape.modifier {
            Some(m) => CATEGORY_MODIFIERS[m],
            None => rng::pick(&mut rng, department.adjectives),
        };
        row.name.clear();
        let _ = write!(row.name, "{} {descriptor} {}", row.brand, core.noun);
        row.sku.clear();
        let _ = write!(
            row.sku,
            "{}-{:0width$}",
            department.sku_prefix,
            self.sku_numbers.apply(product),
            width = self.sku_width
        );
        // Two different selling points.
        let features = department.features;
        let a = rng::below(&mut rng, features.len() as u64) as usize;
        let b = (a + 1 + rng::below(&mut rng, features.len().max(2) as u64 - 1) as usize)
            % features.len();
        let (first, second) = (features[a], features[b]);
        row.description.clear();
        let _ = write!(
            row.description,
            "{descriptor} {} from {}. {first} {second}",
            core.noun.to_lowercase(),
            row.brand
        );
        let (lo, hi) = core.kind.weight_grams;
        row.weight_grams = rng::between(&mut rng, lo as i64, hi as i64) as u32;
        row.is_active = !rng::chance(&mut rng, 40);
    }
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
mod tests {
    use super::*;

    #[test]
    fn shelf_prices_stay_in_range_and_positive() {
        for i in 0..5_000 {
            let mut rng = rng::row_rng(5, i);
            let p = shelf_price(&mut rng, (199, 1_999)).cents();
            assert!((199..=1_999).contains(&p), "{p}");
        }
    }
}
