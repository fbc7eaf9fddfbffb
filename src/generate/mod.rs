//! The generation core: the registry of entities, the world a run shares, and one
//! generator per entity producing rows as pure functions of (seed, entity, row key).
//! Nothing here knows about formats, files, the command line or the validator.

pub mod calendar;
pub mod customers;
pub mod demand;
pub mod places;
pub mod plan;
pub mod registry;
pub mod stock;
pub mod streams;
pub mod tally;
pub mod world;

pub mod categories;
pub mod inventory;
pub mod notifications;
pub mod orders;
pub mod payments;
pub mod product_analytics;
pub mod products;
pub mod promotions;
pub mod returns;
pub mod reviews;
pub mod shipping;
pub mod support_tickets;
pub mod user_analytics;
pub mod users;
pub mod vendors;
pub mod warehouses;
pub mod wishlists;

use crate::model::cells::RowCells;
use orders::{OrderFacts, Orders};
use serde::Serialize;
use std::ops::Range;

pub use plan::{Plan, PlanInput};
pub use registry::{CountRule, Counts, EntitySpec, REGISTRY, dependency_order};
pub use streams::Stream;
pub use world::World;

/// A row as tables see it: its own fields, and for orders their child rows (items),
/// which tree formats nest and flat formats write to a table of their own.
pub trait Record {
    type Own: Serialize;
    type Child: Serialize;

    fn own(&self) -> &Self::Own;

    fn each_child(&self, _each: &mut dyn FnMut(&Self::Child)) {}
}

/// Implements `Record` for a row with no children.
macro_rules! flat_record {
    ($($row:ty),* $(,)?) => {$(
        impl $crate::generate::Record for $row {
            type Own = Self;
            type Child = ();
            fn own(&self) -> &Self {
                self
            }
        }
    )*};
}
pub(crate) use flat_record;

/// Produces an entity's rows. Rows come from "units": a row index for entities with a
/// set count, a parent row (an order) for entities derived from it. A range of units
/// always yields the same rows, whichever thread or machine asks.
pub trait Generator: Sync {
    type Row: Record;

    fn units(&self) -> u64;

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Self::Row));

    /// Entities whose rows hang on orders say so (`FromOrders`).
    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        None
    }
}

/// A generator seen through its rows' cells, the way the engine and the formats see
/// every entity alike.
pub trait RowSource: Sync {
    fn units(&self) -> u64;

    /// Calls `each` with the cells of every row of `units`, in order.
    fn cells(&self, units: Range<u64>, each: &mut dyn FnMut(&RowCells));

    /// The entity's rows as a function of an order's facts, when they hang on orders.
    fn fed_by_orders(&self) -> Option<&dyn OrderFed>;
}

impl<G: Generator> RowSource for G {
    fn units(&self) -> u64 {
        Generator::units(self)
    }

    fn cells(&self, units: Range<u64>, each: &mut dyn FnMut(&RowCells)) {
        let mut cells = RowCells::default();
        self.generate(units, &mut |row| {
            to_cells(row, &mut cells);
            each(&cells);
        });
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        Generator::fed_by_orders(self)
    }
}

fn to_cells<R: Record>(row: &R, cells: &mut RowCells) {
    cells.clear();
    cells.push_row(row.own());
    row.each_child(&mut |child| cells.push_child(child));
}

/// An entity whose rows hang on orders: the rows of order `order` follow from its
/// facts alone. Its first `Orders::count()` units are the orders, in order (units
/// after them, such as notifications' customer messages, come from elsewhere), so one
/// pass that draws each order's facts once can feed every such entity.
pub trait FromOrders: Sync {
    type Row: Record + Default + Send;

    /// Emits the rows of one order, filling the reused `row`.
    fn rows_of(
        &self,
        order: u64,
        facts: &OrderFacts,
        row: &mut Self::Row,
        emit: &mut dyn FnMut(&Self::Row),
    );

    /// The loop of `Generator::generate` over order units.
    fn generate_orders(
        &self,
        orders: &Orders,
        units: Range<u64>,
        emit: &mut dyn FnMut(&Self::Row),
    ) {
        let mut row = Self::Row::default();
        let mut last = orders::LastCustomer::default();
        for order in units {
            self.rows_of(order, &orders.facts_after(order, &mut last), &mut row, emit);
        }
    }
}

/// Yields the cells of one order's rows of an entity, reusing its buffers.
pub type OrderFeeder<'a> = Box<dyn FnMut(u64, &OrderFacts, &mut dyn FnMut(&RowCells)) + Send + 'a>;

/// `FromOrders` seen through cells, as the engine's pass over orders uses it.
pub trait OrderFed: Sync {
    /// A feeder for one worker.
    fn feeder(&self) -> OrderFeeder<'_>;
}

impl<T: FromOrders> OrderFed for T {
    fn feeder(&self) -> OrderFeeder<'_> {
        let mut row = T::Row::default();
        let mut cells = RowCells::default();
        Box::new(move |order, facts, each| {
            self.rows_of(order, facts, &mut row, &mut |r| {
                to_cells(r, &mut cells);
                each(&cells);
            });
        })
    }
}

/// The loop of every entity with one row per unit: fill one reused row, emit it.
pub fn each_row<R: Default>(
    units: Range<u64>,
    emit: &mut dyn FnMut(&R),
    mut fill: impl FnMut(u64, &mut R),
) {
    let mut row = R::default();
    for unit in units {
        fill(unit, &mut row);
        emit(&row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cells::Value;
    use crate::schema::{Entity, FieldType};

    /// Every entity's rows fill exactly its tables' fields, each with a cell of the
    /// field's type (null only where the field may be missing).
    #[test]
    fn rows_serialize_to_the_schema_of_their_tables() {
        let world = world::small_world(11, &[]);
        for entity in Entity::ALL {
            let spec = entity.spec();
            let source = (spec.source)(&world);
            let mut rows = 0;
            source.cells(0..source.units().min(300), &mut |row| {
                rows += 1;
                check(spec.tables[0], row.own());
                if let Some(child) = spec.tables.get(1) {
                    assert!(row.child_count() > 0, "{} without children", spec.name);
                    for c in 0..row.child_count() {
                        check(child, row.child(c));
                    }
                } else {
                    assert_eq!(row.child_count(), 0);
                }
            });
            assert!(rows > 0, "{} made no row", spec.name);
        }
    }

    fn check<'a>(
        table: &crate::schema::TableSpec,
        values: impl ExactSizeIterator<Item = Value<'a>>,
    ) {
        assert_eq!(values.len(), table.fields.len(), "{}", table.name);
        for (field, value) in table.fields.iter().zip(values) {
            let fits = match (field.ty, value) {
                (_, Value::Null) => field.nullable,
                (FieldType::Uuid, Value::Uuid(_)) => true,
                (FieldType::Text, Value::Text(t)) => {
                    field.values.is_empty() || field.values.contains(&t)
                }
                (FieldType::Integer, Value::Integer(_)) => true,
                (FieldType::Boolean, Value::Boolean(_)) => true,
                (FieldType::Money | FieldType::Decimal, Value::Cents(_)) => true,
                (FieldType::Timestamp, Value::Seconds(_)) => true,
                (FieldType::Date, Value::Days(_)) => true,
                _ => false,
            };
            assert!(fits, "{}.{}: {value:?}", table.name, field.name);
        }
    }
}
