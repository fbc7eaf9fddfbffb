//! Warehouses: fulfilment centres in the shop's markets, named after their city.

use super::{Entity, Generator, World, flat_record, places};
use crate::model::Id;
use crate::rng;
use crate::schema::{Field, FieldType as F};
use serde::Serialize;
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("warehouse_id", "Primary key."),
    Field::new("name", F::Text, "Site name."),
    Field::new("address", F::Text, "Street line."),
    Field::new("city", F::Text, "City."),
    Field::new("state", F::Text, "State, province or region of `city`."),
    Field::new("postal_code", F::Text, "Postal code valid for `city`."),
    Field::new("country", F::Text, "ISO 3166-1 alpha-2 code."),
    Field::new("capacity_units", F::Integer, "Storage capacity in units."),
    Field::new(
        "is_active",
        F::Boolean,
        "False for a site being wound down.",
    ),
];

#[derive(Debug, Default, Serialize)]
pub struct Warehouse {
    pub warehouse_id: Id,
    pub name: String,
    pub address: String,
    pub city: &'static str,
    pub state: &'static str,
    pub postal_code: String,
    pub country: &'static str,
    pub capacity_units: u64,
    pub is_active: bool,
}

flat_record!(Warehouse);

pub struct Warehouses<'w> {
    world: &'w World,
}

impl<'w> Warehouses<'w> {
    pub fn new(world: &'w World) -> Self {
        Warehouses { world }
    }

    fn fill(&self, index: u64, row: &mut Warehouse) {
        let mut rng = self.world.rng(Entity::Warehouses, index);
        row.warehouse_id = self.world.ids(Entity::Warehouses).id(index);
        let country = places::country(&mut rng);
        let city = places::city(&mut rng, country);
        row.country = country.code;
        row.city = city.name;
        row.state = city.region;
        row.address.clear();
        row.postal_code.clear();
        places::street_and_postal(
            &mut rng,
            country,
            city,
            &mut row.address,
            &mut row.postal_code,
        );
        let kind = rng::pick(
            &mut rng,
            &[
                "Fulfillment Center",
                "Distribution Center",
                "Warehouse",
                "Logistics Hub",
            ],
        );
        row.name.clear();
        // The index tells apart two sites in the same city.
        let _ = write!(row.name, "{} {kind} {}", city.name, index + 1);
        row.capacity_units = 10_000 * (5 + rng::below(&mut rng, 96));
        row.is_active = !rng::chance(&mut rng, 50);
    }
}

impl Generator for Warehouses<'_> {
    type Row = Warehouse;

    fn units(&self) -> u64 {
        self.world.count(Entity::Warehouses)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Warehouse)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}
