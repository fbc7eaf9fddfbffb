//! The entity registry and the generator contract: which entities exist, what they
//! depend on, how many rows they have by default, and how rows are produced as pure
//! functions of (seed, entity, row key).

pub mod places;
pub mod plan;
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

use crate::schema::{Field, FileSpec};
use serde::Serialize;
use std::ops::Range;

pub use plan::Plan;
pub use world::World;

/// Every entity ecomgen writes. Declaration order is the order files are listed in;
/// generation order is computed from `parents`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Entity {
    Users,
    Categories,
    Vendors,
    Warehouses,
    Products,
    Inventory,
    Promotions,
    Orders,
    Payments,
    Shipping,
    Returns,
    Reviews,
    SupportTickets,
    Wishlists,
    Notifications,
    UserAnalytics,
    ProductAnalytics,
}

/// How an entity's row count is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountRule {
    /// Set by `--count` or `--scale`, with this default.
    Set(u64),
    /// Follows from other entities; cannot be set.
    Derived(&'static str),
    /// Follows from other entities unless `--count` sets it.
    DerivedOrSet(&'static str),
}

impl Entity {
    pub const ALL: [Entity; 17] = [
        Entity::Users,
        Entity::Categories,
        Entity::Vendors,
        Entity::Warehouses,
        Entity::Products,
        Entity::Inventory,
        Entity::Promotions,
        Entity::Orders,
        Entity::Payments,
        Entity::Shipping,
        Entity::Returns,
        Entity::Reviews,
        Entity::SupportTickets,
        Entity::Wishlists,
        Entity::Notifications,
        Entity::UserAnalytics,
        Entity::ProductAnalytics,
    ];

    /// A number fixed forever per entity: it seeds the entity's streams, so reordering
    /// the enum must not change any output.
    pub const fn stable_id(self) -> u64 {
        match self {
            Entity::Users => 1,
            Entity::Categories => 2,
            Entity::Vendors => 3,
            Entity::Warehouses => 4,
            Entity::Products => 5,
            Entity::Inventory => 6,
            Entity::Orders => 7,
            Entity::Payments => 8,
            Entity::Shipping => 9,
            Entity::Returns => 10,
            Entity::Reviews => 11,
            Entity::SupportTickets => 12,
            Entity::Promotions => 13,
            Entity::Wishlists => 14,
            Entity::Notifications => 15,
            Entity::UserAnalytics => 16,
            Entity::ProductAnalytics => 17,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Entity::Users => "users",
            Entity::Categories => "categories",
            Entity::Vendors => "vendors",
            Entity::Warehouses => "warehouses",
            Entity::Products => "products",
            Entity::Inventory => "inventory",
            Entity::Promotions => "promotions",
            Entity::Orders => "orders",
            Entity::Payments => "payments",
            Entity::Shipping => "shipping",
            Entity::Returns => "returns",
            Entity::Reviews => "reviews",
            Entity::SupportTickets => "support_tickets",
            Entity::Wishlists => "wishlists",
            Entity::Notifications => "notifications",
            Entity::UserAnalytics => "user_analytics",
            Entity::ProductAnalytics => "product_analytics",
        }
    }

    /// The entity a name means, in any case (`Users` as well as `users`), as the flags
    /// that take entity names accept them.
    pub fn from_name(name: &str) -> Option<Entity> {
        Entity::ALL
            .into_iter()
            .find(|e| e.name().eq_ignore_ascii_case(name))
    }

    /// The entities whose keys or facts this one's rows use.
    pub const fn parents(self) -> &'static [Entity] {
        use Entity::*;
        match self {
            Users | Categories | Vendors | Warehouses => &[],
            Products => &[Categories, Vendors],
            Inventory => &[Products, Warehouses],
            Promotions => &[Products, Categories],
            Orders => &[Users, Products, Promotions],
            Payments => &[Orders],
            Shipping => &[Orders, Warehouses],
            Returns => &[Orders, Users],
            Reviews => &[Users, Products, Orders],
            SupportTickets => &[Users, Orders],
            Wishlists => &[Users, Products],
            Notifications => &[Users, Orders],
            UserAnalytics => &[Users, Orders, Reviews],
            ProductAnalytics => &[Products, Orders, Reviews, Returns],
        }
    }

    pub const fn count_rule(self) -> CountRule {
        use CountRule::*;
        match self {
            Entity::Users => Set(1_000),
            Entity::Categories => Set(190),
            Entity::Vendors => Set(50),
            Entity::Warehouses => Set(5),
            Entity::Products => Set(2_000),
            Entity::Inventory => Set(6_000),
            Entity::Promotions => Set(60),
            Entity::Orders => Set(5_000),
            Entity::Payments => Derived("one row per payment attempt and refund of each order"),
            Entity::Shipping => Derived("one row per shipped, delivered or returned order"),
            Entity::Returns => Derived("one row per returned item of a returned order"),
            Entity::Reviews => DerivedOrSet("a quarter of delivered purchases"),
            Entity::SupportTickets => Set(400),
            Entity::Wishlists => Set(3_000),
            Entity::Notifications => Set(6_000),
            Entity::UserAnalytics => Derived("one row per user"),
            Entity::ProductAnalytics => Derived("one row per product"),
        }
    }

    /// The files this entity writes in `format`: its own, and for CSV its child file.
    pub fn files(self, flat: bool) -> Vec<FileSpec> {
        let mut files = vec![FileSpec {
            name: self.name(),
            row_tag: self.row_tag(),
            fields: self.fields(),
        }];
        if flat && self == Entity::Orders {
            files.push(orders::ITEMS_FILE);
        }
        files
    }

    pub const fn row_tag(self) -> &'static str {
        match self {
            Entity::Users => "user",
            Entity::Categories => "category",
            Entity::Vendors => "vendor",
            Entity::Warehouses => "warehouse",
            Entity::Products => "product",
            Entity::Inventory => "inventory_item",
            Entity::Promotions => "promotion",
            Entity::Orders => "order",
            Entity::Payments => "payment",
            Entity::Shipping => "shipment",
            Entity::Returns => "return",
            Entity::Reviews => "review",
            Entity::SupportTickets => "support_ticket",
            Entity::Wishlists => "wishlist_item",
            Entity::Notifications => "notification",
            Entity::UserAnalytics => "user_metrics",
            Entity::ProductAnalytics => "product_metrics",
        }
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            Entity::Users => users::FIELDS,
            Entity::Categories => categories::FIELDS,
            Entity::Vendors => vendors::FIELDS,
            Entity::Warehouses => warehouses::FIELDS,
            Entity::Products => products::FIELDS,
            Entity::Inventory => inventory::FIELDS,
            Entity::Promotions => promotions::FIELDS,
            Entity::Orders => orders::FIELDS,
            Entity::Payments => payments::FIELDS,
            Entity::Shipping => shipping::FIELDS,
            Entity::Returns => returns::FIELDS,
            Entity::Reviews => reviews::FIELDS,
            Entity::SupportTickets => support_tickets::FIELDS,
            Entity::Wishlists => wishlists::FIELDS,
            Entity::Notifications => notifications::FIELDS,
            Entity::UserAnalytics => user_analytics::FIELDS,
            Entity::ProductAnalytics => product_analytics::FIELDS,
        }
    }

    pub const fn doc(self) -> &'static str {
        match self {
            Entity::Users => "Customers with a country-consistent address and phone.",
            Entity::Categories => {
                "A category tree: departments, subcategories, specialised leaves."
            }
            Entity::Vendors => "Suppliers whose products the shop sells.",
            Entity::Warehouses => "Fulfilment centres that stock and ship products.",
            Entity::Products => {
                "The catalog: names, descriptions and prices that fit their category."
            }
            Entity::Inventory => "Stock of a product in a warehouse; one row per pair at most.",
            Entity::Promotions => "Discount codes targeting one product or one category.",
            Entity::Orders => "Orders with their items; totals reconcile to the cent.",
            Entity::Payments => "Payment attempts, captures and refunds of each order.",
            Entity::Shipping => "One shipment per shipped order.",
            Entity::Returns => "Returned items of delivered orders, with their refund.",
            Entity::Reviews => "Ratings of delivered purchases by their buyers.",
            Entity::SupportTickets => "Customer support requests, some about an order.",
            Entity::Wishlists => "Products users saved for later.",
            Entity::Notifications => "Messages sent to users, some announcing an order event.",
            Entity::UserAnalytics => "Per-user aggregates, equal to what the other files say.",
            Entity::ProductAnalytics => {
                "Per-product aggregates, equal to what the other files say."
            }
        }
    }
}

/// A row as the formats see it. Tree formats (JSON, XML) write the row with its
/// children nested; CSV writes `flat()` to the entity's file and each child row to
/// the child file.
pub trait Record: Serialize {
    type Flat: Serialize;
    type ChildRow: Serialize;
    /// Field name and element name of nested children in tree formats.
    const CHILDREN: Option<(&'static str, &'static str)> = None;

    fn flat(&self) -> &Self::Flat;

    fn child_rows(&self, _each: &mut dyn FnMut(&Self::ChildRow)) {}

    /// Children as they nest under the row, for XML.
    fn nested_children(&self, _each: &mut dyn FnMut(&dyn erased::Row)) {}
}

/// Object-safe serialization for the few places that need a row behind `dyn`.
pub mod erased {
    pub trait Row {
        fn serialize_xml(
            &self,
            tag: &str,
            out: &mut Vec<u8>,
        ) -> Result<(), crate::output::xml::Error>;
    }

    impl<T: serde::Serialize> Row for T {
        fn serialize_xml(
            &self,
            tag: &str,
            out: &mut Vec<u8>,
        ) -> Result<(), crate::output::xml::Error> {
            crate::output::xml::write_element(self, tag, out)
        }
    }
}

/// Implements `Record` for a row with no children.
macro_rules! flat_record {
    ($($row:ty),* $(,)?) => {$(
        impl $crate::generate::Record for $row {
            type Flat = Self;
            type ChildRow = ();
            fn flat(&self) -> &Self {
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
