//! The odds and weights that shape how orders behave, named in one place so that a
//! change of behaviour is a change of a number here, with its reason beside it.
//! Weights are relative integers; odds are per mille. The habits of each department
//! (seasons, quantities, reorders, returns) are in the catalog beside its goods; the
//! customers' kinds and paces in `customers`; payment in `payment`; carriers in
//! `logistics`.

/// Lines per order, 1 to 8: most orders hold one or two products.
pub const ITEM_COUNT_WEIGHTS: [u32; 8] = [55, 25, 10, 5, 2, 1, 1, 1];

/// Tries to draw a product not yet in the basket before giving up on the line.
pub const DISTINCT_PRODUCT_TRIES: usize = 4;

/// Orders with a code on a day with no campaign's pull, per mille.
pub const PROMOTION_BASE_PER_MILLE: u32 = 50;

/// More orders with a code for each unit of pull of the campaigns running.
pub const PROMOTION_PULL_PER_MILLE: u32 = 22;

/// At most this many orders use a code, even in Black Friday week.
pub const PROMOTION_MAX_PER_MILLE: u32 = 550;

/// Running codes a customer considers before going without.
pub const PROMOTION_TRIES: usize = 3;

/// standard, express, overnight, economy.
pub const SHIPPING_METHOD_WEIGHTS: [u32; 4] = [62, 22, 4, 12];

/// Standard shipping is free from this subtotal on (cents).
pub const FREE_STANDARD_SHIPPING_CENTS: i64 = 5_000;

/// Returns more often after a late delivery (per cent of the usual rate).
pub const LATE_RETURN_PERCENT: u64 = 140;

/// Gifts bought for the holidays come back more (per cent of the usual rate).
pub const HOLIDAY_RETURN_PERCENT: u64 = 125;

/// A late parcel's return gives lateness as its reason, per mille.
pub const LATE_REASON_PER_MILLE: u32 = 400;

/// Returns refunded in full; the rest get a partial refund of 50-95%.
pub const FULL_REFUND_PER_MILLE: u32 = 800;

/// Returns the shop rejects.
pub const REJECTED_RETURN_PER_MILLE: u32 = 80;
