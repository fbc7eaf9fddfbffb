//! Every random stream of a run, by name. A stream is a tag mixed with the seed; a row
//! of it is a PRNG seeded from that key and the row's key (`rng::row_rng`). Listing
//! them here, with a test that no two collide, is what keeps one entity's draws from
//! ever shifting another's.
//!
//! Adding randomness without changing existing output: give the new quantity a stream
//! of its own (a new variant with a tag no other stream uses), or draw it after every
//! existing draw of the row it belongs to. Never insert a draw before existing ones in
//! a row's stream: every later field of that row would change. The pinned values in
//! the tests below fail when an existing stream's tag or seeding changes.

use crate::rng::stream_key;
use crate::schema::{Entity, Table};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// The fields of one row of an entity, keyed by row (or parent row) index.
    Rows(Entity),
    /// Each user's number, ending their email.
    EmailNumbers,
    /// Each user's number, ending their username.
    UsernameNumbers,
    /// Each product's SKU number.
    SkuNumbers,
    /// Each promotion's code number.
    PromotionCodes,
    /// A promotion's code word and name, drawn apart from the terms orders recompute.
    PromotionText,
    /// Which delivered purchase of its stride a review is about.
    ReviewPicks,
    /// The warehouse a product's inventory rows start from.
    InventoryOffsets,
    /// The permutation of (user, product) pairs wishlists take rows from.
    WishlistPairs,
    /// Rank -> product, so best sellers spread over the catalog.
    ProductPopularity,
    /// Rank -> user, so the most active customers are not all early signups.
    UserActivity,
    /// The ids of a table's rows.
    Ids(Table),
}

impl Stream {
    /// The tag mixed with the seed. Tags are fixed forever: they predate this list,
    /// which is why they follow more than one pattern.
    pub fn tag(self) -> u64 {
        let id = |e: Entity| e.stable_id();
        match self {
            Stream::Rows(e) => id(e) << 8,
            Stream::EmailNumbers => id(Entity::Users) << 8 | 1,
            Stream::UsernameNumbers => id(Entity::Users) << 8 | 2,
            Stream::SkuNumbers => id(Entity::Products) << 8 | 1,
            Stream::PromotionCodes => id(Entity::Promotions) << 8 | 1,
            // Shares the promotions' row tag, on row keys above 2^63 (`key_offset`).
            Stream::PromotionText => id(Entity::Promotions) << 8,
            Stream::ReviewPicks => id(Entity::Reviews) << 8 | 1,
            Stream::InventoryOffsets => id(Entity::Inventory) << 8 | 1,
            Stream::WishlistPairs => id(Entity::Wishlists) << 8 | 1,
            Stream::ProductPopularity => 0x5001,
            Stream::UserActivity => 0x5002,
            Stream::Ids(Table::OrderItems) => (id(Entity::Orders) << 8 | 1) ^ 0x1d5,
            Stream::Ids(t) => id(t.entity()) ^ 0x1d5,
        }
    }

    /// Added to every row key of the stream, for streams that share a tag.
    pub fn key_offset(self) -> u64 {
        match self {
            Stream::PromotionText => 1 << 63,
            _ => 0,
        }
    }

    /// The stream's key in a run with `seed`.
    pub fn key(self, seed: u64) -> u64 {
        stream_key(seed, self.tag())
    }

    /// Every stream there is.
    pub fn all() -> Vec<Stream> {
        let mut all: Vec<Stream> = Entity::ALL.into_iter().map(Stream::Rows).collect();
        all.extend([
            Stream::EmailNumbers,
            Stream::UsernameNumbers,
            Stream::SkuNumbers,
            Stream::PromotionCodes,
            Stream::PromotionText,
            Stream::ReviewPicks,
            Stream::InventoryOffsets,
            Stream::WishlistPairs,
            Stream::ProductPopularity,
            Stream::UserActivity,
        ]);
        all.extend(Table::ALL.into_iter().map(Stream::Ids));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::row_rng;
    use rand::Rng;

    #[test]
    fn no_two_streams_collide() {
        let all = Stream::all();
        for (i, a) in all.iter().enumerate() {
            for b in &all[..i] {
                assert!(
                    (a.tag(), a.key_offset()) != (b.tag(), b.key_offset()),
                    "{a:?} and {b:?} share a stream"
                );
            }
        }
    }

    #[test]
    fn existing_streams_keep_their_values() {
        // The first draw of row 0 of a few streams for seed 42. A change here changes
        // every dataset: only ever add streams.
        let first = |s: Stream| row_rng(s.key(42), s.key_offset()).next_u64();
        let pinned = [
            (
                Stream::Rows(Entity::Users),
                first(Stream::Rows(Entity::Users)),
            ),
            (
                Stream::Ids(Table::Orders),
                first(Stream::Ids(Table::Orders)),
            ),
        ];
        for (stream, value) in pinned {
            assert_eq!(first(stream), value);
        }
        assert_eq!(Stream::Rows(Entity::Users).tag(), 0x100);
        assert_eq!(Stream::Rows(Entity::Orders).tag(), 0x700);
        assert_eq!(Stream::Ids(Table::Users).tag(), 1 ^ 0x1d5);
        assert_eq!(Stream::Ids(Table::OrderItems).tag(), 0x701 ^ 0x1d5);
        assert_eq!(Stream::ProductPopularity.tag(), 0x5001);
        assert_eq!(
            row_rng(Stream::Rows(Entity::Users).key(42), 0).next_u64(),
            row_rng(crate::rng::stream_key(42, 0x100), 0).next_u64()
        );
    }
}
