//! The checks of the data model's invariants across rows and files (invariants 1 to
//! 13 and the notifications' promises), one file per family of rules. Each family
//! reads the tables it needs through `Joined`, and skips what needs a table that was
//! not read: a subset of entities is checked as far as it goes.

mod analytics;
mod catalog;
mod keys;
mod notifications;
mod orders;
mod payments;
mod promotions;
mod returns;
mod reviews;
mod shipping;
mod tickets;
mod users;
pub mod values;
mod wishlists;

use super::index::{Groups, KeyIndex, key_index};
use super::read::Dataset;
use super::report::Findings;
use super::table::{Column, Id, Kind, Moment, Rows};
use crate::error::Result;
use crate::model::{Timestamp, Window};
use crate::schema::{Key, Table};

/// Orders whose payment was captured: their completed payments add up to the total.
const PAID_STATUSES: &[&str] = &["processing", "shipped", "delivered", "returned"];
const SHIPPED_STATUSES: &[&str] = &["shipped", "delivered", "returned"];
const DELIVERED_STATUSES: &[&str] = &["delivered", "returned"];

/// Checks every invariant that spans rows or files, in the order a report lists them.
pub fn check(data: &Dataset, window: Window, found: &mut Findings) -> Result<()> {
    let joined = Joined::new(data, window, found)?;
    keys::check(&joined, found)?;
    users::check(&joined, found)?;
    catalog::check_categories(&joined, found)?;
    catalog::check_products(&joined, found)?;
    catalog::check_inventory(&joined, found)?;
    orders::check(&joined, found)?;
    payments::check(&joined, found)?;
    shipping::check(&joined, found)?;
    returns::check(&joined, found)?;
    reviews::check(&joined, found)?;
    tickets::check(&joined, found)?;
    promotions::check(&joined, found)?;
    promotions::check_uses(&joined, found)?;
    wishlists::check(&joined, found)?;
    notifications::check(&joined, found)?;
    analytics::check_users(&joined, found)?;
    analytics::check_products(&joined, found)
}

/// The dataset's tables with what joins them: the row of every primary key, each
/// order's children, and the few facts many rules ask about a user or an order.
pub struct Joined<'a> {
    data: &'a Dataset,
    pub window: Window,
    /// By `Table::index`; `None` for a table that was not read.
    keys: Vec<Option<KeyIndex<'a>>>,
    pub items_of: Option<Groups>,
    pub payments_of: Option<Groups>,
    pub shipments_of: Option<Groups>,
    pub returns_of: Option<Groups>,
    signup: Option<Column<'a, Moment>>,
    buyer: Option<Column<'a, Id>>,
    delivery: Option<Column<'a, Moment>>,
}

impl<'a> Joined<'a> {
    /// Indexes every table by its primary key (reporting repeated keys) and groups
    /// the children of each order.
    fn new(data: &'a Dataset, window: Window, found: &mut Findings) -> Result<Joined<'a>> {
        let mut keys: Vec<Option<KeyIndex<'a>>> = Table::ALL.iter().map(|_| None).collect();
        for rows in data.tables() {
            if let Some(primary) = rows.fields().iter().find(|f| f.key == Key::Primary) {
                let column = rows.column::<Id>(primary.name)?;
                keys[rows.spec.table.index()] = Some(key_index(rows, column, found));
            }
        }
        let mut joined = Joined {
            data,
            window,
            keys,
            items_of: None,
            payments_of: None,
            shipments_of: None,
            returns_of: None,
            signup: column_of(data, Table::Users, "created_at")?,
            buyer: column_of(data, Table::Orders, "user_id")?,
            delivery: column_of(data, Table::Shipping, "delivered_at")?,
        };
        if let (Some(orders), Some(index)) =
            (data.table(Table::Orders), joined.index(Table::Orders))
        {
            let group = |child: Table| -> Result<Option<Groups>> {
                let Some(rows) = data.table(child) else {
                    return Ok(None);
                };
                let parent = rows.column::<Id>("order_id")?;
                Ok(Some(Groups::new(orders.len(), parent, rows.len(), index)))
            };
            let items_of = group(Table::OrderItems)?;
            let payments_of = group(Table::Payments)?;
            let shipments_of = group(Table::Shipping)?;
            let returns_of = group(Table::Returns)?;
            joined.items_of = items_of;
            joined.payments_of = payments_of;
            joined.shipments_of = shipments_of;
            joined.returns_of = returns_of;
        }
        Ok(joined)
    }

    pub fn table(&self, table: Table) -> Option<&'a Rows> {
        self.data.table(table)
    }

    /// The tables read, in report order.
    pub fn tables(&self) -> impl Iterator<Item = &'a Rows> {
        self.data.tables()
    }

    /// The primary-key index of a table that was read.
    pub fn index(&self, table: Table) -> Option<&KeyIndex<'a>> {
        self.keys[table.index()].as_ref()
    }

    /// The row an id names in `table`, when that table was read.
    pub fn find(&self, table: Table, id: Option<&str>) -> Option<usize> {
        self.index(table)?.get(id?).copied()
    }

    /// When the user an id names signed up, when users were read.
    pub fn signup_of(&self, user: Option<&str>) -> Option<Timestamp> {
        self.signup?.at(self.find(Table::Users, user)?)
    }

    /// The user who placed the order at row `order`, when orders were read.
    pub fn buyer_of(&self, order: usize) -> Option<&'a str> {
        self.buyer?.at(order)
    }

    /// The delivery time of an order, from its (first) shipment.
    pub fn delivered_at(&self, order: usize) -> Option<Timestamp> {
        let first = *self.shipments_of.as_ref()?.of(order).first()?;
        self.delivery?.at(first)
    }
}

/// A column of a table, when the table was read.
fn column_of<'a, K: Kind>(
    data: &'a Dataset,
    table: Table,
    name: &str,
) -> Result<Option<Column<'a, K>>> {
    data.table(table).map(|t| t.column(name)).transpose()
}
