//! Wishlists: products users saved. Row k is the k-th element of a keyed permutation
//! of all (user, product) pairs, so pairs are unique without remembering any.

use super::users::Users;
use super::{CountRule, EntitySpec, Generator, RowSource, Stream, World, flat_record};
use crate::model::{Id, Timestamp};
use crate::rng::{self, Permutation};
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
    parents: &[Entity::Users, Entity::Products],
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

pub struct Wishlists<'w> {
    world: &'w World,
    users: Users<'w>,
    pairs: Permutation,
}

impl<'w> Wishlists<'w> {
    pub fn new(world: &'w World) -> Self {
        let pairs = world
            .count(Entity::Users)
            .saturating_mul(world.count(Entity::Products))
            .max(1);
        Wishlists {
            world,
            users: Users::new(world),
            pairs: Permutation::new(pairs, world.key(Stream::WishlistPairs)),
        }
    }
}

impl Generator for Wishlists<'_> {
    type Row = WishlistItem;

    fn units(&self) -> u64 {
        self.world.count(Entity::Wishlists)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&WishlistItem)) {
        let w = self.world;
        let products = w.count(Entity::Products);
        let mut row = WishlistItem::default();
        for index in units {
            let pair = self.pairs.apply(index);
            let (user, product) = (pair / products, pair % products);
            let mut rng = w.rng(Entity::Wishlists, index);
            row.wishlist_id = w.ids(Table::Wishlists).id(index);
            row.user_id = w.ids(Table::Users).id(user);
            row.product_id = w.ids(Table::Products).id(product);
            row.added_at = w.moment_after(&mut rng, self.users.created_at(user));
            row.notify_on_sale = rng::chance(&mut rng, 350);
            emit(&row);
        }
    }
}
