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
    /// Whether a delivered purchase is reviewed, or (a set count) which purchase of its
    /// stride a review is about.
    ReviewPicks,
    /// The warehouse a product's inventory rows start from.
    InventoryOffsets,
    /// Which customers keep a wishlist, and how long it is.
    WishlistLengths,
    /// Rank -> product, so best sellers spread over the catalog.
    ProductPopularity,
    /// Rank -> user, so the most active customers are not all early signups.
    UserActivity,
    /// A customer's life with the shop: kind, signup, first order, pace, lapse.
    Customers,
    /// How many orders a customer places in the window.
    OrderCounts,
    /// A customer's tastes: favourite departments, basket size, usual payment.
    Tastes,
    /// The products a customer buys again and again, by department.
    Staples,
    /// A customer's names and the shape of their email and username.
    Identities,
    /// The departments a vendor supplies and how many brands it sells.
    VendorRanges,
    /// The numbers of vendors' and brands' coined names.
    NameNumbers,
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
            Stream::WishlistLengths => id(Entity::Wishlists) << 8 | 1,
            Stream::ProductPopularity => 0x5001,
            Stream::UserActivity => 0x5002,
            Stream::Customers => id(Entity::Users) << 8 | 3,
            Stream::OrderCounts => id(Entity::Orders) << 8 | 2,
            Stream::Tastes => id(Entity::Users) << 8 | 4,
            Stream::Staples => id(Entity::Users) << 8 | 5,
            Stream::Identities => id(Entity::Users) << 8 | 6,
            Stream::VendorRanges => id(Entity::Vendors) << 8 | 1,
            Stream::NameNumbers => id(Entity::Vendors) << 8 | 2,
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
            Stream::WishlistLengths,
            Stream::ProductPopularity,
            Stream::UserActivity,
            Stream::Customers,
            Stream::OrderCounts,
            Stream::Tastes,
            Stream::Staples,
            Stream::Identities,
            Stream::VendorRanges,
            Stream::NameNumbers,
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
        // The first draw of row 0 of streams for seed 42, one of each pattern of tag: a
        // change here changes every dataset. New randomness takes a new stream (which
        // leaves these as they are); existing ones never move.
        let pinned = [
            (Stream::Rows(Entity::Users), 875_231_099_809_173_755),
            (Stream::Rows(Entity::Orders), 13_644_947_253_655_856_982),
            (Stream::EmailNumbers, 18_057_198_942_132_354_377),
            (Stream::PromotionText, 17_299_270_229_644_240_019),
            (Stream::ProductPopularity, 17_911_529_609_542_435_516),
            (Stream::Ids(Table::Orders), 11_689_704_547_870_963_537),
            (Stream::Ids(Table::OrderItems), 11_260_842_503_610_275_821),
        ];
        for (stream, first) in pinned {
            let drawn = row_rng(stream.key(42), stream.key_offset()).next_u64();
            assert_eq!(drawn, first, "{stream:?}");
        }
    }
}
