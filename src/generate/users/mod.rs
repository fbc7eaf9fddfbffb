//! Users: the shop's customers since it opened, with names of their country, an
//! email and a username derived from them (unique by construction), an address and
//! phone that agree with their town, and a life with the shop (see `customers`).

pub mod identity;

use super::customers::{self, Profile};
use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record, places};
use crate::model::{Id, Timestamp};
use crate::rng::{self, Permutation, RowRng};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::geo::{Country, Town};
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("user_id", "Primary key."),
    Field::new("email", F::Text, "Derived from the name; unique.").unique(),
    Field::new("username", F::Text, "Derived from the name; unique.").unique(),
    Field::new(
        "first_name",
        F::Text,
        "Given name, from the country's common names.",
    ),
    Field::new("last_name", F::Text, "Family name."),
    Field::new(
        "phone_number",
        F::Text,
        "International format; mobile or a landline with the city's area code.",
    ),
    Field::new("address", F::Text, "Street line."),
    Field::new("city", F::Text, "City in `country`."),
    Field::new("state", F::Text, "State, province or region of `city`."),
    Field::new("postal_code", F::Text, "Postal code valid for `city`."),
    Field::new("country", F::Text, "ISO 3166-1 alpha-2 code."),
    Field::new(
        "created_at",
        F::Timestamp,
        "Signup: from the shop's opening (--opened) to the window's end; at the first order for accounts made at checkout.",
    ),
    Field::new(
        "updated_at",
        F::Timestamp,
        "Last profile change; >= created_at.",
    ),
    Field::new(
        "is_active",
        F::Boolean,
        "False exactly for closed accounts.",
    ),
    Field::new(
        "closed_at",
        F::Timestamp,
        "When the account was closed; empty while open. No order follows it.",
    )
    .nullable(),
    Field::new(
        "loyalty_points",
        F::Integer,
        "Points balance: a point per unit of currency spent in the last twelve months, less points redeemed.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Users,
    name: "users",
    row_tag: "user",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Users,
    stable_id: 1,
    name: "users",
    doc: "Customers with a country-consistent address and phone.",
    parents: &[],
    requires: &[],
    count: CountRule::Set(6_000),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Users::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct User {
    pub user_id: Id,
    pub email: String,
    pub username: String,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub phone_number: String,
    pub address: String,
    pub city: &'static str,
    pub state: &'static str,
    pub postal_code: String,
    pub country: &'static str,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub is_active: bool,
    pub closed_at: Option<Timestamp>,
    pub loyalty_points: u32,
}

flat_record!(User);

pub struct Users<'w> {
    world: &'w World,
    /// Each user's own number, ending the username and any email that is not bare: a
    /// handle is letters,
    /// dots and underscores, so the digits after it are read back unambiguously and
    /// two users can never share an address, whatever their names.
    email_numbers: Permutation,
    username_numbers: Permutation,
}

/// Where a user lives: the part of a user that other entities recompute.
pub struct Locale {
    pub country: &'static Country,
    pub city: &'static Town,
}

impl<'w> Users<'w> {
    pub fn new(world: &'w World) -> Self {
        let n = world.count(Entity::Users).max(1);
        Users {
            world,
            email_numbers: Permutation::new(n, world.key(Stream::EmailNumbers)),
            username_numbers: Permutation::new(n, world.key(Stream::UsernameNumbers)),
        }
    }

    /// The customer's life with the shop: signup, first order, pace, lapse, closing.
    pub fn profile(&self, user: u64) -> Profile {
        customers::profile(self.world, user, self.locale(user).country.utc_offset)
    }

    /// The signup moment.
    pub fn created_at(&self, user: u64) -> Timestamp {
        self.profile(user).signup
    }

    fn draw_locale(rng: &mut RowRng) -> Locale {
        let country = places::country(rng);
        let city = places::town(rng, country);
        Locale { country, city }
    }

    /// Country and city of a user: the first draws of their stream.
    pub fn locale(&self, user: u64) -> Locale {
        let mut rng = self.world.rng(Entity::Users, user);
        Self::draw_locale(&mut rng)
    }

    /// Country and city, then the street and postal code, in stream order.
    fn locate(&self, user: u64, street: &mut String, postal: &mut String) -> (RowRng, Locale) {
        let mut rng = self.world.rng(Entity::Users, user);
        let locale = Self::draw_locale(&mut rng);
        places::street_and_postal(
            &mut rng,
            locale.country,
            locale.city,
            places::Premises::Home,
            street,
            postal,
        );
        (rng, locale)
    }

    /// The user's address as one line, for an order's shipping label, and where it is.
    pub fn shipping_address(&self, user: u64, out: &mut String) -> Locale {
        let (mut street, mut postal) = (String::new(), String::new());
        let (_, locale) = self.locate(user, &mut street, &mut postal);
        places::one_line(out, &street, locale.city, &postal, locale.country);
        locale
    }

    pub fn fill(&self, user: u64, row: &mut User) {
        row.address.clear();
        row.postal_code.clear();
        let (mut rng, locale) = self.locate(user, &mut row.address, &mut row.postal_code);
        let profile = customers::profile(self.world, user, locale.country.utc_offset);
        let created_at = profile.signup;
        let Locale { country, city } = locale;
        row.user_id = self.world.ids(Table::Users).id(user);
        row.created_at = created_at;
        row.country = country.code;
        row.city = city.name;
        row.state = city.region;
        let who = identity::identity(self.world, user, country);
        row.first_name = who.first_name;
        row.last_name = who.last_name;
        row.email.clear();
        let owns_bare = self.world.bare_emails().owns(user);
        who.email(owns_bare, self.email_numbers.apply(user), &mut row.email);
        row.username.clear();
        who.username(self.username_numbers.apply(user), &mut row.username);

        row.phone_number.clear();
        places::phone(&mut rng, country, city, &mut row.phone_number);

        // A closed account was last changed when it closed.
        let last_change = profile.closed.unwrap_or(self.world.window.end);
        row.updated_at = if rng::chance(&mut rng, 350) {
            created_at
        } else {
            Timestamp(rng::between(
                &mut rng,
                created_at.0,
                last_change.0.max(created_at.0),
            ))
        };
        row.is_active = profile.closed.is_none();
        row.closed_at = profile.closed;
        row.loyalty_points = self.loyalty_points(&mut rng, user);
    }
}

impl Users<'_> {
    /// Points follow spend: a point per unit spent in the window's orders (which the
    /// customer's basket size drives), less a share redeemed; points expire after
    /// twelve months, so a customer without orders in the window holds none.
    fn loyalty_points(&self, rng: &mut RowRng, user: u64) -> u32 {
        let orders = self.world.order_book().count_of(user);
        if orders == 0 {
            return 0;
        }
        let spend =
            orders as f64 * TYPICAL_ORDER_VALUE * customers::tastes(self.world, user).spend_level;
        let kept = 1.0 - rng::below(rng, 600) as f64 / 1000.0;
        (spend * kept).round() as u32
    }
}

/// What an order comes to on average, in units of currency, for loyalty points.
const TYPICAL_ORDER_VALUE: f64 = 80.0;

impl Generator for Users<'_> {
    type Row = User;

    fn units(&self) -> u64 {
        self.world.count(Entity::Users)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&User)) {
        super::each_row(units, emit, |user, row| self.fill(user, row));
    }
}
