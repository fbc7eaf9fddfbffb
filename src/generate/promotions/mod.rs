//! Promotions: the codes of the shop's campaigns. Each belongs to a campaign of the
//! shop's year (see `campaigns`), runs in its season, and takes a percentage or a
//! fixed amount off a product, a category or the whole order, or waives shipping.
//! Discounts never reach half of what they apply to. Orders placed while a code runs
//! may use it (see `orders`), more often in a campaign's busiest days.

pub mod campaigns;
mod running;

pub use running::RunningCodes;

use super::categories::Tree;
use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record};
use crate::model::{Currency, Date, Id, Money};
use crate::rng::{self, Permutation};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use campaigns::{CAMPAIGNS, Campaign, Offer};
use serde::{Serialize, Serializer};
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("promotion_id", "Primary key."),
    Field::new("code", F::Text, "Code the customer types; unique.").unique(),
    Field::new("name", F::Text, "Campaign name."),
    Field::new("discount_type", F::Text, "How discount_value reads.")
        .one_of(&["percentage", "fixed", "free_shipping"]),
    Field::new(
        "discount_value",
        F::Text,
        "Whole percent 1..90 for `percentage`; money for `fixed`; empty for `free_shipping`.",
    )
    .nullable(),
    Field::new(
        "minimum_subtotal",
        F::Money,
        "What the order must spend on what the code covers for it to apply; 0.00 for none.",
    ),
    Field::new("currency", F::Text, "ISO 4217 code of every amount in the row: the shop's currency."),
    Field::foreign(
        "product_id",
        Table::Products,
        "Targeted product; at most one of product_id and category_id is set, neither for a code on the whole order.",
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
    doc: "Campaign codes: a discount on a product, a category or the whole order, or free shipping.",
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
    /// The order's shipping is waived.
    FreeShipping,
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
            Discount::FreeShipping => "free_shipping",
        }
    }

    /// The discount on `eligible` (the targeted items' total): never more than that.
    pub fn amount_on(self, eligible: Money) -> Money {
        match self {
            Discount::Percentage(p) => eligible.scale_half_up(p as i64, 100),
            Discount::Fixed(m) => m.min(eligible),
            Discount::FreeShipping => Money::ZERO,
        }
    }
}

/// Serializes the value half: "15" for a percentage, "10.00" for money, nothing for
/// free shipping.
#[derive(Debug, Default)]
pub struct DiscountValue(pub Discount);

impl Serialize for DiscountValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Discount::Percentage(p) => serializer.serialize_str(itoa::Buffer::new().format(p)),
            // Text in every format, like the percentage: the field is text.
            Discount::Fixed(m) => serializer.serialize_str(m.encode(&mut [0; 24])),
            Discount::FreeShipping => serializer.serialize_none(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Product(u64),
    Category(u64),
    /// The whole order.
    Order,
}

/// What an order needs to know about a promotion.
#[derive(Clone, Copy)]
pub struct Terms {
    pub campaign: &'static Campaign,
    pub discount: Discount,
    pub start: Date,
    pub end: Date,
    pub target: Target,
    /// The subtotal an order needs (a fixed amount off orders of some size).
    pub minimum: Money,
}

impl Terms {
    pub fn runs_on(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether the code applies to an item of `product` in `category`.
    pub fn covers(&self, tree: &Tree, product: u64, category: u64) -> bool {
        match self.target {
            Target::Product(p) => p == product,
            Target::Category(c) => tree.is_within(category, c),
            Target::Order => true,
        }
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Promotion {
    pub promotion_id: Id,
    pub code: String,
    pub name: String,
    pub discount_type: &'static str,
    pub discount_value: DiscountValue,
    pub minimum_subtotal: Money,
    pub currency: Currency,
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
    tree: Tree,
    /// Campaigns that can run in the window, with their weights.
    campaigns: Vec<(&'static Campaign, u32)>,
}

impl<'w> Promotions<'w> {
    pub fn new(world: &'w World) -> Self {
        let campaigns = CAMPAIGNS
            .iter()
            .filter(|c| c.season.is_none() || !seasons(c, world).is_empty())
            .map(|c| (c, c.weight))
            .collect();
        Promotions {
            world,
            code_numbers: Permutation::new(
                world.count(Entity::Promotions).max(1),
                world.key(Stream::PromotionCodes),
            ),
            products: super::products::Products::new(world),
            tree: Tree::new(world.count(Entity::Categories)),
            campaigns,
        }
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The terms of promotion `index`: its campaign, dates, discount and target.
    pub fn terms(&self, index: u64) -> Terms {
        let mut rng = self.world.rng(Entity::Promotions, index);
        let weights: Vec<u32> = self.campaigns.iter().map(|(_, w)| *w).collect();
        let campaign = self.campaigns[rng::pick_weighted(&mut rng, &weights)].0;
        let (start, end) = self.dates(&mut rng, campaign);
        let discount = match campaign.offer {
            Offer::FreeShipping => Discount::FreeShipping,
            Offer::FirstOrder => Discount::Percentage(rng::pick(&mut rng, campaign.percents)),
            Offer::Discounts if rng::chance(&mut rng, 700) => {
                Discount::Percentage(rng::pick(&mut rng, campaign.percents))
            }
            Offer::Discounts => Discount::Fixed(Money(100 * rng::pick(&mut rng, campaign.amounts))),
        };
        let target = match (campaign.offer, discount) {
            (Offer::Discounts, Discount::Percentage(_)) => match rng::below(&mut rng, 100) {
                0..25 => self.product_target(&mut rng),
                25..70 => self.category_target(&mut rng, campaign),
                _ => Target::Order,
            },
            (Offer::Discounts, _) if rng::chance(&mut rng, 300) => {
                self.category_target(&mut rng, campaign)
            }
            _ => Target::Order,
        };
        // A fixed amount applies to orders of two and a half times it or more, so
        // it never takes half of what it applies to.
        let minimum = match discount {
            Discount::Fixed(m) => Money((m.cents() * 5 / 2 + 499) / 500 * 500),
            _ => Money::ZERO,
        };
        Terms {
            campaign,
            discount,
            start,
            end,
            target,
            minimum,
        }
    }

    /// A season of the campaign that overlaps the window, or a few days placed in it.
    fn dates(&self, rng: &mut rng::RowRng, campaign: &Campaign) -> (Date, Date) {
        let window = self.world.window;
        let options = seasons(campaign, self.world);
        if !options.is_empty() {
            return options[rng::below(rng, options.len() as u64) as usize];
        }
        let (shortest, longest) = campaign.days;
        let days = rng::between(rng, shortest, longest);
        let mut start = window.first_day().0 - days
            + 1
            + rng::below(rng, (window.days() + days - 1) as u64) as i64;
        if campaign.offer == Offer::FreeShipping {
            // A weekend: from the Friday on or before the day drawn, or the next one;
            // a window too short to meet either keeps the days drawn.
            let mut friday = start - (Date(start).weekday() as i64 - 4).rem_euclid(7);
            if friday + days - 1 < window.first_day().0 {
                friday += 7;
            }
            if friday <= window.last_day().0 {
                start = friday;
            }
        }
        (Date(start), Date(start + days - 1))
    }

    fn product_target(&self, rng: &mut rng::RowRng) -> Target {
        let rank = rng::skewed_rank(rng, self.world.count(Entity::Products).max(1), 500);
        Target::Product(self.world.product_popularity.apply(rank))
    }

    /// A department the campaign is about, or now and then one of its subcategories.
    fn category_target(&self, rng: &mut rng::RowRng, campaign: &Campaign) -> Target {
        let departments = self.tree.departments();
        if departments == 0 {
            return Target::Order;
        }
        let favoured: Vec<u64> = campaign
            .departments
            .iter()
            .map(|&d| d as u64)
            .filter(|&d| d < departments)
            .collect();
        let department = if !favoured.is_empty() && rng::chance(rng, 750) {
            rng::pick(rng, &favoured)
        } else {
            rng::below(rng, departments)
        };
        let subcategories = self.tree.subcategories_of(department);
        if !subcategories.is_empty() && rng::chance(rng, 250) {
            return Target::Category(rng::pick(rng, &subcategories));
        }
        Target::Category(department)
    }

    pub fn fill(&self, index: u64, row: &mut Promotion) {
        let terms = self.terms(index);
        row.promotion_id = self.world.ids(Table::Promotions).id(index);
        row.discount_type = terms.discount.kind();
        row.discount_value = DiscountValue(terms.discount);
        row.minimum_subtotal = terms.minimum;
        row.currency = self.world.currency;
        row.start_date = terms.start;
        row.end_date = terms.end;
        row.code.clear();
        row.code.push_str(terms.campaign.code);
        match terms.discount {
            Discount::Percentage(p) => row.code.push_str(itoa::Buffer::new().format(p)),
            Discount::Fixed(m) => row
                .code
                .push_str(itoa::Buffer::new().format(m.cents() / 100)),
            Discount::FreeShipping => {}
        }
        row.code.push('-');
        push_base36(&mut row.code, self.code_numbers.apply(index), 4);
        let target_name = match terms.target {
            Target::Product(p) => {
                row.product_id = Some(self.world.ids(Table::Products).id(p));
                row.category_id = None;
                self.products.core(p).noun.name.to_string()
            }
            Target::Category(c) => {
                row.product_id = None;
                row.category_id = Some(self.world.ids(Table::Categories).id(c));
                let mut name = String::new();
                self.tree.shape(c).write_name(&mut name);
                name
            }
            Target::Order => {
                row.product_id = None;
                row.category_id = None;
                String::new()
            }
        };
        row.name.clear();
        write_name(&mut row.name, &terms, &target_name, self.world.currency);
    }
}

/// "Black Friday: 30% off Electronics", "Summer Sale: USD 10 off orders of USD 25 or
/// more", "Free Shipping Weekend: free shipping on every order".
fn write_name(out: &mut String, terms: &Terms, target: &str, currency: Currency) {
    let campaign = terms.campaign.name;
    let money = |m: Money| crate::words::amount(m, currency);
    let _ = match (terms.discount, terms.target) {
        (Discount::FreeShipping, _) => write!(out, "{campaign}: free shipping on every order"),
        (Discount::Percentage(p), Target::Order) if terms.campaign.offer == Offer::FirstOrder => {
            write!(out, "{campaign}: {p}% off your first order")
        }
        (Discount::Percentage(p), Target::Order) => write!(out, "{campaign}: {p}% off every order"),
        (Discount::Percentage(p), _) => write!(out, "{campaign}: {p}% off {target}"),
        (Discount::Fixed(m), Target::Order) => write!(
            out,
            "{campaign}: {} off orders of {} or more",
            money(m),
            money(terms.minimum)
        ),
        (Discount::Fixed(m), _) => write!(
            out,
            "{campaign}: {} off {target} orders of {} or more",
            money(m),
            money(terms.minimum)
        ),
    };
}

/// The campaign's seasons that overlap the window, one per year.
fn seasons(campaign: &Campaign, world: &World) -> Vec<(Date, Date)> {
    let Some(season) = campaign.season else {
        return Vec::new();
    };
    let window = world.window;
    let (first, _, _) = crate::model::time_parts(window.first_day());
    let (last, _, _) = crate::model::time_parts(window.last_day());
    (first - 1..=last)
        .map(season)
        .filter(|&(start, end)| start <= window.last_day() && end >= window.first_day())
        .collect()
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
    fn campaigns_run_in_their_season_and_discounts_stay_below_half() {
        let world = crate::generate::world::small_world(5, &[(Entity::Promotions, 400)]);
        let promotions = Promotions::new(&world);
        for q in 0..400 {
            let terms = promotions.terms(q);
            assert!(
                terms.start <= world.window.last_day() && terms.end >= world.window.first_day()
            );
            if let Some(season) = terms.campaign.season {
                let (_, month, _) = crate::model::time_parts(terms.start);
                let (_, expected, _) = crate::model::time_parts(season(2023).0);
                assert_eq!(month, expected, "{}", terms.campaign.name);
            }
            match terms.discount {
                Discount::Percentage(p) => assert!(p <= 50),
                Discount::Fixed(m) => assert!(terms.minimum.cents() >= m.cents() * 2),
                Discount::FreeShipping => assert_eq!(terms.target, Target::Order),
            }
        }
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
