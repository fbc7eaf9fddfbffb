//! Promotions: discount codes that run for a few weeks and target one product or one
//! category. Orders placed while one runs may use it (see orders.rs).

use super::categories::Tree;
use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record};
use crate::model::{Date, Id, Money};
use crate::rng::{self, Permutation};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::catalog::PROMO_WORDS;
use serde::{Serialize, Serializer};
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("promotion_id", "Primary key."),
    Field::new("code", F::Text, "Code the customer types; unique.").unique(),
    Field::new("name", F::Text, "Campaign name."),
    Field::new("discount_type", F::Text, "How discount_value reads.")
        .one_of(&["percentage", "fixed"]),
    Field::new(
        "discount_value",
        F::Text,
        "Whole percent 1..90 for `percentage`; money for `fixed`.",
    ),
    Field::foreign(
        "product_id",
        Table::Products,
        "Targeted product; exactly one of product_id and category_id is set.",
    )
    .nullable(),
    Field::foreign(
        "category_id",
        Table::Categories,
        "Targeted category, including its subcategories.",
    )
    .nullable(),
    Field::new(
        "start_date",
        F::Date,
        "First day; <= end_date. May precede the window.",
    ),
    Field::new("end_date", F::Date, "Last day. May follow the window."),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Promotions,
    name: "promotions",
    row_tag: "promotion",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Promotions,
    stable_id: 13,
    name: "promotions",
    doc: "Discount codes targeting one product or one category.",
    parents: &[Entity::Products, Entity::Categories],
    requires: &[Entity::Products, Entity::Categories],
    count: CountRule::Set(60),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Promotions::new(world))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Discount {
    Percentage(u32),
    Fixed(Money),
}

impl Default for Discount {
    fn default() -> Self {
        Discount::Percentage(0)
    }
}

impl Discount {
    pub fn kind(self) -> &'static str {
        match self {
            Discount::Percentage(_) => "percentage",
            Discount::Fixed(_) => "fixed",
        }
    }

    /// The discount on `eligible` (the targeted items' total): never more than that.
    pub fn amount_on(self, eligible: Money) -> Money {
        match self {
            Discount::Percentage(p) => eligible.scale_half_up(p as i64, 100),
            Discount::Fixed(m) => m.min(eligible),
        }
    }
}

/// Serializes the value half: "15" for a percentage, "10.00" for money.
#[derive(Debug, Default)]
pub struct DiscountValue(pub Discount);

impl Serialize for DiscountValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Discount::Percentage(p) => serializer.serialize_str(itoa_u32(p, &mut [0; 10])),
            // Text in every format, like the percentage: the field is text.
            Discount::Fixed(m) => serializer.serialize_str(m.encode(&mut [0; 24])),
        }
    }
}

fn itoa_u32(mut v: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("digits")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Product(u64),
    Category(u64),
}

/// What an order needs to know about a promotion.
#[derive(Clone, Copy, Debug)]
pub struct PromotionCore {
    pub discount: Discount,
    pub start: Date,
    pub end: Date,
    pub target: Target,
}

#[derive(Debug, Default, Serialize)]
pub struct Promotion {
    pub promotion_id: Id,
    pub code: String,
    pub name: String,
    pub discount_type: &'static str,
    pub discount_value: DiscountValue,
    pub product_id: Option<Id>,
    pub category_id: Option<Id>,
    pub start_date: Date,
    pub end_date: Date,
}

flat_record!(Promotion);

pub struct Promotions<'w> {
    world: &'w World,
    code_numbers: Permutation,
    products: super::products::Products<'w>,
}

impl<'w> Promotions<'w> {
    pub fn new(world: &'w World) -> Self {
        Promotions {
            world,
            code_numbers: Permutation::new(
                world.count(Entity::Promotions).max(1),
                world.key(Stream::PromotionCodes),
            ),
            products: super::products::Products::new(world),
        }
    }

    pub fn core(&self, index: u64) -> PromotionCore {
        let mut rng = self.world.rng(Entity::Promotions, index);
        let target = if rng::chance(&mut rng, 600) {
            // Mostly whole departments, sometimes a narrower category.
            let categories = self.world.count(Entity::Categories);
            let departments = categories.min(crate::words::catalog::DEPARTMENTS.len() as u64);
            let pool = if rng::chance(&mut rng, 650) {
                departments
            } else {
                categories
            };
            Target::Category(rng::below(&mut rng, pool))
        } else {
            let rank = rng::skewed_rank(&mut rng, self.world.count(Entity::Products), 500);
            Target::Product(self.world.product_popularity.apply(rank))
        };
        let discount = if rng::chance(&mut rng, 700) {
            let percent = rng::pick(&mut rng, &[5, 10, 10, 15, 15, 20, 20, 25, 30, 40, 50, 70]);
            Discount::Percentage(percent)
        } else {
            Discount::Fixed(Money(
                100 * rng::pick(&mut rng, &[5, 5, 10, 10, 15, 20, 25, 50]),
            ))
        };
        // Starting up to 20 days before the window and lasting at least 21 days, every
        // promotion overlaps the window.
        let first = self.world.window.first_day().0 - 20;
        let start =
            Date(first + rng::below(&mut rng, (self.world.window.days() + 20) as u64) as i64);
        let end = Date(start.0 + rng::between(&mut rng, 21, 60));
        PromotionCore {
            discount,
            start,
            end,
            target,
        }
    }

    /// True when an order of `product` (in `category`) placed on `day` gets the discount.
    pub fn applies(
        core: &PromotionCore,
        tree: &Tree,
        day: Date,
        product: u64,
        category: u64,
    ) -> bool {
        core.start <= day
            && day <= core.end
            && match core.target {
                Target::Product(p) => p == product,
                Target::Category(c) => tree.is_within(category, c),
            }
    }

    fn fill(&self, index: u64, row: &mut Promotion) {
        let core = self.core(index);
        let mut rng = self.world.stream_rng(Stream::PromotionText, index);
        row.promotion_id = self.world.ids(Table::Promotions).id(index);
        row.discount_type = core.discount.kind();
        row.discount_value = DiscountValue(core.discount);
        row.start_date = core.start;
        row.end_date = core.end;
        let word = rng::pick(&mut rng, PROMO_WORDS);
        let value = match core.discount {
            Discount::Percentage(p) => p as i64,
            Discount::Fixed(m) => m.cents() / 100,
        };
        row.code.clear();
        let _ = write!(row.code, "{word}{value}-");
        push_base36(&mut row.code, self.code_numbers.apply(index), 4);
        let target_name = match core.target {
            Target::Product(p) => {
                row.product_id = Some(self.world.ids(Table::Products).id(p));
                row.category_id = None;
                self.products.core(p).noun.name.to_string()
            }
            Target::Category(c) => {
                row.product_id = None;
                row.category_id = Some(self.world.ids(Table::Categories).id(c));
                let mut name = String::new();
                Tree::new(self.world.count(Entity::Categories))
                    .shape(c)
                    .write_name(&mut name);
                name
            }
        };
        row.name.clear();
        let mut campaign = String::new();
        for (i, part) in word.split('_').enumerate() {
            if i > 0 {
                campaign.push(' ');
            }
            let mut chars = part.chars();
            if let Some(c) = chars.next() {
                campaign.push(c);
                campaign.extend(chars.map(|c| c.to_ascii_lowercase()));
            }
        }
        let _ = match core.discount {
            Discount::Percentage(p) => write!(row.name, "{campaign}: {p}% off {target_name}"),
            Discount::Fixed(m) => write!(row.name, "{campaign}: {m} off {target_name}"),
        };
    }
}

/// Base-36 digits, upper case, at least `width` wide: short, unique codes.
fn push_base36(out: &mut String, mut v: u64, width: usize) {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(v % 36) as usize]);
        v /= 36;
        if v == 0 {
            break;
        }
    }
    while digits.len() < width {
        digits.push(b'0');
    }
    out.extend(digits.iter().rev().map(|&b| b as char));
}

impl Generator for Promotions<'_> {
    type Row = Promotion;

    fn units(&self) -> u64 {
        self.world.count(Entity::Promotions)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Promotion)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_is_padded_and_upper_case() {
        let mut s = String::new();
        push_base36(&mut s, 35, 4);
        assert_eq!(s, "000Z");
        s.clear();
        push_base36(&mut s, 36 * 36 * 36 * 36, 4);
        assert_eq!(s, "10000");
    }

    #[test]
    fn discounts_never_exceed_the_eligible_amount() {
        assert_eq!(
            Discount::Fixed(Money(2_000)).amount_on(Money(1_500)),
            Money(1_500)
        );
        assert_eq!(Discount::Percentage(15).amount_on(Money(1_999)), Money(300));
    }
}
