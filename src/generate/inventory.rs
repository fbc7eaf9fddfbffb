//! Inventory: stock of a product in a warehouse. Row k stocks product `k mod P` in
//! the `k div P`-th warehouse of that product's own rotation, so (product, warehouse)
//! pairs are unique by construction and products are spread evenly over sites.

use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record};
use crate::model::{Id, Timestamp};
use crate::rng;
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("inventory_id", "Primary key."),
    Field::foreign(
        "product_id",
        Table::Products,
        "Stocked product; unique with warehouse_id.",
    ),
    Field::foreign("warehouse_id", Table::Warehouses, "Site holding the stock."),
    Field::new(
        "quantity_on_hand",
        F::Integer,
        "Units in stock: a few weeks to months of the product's sales; >= 0.",
    ),
    Field::new(
        "reorder_level",
        F::Integer,
        "Stock level that triggers a reorder.",
    ),
    Field::new(
        "last_restocked_at",
        F::Timestamp,
        "Last delivery from the vendor.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Inventory,
    name: "inventory",
    row_tag: "inventory_item",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Inventory,
    stable_id: 6,
    name: "inventory",
    doc: "Stock of a product in a warehouse; one row per pair at most.",
    parents: &[Entity::Products, Entity::Warehouses],
    requires: &[Entity::Products, Entity::Warehouses],
    count: CountRule::Set(5_000),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Inventory::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct InventoryRow {
    pub inventory_id: Id,
    pub product_id: Id,
    pub warehouse_id: Id,
    pub quantity_on_hand: u32,
    pub reorder_level: u32,
    pub last_restocked_at: Timestamp,
}

flat_record!(InventoryRow);

pub struct Inventory<'w> {
    world: &'w World,
}

impl<'w> Inventory<'w> {
    pub fn new(world: &'w World) -> Self {
        Inventory { world }
    }

    /// (product, warehouse) of row `index`; requires index < products x warehouses.
    pub fn pair(&self, index: u64) -> (u64, u64) {
        self.world.stock().pair(index)
    }

    fn fill(&self, index: u64, row: &mut InventoryRow) {
        let mut rng = self.world.rng(Entity::Inventory, index);
        let stock = self.world.stock();
        let (product, warehouse) = stock.pair(index);
        row.inventory_id = self.world.ids(Table::Inventory).id(index);
        row.product_id = self.world.ids(Table::Products).id(product);
        row.warehouse_id = self.world.ids(Table::Warehouses).id(warehouse);
        let weekly = stock.weekly_at(product);
        // Reordered when two weeks of sales are left: the supplier's lead time.
        row.reorder_level = (2 * weekly).max(1) as u32;
        row.quantity_on_hand = if rng::chance(&mut rng, 25) {
            0
        } else {
            stock.on_hand(product, warehouse) as u32
        };
        // Restocked every half of its cover, so last within that before the window
        // closes.
        let cycle_days = (stock.cover_weeks(product, warehouse) * 7 / 2).max(1);
        let days_ago = rng::below(&mut rng, cycle_days) as i64;
        let day = (self.world.window.last_day().0 - days_ago).max(self.world.window.first_day().0);
        let hour = rng::between(&mut rng, 6, 18);
        row.last_restocked_at = self
            .world
            .window
            .clamp(crate::model::Timestamp(day * 86_400 + hour * 3_600));
    }
}

impl Generator for Inventory<'_> {
    type Row = InventoryRow;

    fn units(&self) -> u64 {
        self.world.count(Entity::Inventory)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&InventoryRow)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}
