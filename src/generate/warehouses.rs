//! Warehouses: fulfilment centres in the shop's markets, named after their city. A
//! site's country is a formula of its index, so an order can pick a site in its own
//! country without reading the warehouses.

use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record, places};
use crate::model::Id;
use crate::rng::{self, RowRng};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::geo::{COUNTRIES, Country};
use serde::Serialize;
use std::fmt::Write;
use std::ops::Range;
use std::sync::OnceLock;

/// Countries (by position in `COUNTRIES`) of consecutive sites, repeating: the first
/// sites open one per market, biggest market first; the next ones go, one at a time,
/// to the market furthest below its share of customers.
fn market_sequence() -> &'static [usize] {
    static SEQUENCE: OnceLock<Vec<usize>> = OnceLock::new();
    SEQUENCE.get_or_init(|| {
        let total: u64 = COUNTRIES.iter().map(|c| c.weight as u64).sum();
        let mut sequence: Vec<usize> = (0..COUNTRIES.len()).collect();
        sequence.sort_by_key(|&c| std::cmp::Reverse(COUNTRIES[c].weight));
        let mut seats: Vec<u64> = vec![1; COUNTRIES.len()];
        while (sequence.len() as u64) < total {
            let next = sequence.len() as u64 + 1;
            // Deficit of seats against the share, scaled by the total to stay integral.
            let behind = |c: usize| COUNTRIES[c].weight as u64 * next - seats[c] * total;
            let c = (0..COUNTRIES.len())
                .filter(|&c| COUNTRIES[c].weight as u64 * next >= seats[c] * total)
                .max_by_key(|&c| (behind(c), std::cmp::Reverse(c)))
                .unwrap_or(0);
            seats[c] += 1;
            sequence.push(c);
        }
        sequence
    })
}

/// For each market, its positions in one round of `market_sequence`, ascending.
fn market_slots() -> &'static [Vec<u64>] {
    static SLOTS: OnceLock<Vec<Vec<u64>>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let mut slots = vec![Vec::new(); COUNTRIES.len()];
        for (position, &market) in market_sequence().iter().enumerate() {
            slots[market].push(position as u64);
        }
        slots
    })
}

/// How a parcel from warehouse `index` travels to `country`.
pub fn route(index: u64, country: &Country) -> Route {
    let from = country_of(index).code;
    if from == country.code {
        Route::Domestic
    } else if country.open_borders.contains(&from) {
        Route::OpenBorder
    } else {
        Route::International
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Domestic,
    /// Between neighbours without customs: a day or two more.
    OpenBorder,
    /// Through customs: several days more, with an international carrier.
    International,
}

/// Where warehouse `index` stands.
pub fn country_of(index: u64) -> &'static Country {
    let sequence = market_sequence();
    &COUNTRIES[sequence[(index % sequence.len() as u64) as usize]]
}

/// A warehouse of the `count` there are, for an order shipping to `country`: one in
/// that country when there is one, else one across an open border (Germany for
/// France), else one in the home market (the first site's).
pub fn serving(rng: &mut RowRng, country: &Country, count: u64) -> u64 {
    let sequence = market_sequence();
    let period = sequence.len() as u64;
    let (full, rest) = (count / period, count % period);
    let mut pick_in = |market: usize| -> Option<u64> {
        let slots = &market_slots()[market];
        let partial = slots.iter().filter(|&&p| p < rest).count() as u64;
        let n = full * slots.len() as u64 + partial;
        if n == 0 {
            return None;
        }
        let k = rng::below(rng, n);
        let (round, slot) = (k / slots.len() as u64, k % slots.len() as u64);
        Some(round * period + slots[slot as usize])
    };
    let market = COUNTRIES
        .iter()
        .position(|c| c.code == country.code)
        .unwrap_or(sequence[0]);
    pick_in(market)
        .or_else(|| {
            country.open_borders.iter().find_map(|code| {
                let neighbour = COUNTRIES.iter().position(|c| c.code == *code)?;
                pick_in(neighbour)
            })
        })
        .or_else(|| pick_in(sequence[0]))
        .unwrap_or(0)
}

pub const FIELDS: &[Field] = &[
    Field::primary("warehouse_id", "Primary key."),
    Field::new("name", F::Text, "Site name."),
    Field::new("address", F::Text, "Street line."),
    Field::new("city", F::Text, "City."),
    Field::new("state", F::Text, "State, province or region of `city`."),
    Field::new("postal_code", F::Text, "Postal code valid for `city`."),
    Field::new("country", F::Text, "ISO 3166-1 alpha-2 code."),
    Field::new(
        "capacity_units",
        F::Integer,
        "Storage capacity in units; at least what its inventory rows hold.",
    ),
    Field::new(
        "is_active",
        F::Boolean,
        "False for a site being wound down.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Warehouses,
    name: "warehouses",
    row_tag: "warehouse",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Warehouses,
    stable_id: 4,
    name: "warehouses",
    doc: "Fulfilment centres that stock and ship products.",
    parents: &[],
    requires: &[],
    count: CountRule::SetRoot(5),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Warehouses::new(world))
}

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
        row.warehouse_id = self.world.ids(Table::Warehouses).id(index);
        let country = country_of(index);
        let city = places::town(&mut rng, country);
        row.country = country.code;
        row.city = city.name;
        row.state = city.region;
        row.address.clear();
        row.postal_code.clear();
        places::street_and_postal(
            &mut rng,
            country,
            city,
            places::Premises::Site,
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
        // Room for what it holds and as much again, give or take: no site is full.
        let held = self
            .world
            .stock()
            .held
            .get(index as usize)
            .copied()
            .unwrap_or(0);
        let headroom = 130 + rng::below(&mut rng, 60);
        row.capacity_units = (held * headroom / 100).div_ceil(1_000).max(2) * 1_000;
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
