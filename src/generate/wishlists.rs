//! Wishlists: products customers saved. A minority keep a list; popular products are
//! saved more; and a share of saved products are bought later by the same customer
//! (saved some days before the order that holds them). Lists are drawn per customer,
//! scaled to add up to exactly `--count wishlists`, never holding a product twice.

use super::users::Users;
use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record};
use crate::model::{Id, Timestamp};
use crate::rng;
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("wishlist_id", "Primary key."),
    Field::foreign("user_id", Table::Users, "Owner; unique with product_id."),
    Field::foreign("product_id", Table::Products, "Saved product."),
    Field::new("added_at", F::Timestamp, ">= the user's created_at."),
    Field::new(
        "notify_on_sale",
        F::Boolean,
        "Whether the user asked to hear about price drops.",
    ),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Wishlists,
    name: "wishlists",
    row_tag: "wishlist_item",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Wishlists,
    stable_id: 14,
    name: "wishlists",
    doc: "Products users saved for later.",
    parents: &[Entity::Users, Entity::Products, Entity::Orders],
    requires: &[Entity::Users, Entity::Products],
    count: CountRule::Set(3_000),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Wishlists::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct WishlistItem {
    pub wishlist_id: Id,
    pub user_id: Id,
    pub product_id: Id,
    pub added_at: Timestamp,
    pub notify_on_sale: bool,
}

flat_record!(WishlistItem);

/// Customers who keep a wishlist, per mille: most never use one.
const KEEPS_A_LIST_PER_MILLE: u32 = 250;

/// Saved products the customer then buys, per mille of those who order again.
const BOUGHT_LATER_PER_MILLE: u32 = 350;

/// Saved products whose price the customer wants to hear about, per mille.
pub const NOTIFY_PER_MILLE: u32 = 400;

/// Every customer's wishlist length, scaled to add up to `--count wishlists`: row k
/// is item j of customer u.
pub struct WishBook {
    prefix: Vec<u64>,
}

impl WishBook {
    pub fn build(world: &World) -> WishBook {
        let users = world.count(Entity::Users);
        let products = world.count(Entity::Products);
        let rows = world.count(Entity::Wishlists);
        let wanted: Vec<u64> = (0..users)
            .map(|u| {
                let mut rng = world.stream_rng(Stream::WishlistLengths, u);
                if rng::chance(&mut rng, KEEPS_A_LIST_PER_MILLE) {
                    // Lengths fall off: most lists hold a few products.
                    1 + rng::below(&mut rng, 6).min(rng::below(&mut rng, 12))
                } else {
                    0
                }
            })
            .collect();
        let mut prefix = super::customers::exact_prefix(&wanted, rows);
        let too_long = prefix.windows(2).any(|w| w[1] - w[0] > products);
        if too_long {
            // A list cannot hold a product twice: share the rows out evenly instead.
            let (each, extra) = (rows / users.max(1), rows % users.max(1));
            prefix = (0..=users).map(|u| u * each + u.min(extra)).collect();
        }
        WishBook { prefix }
    }

    pub fn locate(&self, index: u64) -> (u64, u64) {
        let user = self.prefix.partition_point(|&p| p <= index) - 1;
        (user as u64, index - self.prefix[user])
    }

    /// The rows of customer `user`'s list.
    pub fn rows_of(&self, user: u64) -> std::ops::Range<u64> {
        self.prefix[user as usize]..self.prefix[user as usize + 1]
    }
}

pub struct Wishlists<'w> {
    world: &'w World,
    users: Users<'w>,
    orders: super::orders::Orders<'w>,
}

/// One saved product.
#[derive(Clone, Copy, Debug)]
pub struct Saved {
    pub user: u64,
    pub product: u64,
    pub added_at: Timestamp,
    /// Whether the customer asked to hear about price drops.
    pub notify: bool,
}

impl<'w> Wishlists<'w> {
    pub fn new(world: &'w World) -> Self {
        Wishlists {
            world,
            users: Users::new(world),
            orders: super::orders::Orders::new(world),
        }
    }

    /// Every item of `user`'s list, in order; `each` gets the row index too.
    pub fn list(&self, user: u64, mut each: impl FnMut(u64, Saved)) {
        let w = self.world;
        let rows = w.wish_book().rows_of(user);
        if rows.is_empty() {
            return;
        }
        let signup = self.users.created_at(user).max(w.window.start);
        let book = w.order_book();
        let orders = book.count_of(user);
        let mut taken: Vec<u64> = Vec::with_capacity((rows.end - rows.start) as usize);
        for (j, row) in rows.enumerate() {
            let mut rng = w.rng(Entity::Wishlists, row);
            let mut saved = None;
            if orders > 0 && rng::chance(&mut rng, BOUGHT_LATER_PER_MILLE) {
                // Saved some days before the order that bought it.
                let facts = self
                    .orders
                    .facts(book.first_of(user) + rng::below(&mut rng, orders));
                let items = facts.items();
                let product = items[rng::below(&mut rng, items.len() as u64) as usize].product;
                let before = rng::between(&mut rng, 3_600, 45 * 86_400);
                let added_at = facts.created_at.plus(-before).max(signup);
                if !taken.contains(&product) {
                    saved = Some((product, added_at));
                }
            }
            let (product, added_at) = saved.unwrap_or_else(|| {
                let product = self.popular_product(&mut rng, &taken, j as u64);
                (product, w.moment_after(&mut rng, signup))
            });
            taken.push(product);
            let notify = rng::chance(&mut rng, NOTIFY_PER_MILLE);
            each(
                row,
                Saved {
                    user,
                    product,
                    added_at,
                    notify,
                },
            );
        }
    }

    /// A product not yet on the list, popular ones first; after a few tries, the next
    /// product in index order that is not on it (a list never repeats one).
    fn popular_product(&self, rng: &mut rng::RowRng, taken: &[u64], j: u64) -> u64 {
        let products = self.world.count(Entity::Products);
        for _ in 0..8 {
            let rank = rng::skewed_rank(rng, products, 500);
            let product = self.world.product_popularity.apply(rank);
            if !taken.contains(&product) {
                return product;
            }
        }
        (0..products)
            .map(|k| (j + k) % products)
            .find(|p| !taken.contains(p))
            .unwrap_or(0)
    }
}

impl Generator for Wishlists<'_> {
    type Row = WishlistItem;

    fn units(&self) -> u64 {
        self.world.count(Entity::Users)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&WishlistItem)) {
        let w = self.world;
        let mut row = WishlistItem::default();
        for user in units {
            self.list(user, |index, saved| {
                row.wishlist_id = w.ids(Table::Wishlists).id(index);
                row.user_id = w.ids(Table::Users).id(saved.user);
                row.product_id = w.ids(Table::Products).id(saved.product);
                row.added_at = saved.added_at;
                row.notify_on_sale = saved.notify;
                emit(&row);
            });
        }
    }
}
