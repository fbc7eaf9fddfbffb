//! From a row number to the unit that makes it. A table with one row per unit (users,
//! orders, tickets) needs nothing: row N is unit N. A table whose units are parent rows
//! (payments, order items and reviews per order, notifications per order and customer)
//! has a row count per unit known only by generating it, so an index keeps the rows
//! before every block of units: built lazily as far as pages have asked, 8 bytes per
//! 1,024 units, and within a block the page generates and drops the rows before its
//! first.

use crate::generate::RowSource;
use crate::schema::{Entity, TableSpec};
use std::ops::Range;
use std::sync::Mutex;

/// Units per block of the index.
pub const BLOCK: u64 = 1024;

/// Blocks counted in one step of growing the index (spread over the threads).
const STEP_BLOCKS: u64 = 32;

/// The entities whose generators emit exactly one row per unit. Neither the count rule
/// nor `units()` says so (wishlists are set by count but generated per user), so the
/// list is explicit and a unit test holds every entity on it to the claim.
const ONE_ROW_PER_UNIT: [Entity; 11] = [
    Entity::Users,
    Entity::Categories,
    Entity::Vendors,
    Entity::Warehouses,
    Entity::Products,
    Entity::Inventory,
    Entity::Promotions,
    Entity::Orders,
    Entity::SupportTickets,
    Entity::UserAnalytics,
    Entity::ProductAnalytics,
];

/// Whether row N of `table` is always unit N: an entity's own table on the list above.
pub fn one_row_per_unit(table: &TableSpec) -> bool {
    table.nesting.is_none() && ONE_ROW_PER_UNIT.contains(&table.table.entity())
}

/// Where a page starts: the first unit to generate, and how many of its rows (and of
/// the units after it) come before the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    pub unit: u64,
    pub skip: u64,
}

/// The rows of one table, counted per block of units as far as asked.
pub struct RowIndex {
    /// `before[b]`: rows in the blocks before block `b`; one more entry than blocks
    /// counted.
    before: Mutex<Vec<u64>>,
}

impl Default for RowIndex {
    fn default() -> Self {
        RowIndex {
            before: Mutex::new(vec![0]),
        }
    }
}

impl RowIndex {
    /// Where row `offset` of `table` is, counting with `source`'s rows; `threads` count
    /// blocks not counted yet.
    pub fn locate(
        &self,
        source: &dyn RowSource,
        table: &TableSpec,
        threads: usize,
        offset: u64,
    ) -> Start {
        let units = source.units();
        if one_row_per_unit(table) {
            return Start {
                unit: offset.min(units),
                skip: 0,
            };
        }
        let child = table.nesting.is_some();
        // A poisoned lock only means another page failed while counting; the counts
        // it pushed were complete.
        let mut before = self.before.lock().unwrap_or_else(|e| e.into_inner());
        let blocks = units.div_ceil(BLOCK);
        loop {
            let counted = before.len() as u64 - 1;
            let total = *before.last().expect("never empty");
            if total > offset || counted == blocks {
                break;
            }
            let first = counted * BLOCK;
            let last = ((counted + STEP_BLOCKS) * BLOCK).min(units);
            let counts =
                crate::parallel::map_blocks(last - first, BLOCK, threads, |range: Range<u64>| {
                    rows_in(source, child, first + range.start..first + range.end)
                });
            let mut total = total;
            for n in counts {
                total += n;
                before.push(total);
            }
        }
        let block = before
            .partition_point(|&rows| rows <= offset)
            .saturating_sub(1);
        let unit = (block as u64 * BLOCK).min(units);
        Start {
            unit,
            skip: offset - before[block],
        }
    }
}

/// The rows `units` make: own rows, or the children of each (order items).
fn rows_in(source: &dyn RowSource, child: bool, units: Range<u64>) -> u64 {
    let mut rows = 0;
    source.cells(units, &mut |row| {
        rows += if child { row.child_count() as u64 } else { 1 };
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::world::small_world;
    use crate::schema::Table;

    /// Every entity on the list makes one row per unit, at small and skewed sizes.
    #[test]
    fn listed_entities_make_one_row_per_unit() {
        let sizes: [&[(Entity, u64)]; 2] = [&[], &[(Entity::Users, 40), (Entity::Orders, 900)]];
        for (n, counts) in sizes.into_iter().enumerate() {
            let world = small_world(5 + n as u64, counts);
            for entity in ONE_ROW_PER_UNIT {
                let source = (entity.spec().source)(&world);
                let units = source.units();
                let rows = rows_in(source.as_ref(), false, 0..units);
                assert_eq!(rows, units, "{} in world {n}", entity.name());
            }
        }
    }

    /// Every row of every indexed table is found where a full pass over the units
    /// puts it, block edges included.
    #[test]
    fn rows_are_found_in_the_unit_that_makes_them() {
        let world = small_world(9, &[(Entity::Orders, 3 * BLOCK + 100)]);
        for table in [
            Table::Payments,
            Table::Shipping,
            Table::Returns,
            Table::Reviews,
            Table::OrderItems,
            Table::Notifications,
            Table::Wishlists,
        ] {
            let spec = table.spec();
            let source = (table.entity().spec().source)(&world);
            let child = spec.nesting.is_some();
            // The unit of every row, from one pass.
            let mut unit_of = Vec::new();
            for unit in 0..source.units() {
                let n = rows_in(source.as_ref(), child, unit..unit + 1);
                unit_of.extend(std::iter::repeat_n(unit, n as usize));
            }
            let index = RowIndex::default();
            let total = unit_of.len() as u64;
            for offset in [0, 1, total / 2, total - 1, total, total + 5] {
                let start = index.locate(source.as_ref(), spec, 2, offset);
                let before = rows_in(source.as_ref(), child, 0..start.unit);
                if let Some(&unit) = unit_of.get(offset as usize) {
                    assert_eq!(before + start.skip, offset, "{} row {offset}", spec.name);
                    assert!(
                        start.unit <= unit && unit < start.unit + BLOCK,
                        "{}",
                        spec.name
                    );
                } else {
                    assert!(before + start.skip >= total, "{} row {offset}", spec.name);
                }
            }
        }
    }
}
