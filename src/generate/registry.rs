//! The entity registry: one `EntitySpec` per entity, declared beside its generator,
//! and everything the rest of the code asks about entities answered from it (names,
//! tables, parents, counts, generation order), so adding an entity is one new file and
//! one line in `REGISTRY`.

use super::{RowSource, World};
use crate::schema::{Entity, Table, TableSpec};

/// Everything about one entity, in one place.
pub struct EntitySpec {
    pub entity: Entity,
    /// A number fixed forever: it seeds the entity's random streams and ids, so
    /// reordering or renaming entities changes no output.
    pub stable_id: u64,
    /// Name on the command line (`--entities`, `--count`) and in messages.
    pub name: &'static str,
    /// One line for `ecomgen entities` and `ecomgen schema`.
    pub doc: &'static str,
    /// Entities whose rows or facts this one's rows use: foreign keys, and every
    /// parent whose fields it recomputes (orders place an order at a warehouse).
    pub parents: &'static [Entity],
    /// Entities that must have rows for this one to have any (an order needs a
    /// customer, a product and a warehouse; it may go without a promotion).
    pub requires: &'static [Entity],
    pub count: CountRule,
    /// Its tables: its own first, then child tables (order items).
    pub tables: &'static [&'static TableSpec],
    /// Builds the generator for a run.
    pub source: for<'w> fn(&'w World) -> Box<dyn RowSource + 'w>,
}

/// How an entity's row count is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountRule {
    /// Set by `--count` or `--scale`, with this default.
    Set(u64),
    /// Set by `--count`, or by `--scale` growing as its square root: a shop ten times
    /// the size has about three times the warehouses, not ten.
    SetRoot(u64),
    /// Follows from other entities; cannot be set.
    Derived(&'static str),
    /// Follows from other entities unless `--count` sets it.
    DerivedOrSet(&'static str),
}

/// Every entity's spec, in `Entity::ALL` order.
pub static REGISTRY: [&EntitySpec; Entity::COUNT] = [
    &super::users::SPEC,
    &super::categories::SPEC,
    &super::vendors::SPEC,
    &super::warehouses::SPEC,
    &super::products::SPEC,
    &super::inventory::SPEC,
    &super::promotions::SPEC,
    &super::orders::SPEC,
    &super::payments::SPEC,
    &super::shipping::SPEC,
    &super::returns::SPEC,
    &super::reviews::SPEC,
    &super::support_tickets::SPEC,
    &super::wishlists::SPEC,
    &super::notifications::SPEC,
    &super::user_analytics::SPEC,
    &super::product_analytics::SPEC,
];

impl Entity {
    pub fn spec(self) -> &'static EntitySpec {
        REGISTRY[self.index()]
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn stable_id(self) -> u64 {
        self.spec().stable_id
    }

    pub fn parents(self) -> &'static [Entity] {
        self.spec().parents
    }

    pub fn count_rule(self) -> CountRule {
        self.spec().count
    }

    /// The entity's own table.
    pub fn table(self) -> &'static TableSpec {
        self.spec().tables[0]
    }

    /// The entity a name means, in any case (`Users` as well as `users`).
    pub fn from_name(name: &str) -> Option<Entity> {
        Entity::ALL
            .into_iter()
            .find(|e| e.name().eq_ignore_ascii_case(name))
    }

    /// Every entity's name, comma-separated, for messages that list the choices.
    pub fn names() -> String {
        Entity::ALL.map(Entity::name).join(", ")
    }
}

impl std::str::FromStr for Entity {
    type Err = String;

    fn from_str(s: &str) -> Result<Entity, String> {
        Entity::from_name(s.trim())
            .ok_or_else(|| format!("unknown entity '{s}' (valid: {})", Entity::names()))
    }
}

impl Table {
    pub fn spec(self) -> &'static TableSpec {
        self.entity()
            .spec()
            .tables
            .iter()
            .find(|t| t.table == self)
            .expect("every table belongs to its entity's spec (a registry test checks)")
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Every table in load order: parents first, child tables right after their own.
    pub fn load_order() -> Vec<&'static TableSpec> {
        dependency_order()
            .into_iter()
            .flat_map(|e| e.spec().tables.iter().copied())
            .collect()
    }
}

/// Every entity after its parents; among independent ones, registry order.
pub fn dependency_order() -> Vec<Entity> {
    let mut order: Vec<Entity> = Vec::with_capacity(Entity::COUNT);
    while order.len() < Entity::COUNT {
        let next = Entity::ALL
            .into_iter()
            .find(|e| !order.contains(e) && e.parents().iter().all(|p| order.contains(p)))
            .expect("the entity graph has no cycle (a registry test checks)");
        order.push(next);
    }
    order
}

/// The entities `written` and every entity their rows use, transitively.
pub fn with_ancestors(written: &[Entity]) -> Vec<Entity> {
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

/// A factor every default count is multiplied by (`--scale`): a finite number, 0 or
/// more, kept with the text it was given in so messages echo what the user typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub factor: f64,
    pub text: String,
}

impl std::str::FromStr for Scale {
    type Err = String;

    fn from_str(s: &str) -> Result<Scale, String> {
        match s.trim().parse::<f64>() {
            Ok(factor) if factor.is_finite() && factor >= 0.0 => Ok(Scale {
                factor,
                text: short(s.trim(), factor),
            }),
            _ => Err("expected a non-negative number, e.g. 0.5 or 10".to_string()),
        }
    }
}

/// The factor as the user wrote it, unless that is long (`1e300` from a config file
/// reads back as 301 digits): then in scientific notation.
fn short(text: &str, factor: f64) -> String {
    if text.len() <= 16 {
        text.to_string()
    } else {
        format!("{factor:e}")
    }
}

impl Scale {
    /// The default counts scaled, or why they cannot be.
    pub fn counts(&self) -> Result<Counts, String> {
        Counts::scaled(self.factor).map_err(|entity| {
            format!(
                "--scale {} makes more {} than ecomgen can count",
                self.text,
                entity.name()
            )
        })
    }
}

/// One entity's row count (`--count users=5000`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountSetting {
    pub entity: Entity,
    pub rows: u64,
}

impl std::str::FromStr for CountSetting {
    type Err = String;

    fn from_str(s: &str) -> Result<CountSetting, String> {
        let Some((name, n)) = s.split_once('=') else {
            return Err("expected ENTITY=N, e.g. users=5000".to_string());
        };
        let entity: Entity = name.parse()?;
        let rows = n.trim().replace('_', "").parse::<u64>().map_err(|e| {
            if *e.kind() == std::num::IntErrorKind::PosOverflow {
                format!(
                    "'{n}' is more rows than ecomgen can count (at most {})",
                    u64::MAX
                )
            } else {
                format!("'{n}' is not a row count (a whole number, 0 or more)")
            }
        })?;
        Ok(CountSetting { entity, rows })
    }
}

/// Row counts of the entities whose count is set (derived ones are 0 here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts([u64; Entity::COUNT]);

impl Counts {
    pub fn zero() -> Self {
        Counts([0; Entity::COUNT])
    }

    /// The default counts, every one multiplied by `scale` (at least one of
    /// everything a shop had, unless `scale` is 0); the first entity whose count
    /// would not fit in 64 bits otherwise.
    pub fn scaled(scale: f64) -> Result<Counts, Entity> {
        let mut counts = Counts::zero();
        for entity in Entity::ALL {
            let (n, factor) = match entity.count_rule() {
                CountRule::Set(n) => (n, scale),
                CountRule::SetRoot(n) => (n, scale.sqrt()),
                CountRule::Derived(_) | CountRule::DerivedOrSet(_) => continue,
            };
            {
                let scaled = if factor > 0.0 {
                    (n as f64 * factor).round().max(1.0)
                } else {
                    0.0
                };
                if scaled >= u64::MAX as f64 {
                    return Err(entity);
                }
                counts.set(entity, scaled as u64);
            }
        }
        // Warehouses grow more slowly than products, so a small shop could ask for
        // more stock rows than it has (product, warehouse) pairs: it stocks them all.
        let pairs = counts
            .get(Entity::Products)
            .saturating_mul(counts.get(Entity::Warehouses));
        counts.set(Entity::Inventory, counts.get(Entity::Inventory).min(pairs));
        Ok(counts)
    }

    pub fn get(&self, entity: Entity) -> u64 {
        self.0[entity.index()]
    }

    pub fn set(&mut self, entity: Entity, n: u64) {
        self.0[entity.index()] = n;
    }
}

impl Default for Counts {
    fn default() -> Self {
        Counts::scaled(1.0).expect("the default counts fit")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{FieldType, Key};

    /// Loops over the whole registry, as ripgrep's flag tests loop over its flags.
    #[test]
    fn every_entity_is_declared_once_and_completely() {
        let mut ids: Vec<u64> = Entity::ALL.iter().map(|e| e.stable_id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Entity::COUNT, "stable ids are distinct");
        for (i, entity) in Entity::ALL.into_iter().enumerate() {
            let spec = entity.spec();
            assert_eq!(spec.entity, entity, "REGISTRY[{i}] is {:?}", spec.entity);
            assert_eq!(Entity::from_name(spec.name), Some(entity));
            assert_eq!(spec.name.parse::<Entity>(), Ok(entity));
            assert!(
                !spec.doc.is_empty() && !spec.tables.is_empty(),
                "{}",
                spec.name
            );
            assert_eq!(spec.tables[0].name, spec.name, "own table first");
            for r in spec.requires {
                assert!(spec.parents.contains(r), "{} requires a parent", spec.name);
            }
            for table in spec.tables {
                assert_eq!(table.table.entity(), entity, "{}", table.name);
                assert!(!table.row_tag.is_empty() && !table.fields.is_empty());
                assert_eq!(table.key_field().ty, FieldType::Uuid, "{}", table.name);
                assert_eq!(table.nesting.is_some(), table.name != spec.name);
                // A key points at a parent: the rows it names are generated first.
                for field in table.fields {
                    if let Key::Foreign(to) = field.key {
                        let to = to.entity();
                        assert!(
                            to == entity || spec.parents.contains(&to),
                            "{}.{} points at {}, not a parent",
                            table.name,
                            field.name,
                            to.name()
                        );
                    }
                }
            }
        }
        let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), Table::COUNT, "table names are distinct");
    }

    #[test]
    fn parents_come_before_children() {
        let order = dependency_order();
        assert_eq!(order.len(), Entity::COUNT);
        for (i, e) in order.iter().enumerate() {
            for p in e.parents() {
                let at = order.iter().position(|x| x == p).unwrap();
                assert!(at < i, "{} before its parent {}", e.name(), p.name());
            }
        }
        let tables = Table::load_order();
        assert_eq!(tables.len(), Table::COUNT);
    }

    #[test]
    fn counts_and_scales_parse_or_explain() {
        let users: CountSetting = "users=5000".parse().unwrap();
        assert_eq!((users.entity, users.rows), (Entity::Users, 5000));
        assert_eq!(
            "orders=1_000_000".parse::<CountSetting>().unwrap().rows,
            1_000_000
        );
        assert!(
            "users"
                .parse::<CountSetting>()
                .unwrap_err()
                .contains("ENTITY=N")
        );
        assert!(
            "buyers=5"
                .parse::<CountSetting>()
                .unwrap_err()
                .contains("valid: users")
        );
        assert!(
            "users=-5"
                .parse::<CountSetting>()
                .unwrap_err()
                .contains("row count")
        );
        assert!("-1".parse::<Scale>().is_err() && "inf".parse::<Scale>().is_err());
        let huge: Scale = "1e300".parse().unwrap();
        assert_eq!(
            huge.counts().unwrap_err(),
            "--scale 1e300 makes more users than ecomgen can count"
        );
    }

    #[test]
    fn counts_are_sized_by_the_registry() {
        let mut counts = Counts::zero();
        for e in Entity::ALL {
            counts.set(e, e.index() as u64 + 1);
        }
        assert!(
            Entity::ALL
                .iter()
                .all(|&e| counts.get(e) == e.index() as u64 + 1)
        );
        assert_eq!(Counts::default().get(Entity::Users), 6_000);
        let small = Counts::scaled(0.2).unwrap();
        assert!(
            small.get(Entity::Inventory)
                <= small.get(Entity::Products) * small.get(Entity::Warehouses)
        );
        assert_eq!(Counts::scaled(0.0).unwrap().get(Entity::Orders), 0);
        assert_eq!(Counts::scaled(1e300), Err(Entity::Users));
    }
}
