//! What goes in an order: lines from the season's departments and the customer's
//! favourites, their staples bought again, quantities by kind of goods, and a running
//! campaign's code when the customer has one (used more in a campaign's busiest days),
//! capped so that no discount reaches half of what it applies to.

use super::facts::{ItemFacts, MAX_ITEMS};
use super::tuning::*;
use crate::generate::World;
use crate::generate::customers::Tastes;
use crate::generate::demand::quantity;
use crate::generate::products::Products;
use crate::generate::promotions::campaigns::Offer;
use crate::generate::promotions::{Discount, Promotions, Target};
use crate::model::{Money, Timestamp};
use crate::rng::{self, RowRng};
use crate::schema::Entity;
use crate::words::catalog::DEPARTMENTS;

/// The basket as drawn, before money is added up.
pub struct Basket {
    pub items: [ItemFacts; MAX_ITEMS],
    pub count: usize,
    pub promotion: Option<u64>,
    pub discount: Money,
    pub free_shipping: bool,
}

impl Basket {
    pub fn items(&self) -> &[ItemFacts] {
        &self.items[..self.count]
    }
}

pub fn item(products: &Products, product: u64, quantity: u32) -> ItemFacts {
    let core = products.core(product);
    ItemFacts {
        product,
        category: core.category,
        department: core.shape.department,
        quantity,
        unit_price: core.price,
        total: core.price * quantity as i64,
        returned: None,
    }
}

/// The lines of customer `user`'s order placed at `at`.
pub fn fill(
    world: &World,
    products: &Products,
    rng: &mut RowRng,
    user: u64,
    tastes: &Tastes,
    at: Timestamp,
) -> Basket {
    let demand = world.demand();
    let mut count = 1 + rng::pick_weighted(rng, &ITEM_COUNT_WEIGHTS);
    if tastes.spend_level > 1.4 && count < MAX_ITEMS && rng::chance(rng, 300) {
        count += 1;
    }
    let mut items = [ItemFacts::default(); MAX_ITEMS];
    let mut filled = 0;
    let day = at.date();
    for _ in 0..count {
        let Some(department) = demand.department(rng, day, tastes.favourites) else {
            break;
        };
        let habits = &DEPARTMENTS[department].habits;
        // A product not in the basket yet and still sold that day.
        let mut product = None;
        for _ in 0..DISTINCT_PRODUCT_TRIES {
            let p = if rng::chance(rng, habits.reorder_per_mille) {
                demand.staple(world, user, department, rng::below(rng, 3))
            } else {
                demand.product(rng, department)
            };
            let sold = products.core(p).discontinued.is_none_or(|d| day < d);
            if sold && !items[..filled].iter().any(|it| it.product == p) {
                product = Some(p);
                break;
            }
        }
        let Some(product) = product else {
            continue;
        };
        let q = quantity(rng, habits, tastes.spend_level);
        items[filled] = item(products, product, q);
        filled += 1;
    }
    if filled == 0 {
        // Every department drew only repeats, or none is stocked: the best seller
        // still sold that day.
        let count = world.count(Entity::Products);
        let product = (0..count)
            .map(|rank| world.product_popularity.apply(rank))
            .find(|&p| products.core(p).discontinued.is_none_or(|d| day < d))
            .unwrap_or_else(|| world.product_popularity.apply(0));
        items[0] = item(products, product, 1);
        filled = 1;
    }
    Basket {
        items,
        count: filled,
        promotion: None,
        discount: Money::ZERO,
        free_shipping: false,
    }
}

/// A running code the customer may use: more likely when campaigns with a strong pull
/// run; the first-order welcome code only on a first order.
pub fn apply_promotion(
    world: &World,
    promotions: &Promotions,
    products: &Products,
    rng: &mut RowRng,
    at: Timestamp,
    first_order: bool,
    basket: &mut Basket,
) {
    if world.count(Entity::Promotions) == 0 {
        return;
    }
    let codes = world.running_codes();
    let Some(day) = codes.day(at.date()).filter(|d| !d.codes.is_empty()) else {
        return;
    };
    let per_mille = (PROMOTION_BASE_PER_MILLE + PROMOTION_PULL_PER_MILLE * day.pull)
        .min(PROMOTION_MAX_PER_MILLE);
    if !rng::chance(rng, per_mille) {
        return;
    }
    for _ in 0..PROMOTION_TRIES {
        let q = day.codes[rng::pick_weighted(rng, &day.weights)] as u64;
        let terms = codes.terms(q);
        if terms.campaign.offer == Offer::FirstOrder && !first_order {
            continue;
        }
        if let Target::Product(p) = terms.target
            && products
                .core(p)
                .discontinued
                .is_some_and(|d| d <= at.date())
        {
            continue;
        }
        if let Target::Product(p) = terms.target
            && !basket.items().iter().any(|it| it.product == p)
        {
            // The code brought the customer for that product.
            let quantity = basket.items[0].quantity;
            basket.items[0] = item(products, p, quantity);
        }
        let tree = promotions.tree();
        let eligible: Money = basket
            .items()
            .iter()
            .filter(|it| terms.covers(tree, it.product, it.category))
            .map(|it| it.total)
            .sum();
        // A fixed amount needs that much spent on what it covers, so it never makes
        // the goods free.
        if eligible == Money::ZERO || eligible < terms.minimum {
            continue;
        }
        basket.promotion = Some(q);
        match terms.discount {
            Discount::FreeShipping => basket.free_shipping = true,
            discount => basket.discount = discount.amount_on(eligible),
        }
        return;
    }
}
