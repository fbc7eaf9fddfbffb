//! Vendors: the suppliers behind the catalog, each with a company name, a contact
//! address at its own domain, and a home country.

use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record, places};
use crate::model::Id;
use crate::rng;
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::catalog::{VENDOR_ENDINGS, VENDOR_FIRST_WORDS};
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
        let first = rng::pick(&mut rng, VENDOR_FIRST_WORDS);
        let ending = rng::pick(&mut rng, VENDOR_ENDINGS);
        row.name.clear();
        let _ = write!(row.name, "{first} {ending}");
        let country = places::country(&mut rng);
        let city = places::city(&mut rng, country);
        row.country = country.code;
        row.city = city.name;
        row.contact_email.clear();
        let mut domain = String::new();
        ascii_fold(first, &mut domain);
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
        places::phone(&mut rng, country, city, &mut row.phone_number);
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
