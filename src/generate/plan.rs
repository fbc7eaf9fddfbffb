//! The plan of a run: the world every generator shares, checked to be satisfiable
//! before anything is written, and the entities to write in dependency order.

use super::Entity;
use super::world::World;
use crate::config::Config;
use crate::error::{Error, Result};

pub struct Plan {
    pub world: World,
    /// Entities to write, parents before children.
    pub entities: Vec<Entity>,
}

/// Every entity after its parents; among independent ones, registry order. Computed
/// from `Entity::parents`, so adding an entity cannot get the order wrong.
pub fn dependency_order() -> Vec<Entity> {
    let mut order: Vec<Entity> = Vec::with_capacity(Entity::ALL.len());
    while order.len() < Entity::ALL.len() {
        let next = Entity::ALL
            .into_iter()
            .find(|e| !order.contains(e) && e.parents().iter().all(|p| order.contains(p)))
            .expect("the entity graph has no cycle");
        order.push(next);
    }
    order
}

impl Plan {
    pub fn new(config: &Config) -> Result<Plan> {
        let mut world = World::new(config.seed, config.window, config.counts.clone());
        world.threads = config.threads;
        world.review_count_override = config.review_count;
        check_counts(&world, &needed(&config.entities))?;
        let needs_reviews = config.entities.iter().any(|e| {
            matches!(
                e,
                Entity::Reviews | Entity::UserAnalytics | Entity::ProductAnalytics
            )
        });
        if needs_reviews && let Some(n) = config.review_count {
            let delivered = world.delivered().total;
            if n > delivered {
                return Err(Error::Counts(format!(
                    "cannot make {n} reviews: the orders hold only {delivered} delivered purchases \
                     (items of delivered or returned orders) to review; lower --count reviews or raise --count orders"
                )));
            }
        }
        let entities = dependency_order()
            .into_iter()
            .filter(|e| config.entities.contains(e))
            .collect();
        Ok(Plan { world, entities })
    }
}

/// The entities written and every entity their rows point into.
fn needed(written: &[Entity]) -> Vec<Entity> {
    let mut needed = written.to_vec();
    let mut i = 0;
    while i < needed.len() {
        for &parent in needed[i].parents() {
            if !needed.contains(&parent) {
                needed.push(parent);
            }
        }
        i += 1;
    }
    needed
}

/// Refuses counts the data model cannot satisfy, for the entities this run needs.
fn check_counts(world: &World, needed: &[Entity]) -> Result<()> {
    use Entity::*;
    let n = |e| world.count(e);
    let refuse = |msg: String| Err(Error::Counts(msg));
    // An entity with rows needs rows in the entities its rows must point to (an order
    // may go without a promotion, a ticket without an order).
    let required: &[(Entity, &[Entity])] = &[
        (Products, &[Categories, Vendors]),
        (Inventory, &[Products, Warehouses]),
        (Promotions, &[Products, Categories]),
        (Orders, &[Users, Products, Warehouses]),
        (SupportTickets, &[Users]),
        (Wishlists, &[Users, Products]),
        (Notifications, &[Users]),
    ];
    for &(entity, parents) in required {
        if n(entity) == 0 || !needed.contains(&entity) {
            continue;
        }
        if let Some(&parent) = parents.iter().find(|&&p| n(p) == 0) {
            return refuse(format!(
                "cannot make {} {} without {}: set --count {}=N to 1 or more, or --count {}=0",
                n(entity),
                entity.name(),
                parent.name(),
                parent.name(),
                entity.name()
            ));
        }
    }
    // Rows are drawn from the pairs by a permutation numbered in 64 bits, so more pairs
    // than that cannot be drawn from, however few rows are asked for.
    let pair_problem = |rows: Entity, a: Entity, b: Entity, pair: &str| {
        let (what, of_a, of_b) = (rows.name().trim_end_matches('s'), a.name(), b.name());
        match n(a).checked_mul(n(b)) {
            Some(pairs) if n(rows) <= pairs => None,
            Some(pairs) => Some(format!(
                "cannot make {} {what} rows: only {} {of_a} x {} {of_b} = {pairs} {pair} pairs exist",
                n(rows),
                n(a),
                n(b),
            )),
            None => Some(format!(
                "cannot make {what} rows from {} {of_a} x {} {of_b}: more {pair} pairs than ecomgen can number (2^64); lower the counts",
                n(a),
                n(b),
            )),
        }
    };
    if let Some(problem) = pair_problem(Inventory, Products, Warehouses, "(product, warehouse)") {
        return refuse(problem);
    }
    if needed.contains(&Wishlists)
        && let Some(problem) = pair_problem(Wishlists, Users, Products, "(user, product)")
    {
        return refuse(problem);
    }
    if n(Orders) > u64::MAX / super::orders::CHILD_KEYS {
        return refuse(format!(
            "{} orders are more than ecomgen can key",
            n(Orders)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_children() {
        let order = dependency_order();
        assert_eq!(order.len(), Entity::ALL.len());
        for (i, e) in order.iter().enumerate() {
            for p in e.parents() {
                let at = order.iter().position(|x| x == p).unwrap();
                assert!(at < i, "{} before its parent {}", e.name(), p.name());
            }
        }
    }

    #[test]
    fn every_entity_has_fields_a_tag_and_a_unique_stable_id() {
        let mut ids: Vec<u64> = Entity::ALL.iter().map(|e| e.stable_id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Entity::ALL.len());
        for e in Entity::ALL {
            assert!(!e.fields().is_empty());
            assert!(!e.row_tag().is_empty());
            assert_eq!(Entity::from_name(e.name()), Some(e));
        }
    }

    #[test]
    fn unsatisfiable_counts_are_refused() {
        let mut config = Config::new(1, "unused");
        config.counts.set(Entity::Inventory, 2_000 * 5 + 1);
        let err = Plan::new(&config).err().expect("too many inventory rows");
        assert!(err.to_string().contains("inventory"), "{err}");

        let mut config = Config::new(1, "unused");
        config.counts.set(Entity::Users, 0);
        assert!(Plan::new(&config).is_err());
    }
}
