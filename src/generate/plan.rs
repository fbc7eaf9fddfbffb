//! The plan of a run: the world every generator shares, checked to be satisfiable
//! before anything is written, and the entities to write in dependency order.

use super::registry::{Counts, dependency_order, with_ancestors};
use super::world::World;
use crate::error::{Error, Result};
use crate::model::{Currency, Date, Window};
use crate::schema::Entity;

/// What a plan is made from: plain values, whoever gathered them (the command line, a
/// config file, a library caller).
#[derive(Clone, Debug)]
pub struct PlanInput {
    pub seed: u64,
    pub window: Window,
    /// When the shop opened; `None` for `Window::default_opened`, some years before the
    /// window starts.
    pub opened: Option<Date>,
    pub counts: Counts,
    /// `--count reviews=N`, when given: reviews are otherwise derived.
    pub review_count: Option<u64>,
    /// The shop's currency.
    pub currency: Currency,
    /// Entities to write.
    pub entities: Vec<Entity>,
    /// Threads for the passes over all orders; never changes any output.
    pub threads: usize,
}

impl PlanInput {
    /// Every entity with the default counts in the default window.
    pub fn new(seed: u64) -> PlanInput {
        PlanInput {
            seed,
            window: Window::default(),
            opened: None,
            counts: Counts::default(),
            review_count: None,
            currency: Currency::USD,
            entities: Entity::ALL.to_vec(),
            threads: 1,
        }
    }
}

pub struct Plan {
    pub world: World,
    /// Entities to write, parents before children.
    pub entities: Vec<Entity>,
}

impl Plan {
    pub fn new(input: &PlanInput) -> Result<Plan> {
        let opened = input
            .opened
            .unwrap_or_else(|| input.window.default_opened());
        if opened > input.window.first_day() {
            return Err(Error::Usage(format!(
                "--opened {opened} is after --start-date {}: a shop opens at or before the window it is seen in",
                input.window.first_day()
            )));
        }
        if let Some(why) = crate::model::time::unfillable(&input.window, input.opened) {
            return Err(Error::Usage(why));
        }
        let mut world = World::new(input.seed, input.window, opened, input.counts.clone());
        world.threads = input.threads;
        world.currency = input.currency;
        world.review_count_override = input.review_count;
        let needed = with_ancestors(&input.entities);
        check_requirements(&world, &needed)?;
        let most = super::categories::Tree::most();
        if world.count(Entity::Categories) > most {
            return Err(Error::Counts(format!(
                "cannot make {} categories: the catalog has distinct names for {most} (departments, their subcategories and the kinds of goods below them)",
                world.count(Entity::Categories)
            )));
        }
        check_pairs(&world, &needed)?;
        check_reviews(&world, &input.entities)?;
        if world.count(Entity::Orders) > u64::MAX / super::orders::CHILD_KEYS {
            return Err(Error::Counts(format!(
                "{} orders are more than ecomgen can key",
                world.count(Entity::Orders)
            )));
        }
        let entities = dependency_order()
            .into_iter()
            .filter(|e| input.entities.contains(e))
            .collect();
        Ok(Plan { world, entities })
    }
}

/// An entity with rows needs rows in the entities it requires (an order may go without
/// a promotion, a ticket without an order).
fn check_requirements(world: &World, needed: &[Entity]) -> Result<()> {
    for &entity in needed {
        let n = world.count(entity);
        if n == 0 {
            continue;
        }
        if let Some(&parent) = entity
            .spec()
            .requires
            .iter()
            .find(|&&p| world.count(p) == 0)
        {
            return Err(Error::Counts(format!(
                "cannot make {n} {} without {}: set --count {}=N to 1 or more, or --count {}=0",
                entity.name(),
                parent.name(),
                parent.name(),
                entity.name()
            )));
        }
    }
    Ok(())
}

/// Rows drawn from pairs of parents (each pair at most once) cannot outnumber the
/// pairs; and pairs are numbered in 64 bits, so more pairs than that cannot be drawn
/// from, however few rows are asked for.
fn check_pairs(world: &World, needed: &[Entity]) -> Result<()> {
    use Entity::*;
    for (rows, a, b, pair) in [
        (Inventory, Products, Warehouses, "(product, warehouse)"),
        (Wishlists, Users, Products, "(user, product)"),
    ] {
        if !needed.contains(&rows) {
            continue;
        }
        let n = |e: Entity| world.count(e);
        let what = rows.name().trim_end_matches('s');
        let problem = match n(a).checked_mul(n(b)) {
            Some(pairs) if n(rows) <= pairs => continue,
            Some(pairs) => format!(
                "cannot make {} {what} rows: only {} {} x {} {} = {pairs} {pair} pairs exist",
                n(rows),
                n(a),
                a.name(),
                n(b),
                b.name(),
            ),
            None => format!(
                "cannot make {what} rows from {} {} x {} {}: more {pair} pairs than ecomgen can number (2^64); lower the counts",
                n(a),
                a.name(),
                n(b),
                b.name(),
            ),
        };
        return Err(Error::Counts(problem));
    }
    Ok(())
}

/// A set review count cannot exceed the delivered purchases there are to review.
fn check_reviews(world: &World, written: &[Entity]) -> Result<()> {
    let uses_reviews = written
        .iter()
        .any(|e| with_ancestors(&[*e]).contains(&Entity::Reviews));
    let Some(n) = world.review_count_override else {
        return Ok(());
    };
    if !uses_reviews {
        return Ok(());
    }
    let delivered = world.delivered().total;
    if n > delivered {
        return Err(Error::Counts(format!(
            "cannot make {n} reviews: the orders hold only {delivered} delivered purchases \
             (items of delivered or returned orders) to review; lower --count reviews or raise --count orders"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsatisfiable_counts_are_refused() {
        let mut input = PlanInput::new(1);
        input.counts.set(Entity::Inventory, 2_000 * 5 + 1);
        let err = Plan::new(&input).err().expect("too many inventory rows");
        assert!(err.to_string().contains("inventory"), "{err}");

        let mut input = PlanInput::new(1);
        input.counts.set(Entity::Users, 0);
        let err = Plan::new(&input).err().expect("orders without users");
        assert!(err.to_string().contains("without users"), "{err}");

        let mut input = PlanInput::new(1);
        input.counts.set(Entity::Warehouses, 0);
        assert!(Plan::new(&input).is_err(), "orders ship from a warehouse");
    }

    #[test]
    fn a_subset_is_planned_in_dependency_order() {
        let mut input = PlanInput::new(1);
        input.entities = vec![Entity::Payments, Entity::Users];
        let plan = Plan::new(&input).unwrap();
        assert_eq!(plan.entities, [Entity::Users, Entity::Payments]);
    }
}
