//! Vendors: the suppliers behind the catalog, each with an invented company name, a
//! contact address at its own invented domain, a home country, one to three
//! departments it supplies and one to three brands of its own.

use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record, places};
use crate::model::Id;
use crate::rng;
use crate::rng::Permutation;
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::brands::{self, COMPANY_KINDS};
use crate::words::catalog::DEPARTMENTS;
use crate::words::geo::ascii_fold;
use serde::Serialize;
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("vendor_id", "Primary key."),
    Field::new("name", F::Text, "Company name."),
    Field::new(
        "contact_email",
        F::Text,
        "Sales contact at the company's domain.",
    ),
    Field::new(
        "phone_number",
        F::Text,
        "International format, in the vendor's country.",
    ),
    Field::new("city", F::Text, "Head office city."),
    Field::new("country", F::Text, "ISO 3166-1 alpha-2 code."),
    Field::new(
        "is_active",
        F::Boolean,
        "False for vendors the shop stopped buying from.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Vendors,
    name: "vendors",
    row_tag: "vendor",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Vendors,
    stable_id: 3,
    name: "vendors",
    doc: "Suppliers whose products the shop sells.",
    parents: &[],
    requires: &[],
    count: CountRule::Set(50),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Vendors::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct Vendor {
    pub vendor_id: Id,
    pub name: String,
    pub contact_email: String,
    pub phone_number: String,
    pub city: &'static str,
    pub country: &'static str,
    pub is_active: bool,
}

flat_record!(Vendor);

/// What a vendor supplies: one to three departments, and one to three brands of its
/// own, drawn from its own stream so products recompute them.
#[derive(Clone, Copy, Debug)]
pub struct Range3 {
    pub departments: [usize; 3],
    pub department_count: usize,
    pub brands: u64,
}

/// Departments per vendor: most specialise.
const DEPARTMENT_COUNT_WEIGHTS: [u32; 3] = [60, 30, 10];
const BRAND_COUNT_WEIGHTS: [u32; 3] = [30, 40, 30];

/// Vendors by the departments they supply, and the numbers of every coined name.
pub struct Suppliers {
    by_department: Vec<Vec<u64>>,
    names: Permutation,
    vendors: u64,
}

impl Suppliers {
    pub fn build(world: &World) -> Suppliers {
        let vendors = world.count(Entity::Vendors);
        let mut by_department = vec![Vec::new(); DEPARTMENTS.len()];
        for v in 0..vendors {
            let range = range_of(world, v);
            for &d in &range.departments[..range.department_count] {
                by_department[d].push(v);
            }
        }
        Suppliers {
            by_department,
            names: Permutation::new((4 * vendors).max(1), world.key(Stream::NameNumbers)),
            vendors,
        }
    }

    /// The vendors of `department`, most important first; empty without vendors.
    pub fn of(&self, department: usize) -> &[u64] {
        &self.by_department[department]
    }

    /// Vendor `v`'s company name's coined word.
    pub fn vendor_word(&self, v: u64, out: &mut String) {
        brands::coined(self.names.apply(v), out);
    }

    /// Brand `k` of vendor `v`.
    pub fn brand(&self, v: u64, k: u64, out: &mut String) {
        brands::coined(self.names.apply(self.vendors + 3 * v + k), out);
    }
}

/// The departments and brand count of vendor `v`. The first vendors cover one
/// department each in turn, so every department has a supplier when there are enough
/// vendors; with fewer vendors than departments, each covers several.
pub fn range_of(world: &World, v: u64) -> Range3 {
    let mut rng = world.stream_rng(Stream::VendorRanges, v);
    let d = DEPARTMENTS.len();
    let vendors = world.count(Entity::Vendors).max(1) as usize;
    let mut departments = [0usize; 3];
    let mut department_count = 1 + rng::pick_weighted(&mut rng, &DEPARTMENT_COUNT_WEIGHTS);
    let shares: Vec<u32> = DEPARTMENTS.iter().map(|d| d.habits.share).collect();
    departments[0] = if (v as usize) < d {
        v as usize
    } else {
        rng::pick_weighted(&mut rng, &shares)
    };
    if vendors < d {
        // Too few vendors for the catalog: vendor v takes departments v, v + V, ...
        let covered: Vec<usize> = (v as usize..d).step_by(vendors).take(3).collect();
        department_count = covered.len();
        departments[..department_count].copy_from_slice(&covered);
    } else {
        for k in 1..department_count {
            let next = rng::pick_weighted(&mut rng, &shares);
            if departments[..k].contains(&next) {
                department_count = k;
                break;
            }
            departments[k] = next;
        }
    }
    let brands = 1 + rng::pick_weighted(&mut rng, &BRAND_COUNT_WEIGHTS) as u64;
    Range3 {
        departments,
        department_count,
        brands,
    }
}

pub struct Vendors<'w> {
    world: &'w World,
}

impl<'w> Vendors<'w> {
    pub fn new(world: &'w World) -> Self {
        Vendors { world }
    }

    fn fill(&self, index: u64, row: &mut Vendor) {
        let mut rng = self.world.rng(Entity::Vendors, index);
        row.vendor_id = self.world.ids(Table::Vendors).id(index);
        let mut word = String::new();
        self.world.suppliers().vendor_word(index, &mut word);
        let kind = rng::pick(&mut rng, COMPANY_KINDS);
        row.name.clear();
        let _ = write!(row.name, "{word} {kind}");
        let country = places::country(&mut rng);
        let town = places::town(&mut rng, country);
        row.country = country.code;
        row.city = town.name;
        row.contact_email.clear();
        // An address at the company's own, invented domain: its whole name.
        let mut domain = String::new();
        ascii_fold(&word, &mut domain);
        ascii_fold(kind, &mut domain);
        let mailbox = rng::pick(
            &mut rng,
            &["sales", "orders", "partners", "info", "wholesale"],
        );
        let tld = match country.code {
            "US" => "com",
            "GB" => "co.uk",
            "CA" => "ca",
            "DE" => "de",
            "FR" => "fr",
            "AU" => "com.au",
            _ => "com",
        };
        let _ = write!(row.contact_email, "{mailbox}@{domain}.{tld}");
        row.phone_number.clear();
        places::phone(&mut rng, country, town, &mut row.phone_number);
        row.is_active = !rng::chance(&mut rng, 60);
    }
}

impl Generator for Vendors<'_> {
    type Row = Vendor;

    fn units(&self) -> u64 {
        self.world.count(Entity::Vendors)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Vendor)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}
