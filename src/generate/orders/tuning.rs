//! The odds and weights that shape how orders behave, named in one place so that a
//! change of behaviour is a change of a number here, with its reason beside it.
//! Weights are relative integers; odds are per mille.

/// Lines per order, 1 to 8: most orders hold one or two products.
pub const ITEM_COUNT_WEIGHTS: [u32; 8] = [55, 25, 10, 5, 2, 1, 1, 1];

/// Quantity per line, 1 to 5.
pub const QUANTITY_WEIGHTS: [u32; 5] = [80, 13, 4, 2, 1];

/// Share of product draws that follow popularity (the rest are uniform).
pub const PRODUCT_HEAD_PER_MILLE: u32 = 600;

/// Tries to draw a product not yet in the basket before accepting a repeat.
pub const DISTINCT_PRODUCT_TRIES: usize = 4;

/// Tries to find a customer who had signed up by the order's moment.
pub const SIGNED_UP_TRIES: usize = 8;

/// Orders that come with a promotion code.
pub const PROMOTION_PER_MILLE: u32 = 350;

/// Codes a customer tries before giving up on finding one that runs that day.
pub const PROMOTION_TRIES: usize = 6;

/// standard, express, overnight, economy.
pub const SHIPPING_METHOD_WEIGHTS: [u32; 4] = [60, 22, 5, 13];

/// credit_card, paypal, debit_card, apple_pay, google_pay, gift_card.
pub const PAYMENT_METHOD_WEIGHTS: [u32; 6] = [52, 20, 12, 8, 5, 3];

/// Failed payment attempts before the outcome: none, one, two.
pub const FAILED_ATTEMPT_WEIGHTS: [u32; 3] = [900, 80, 20];

/// Per mille of orders whose card is declined for good: cancelled at once.
pub const DECLINED_PER_MILLE: u64 = 45;

/// Per mille of orders whose payment never arrives (a bank transfer not sent): they
/// wait as pending for a week, then the shop cancels them.
pub const STALLED_PER_MILLE: u64 = 20;

/// How long a stalled order waits for its payment, in days.
pub const PAYMENT_WAIT_DAYS: i64 = 7;

/// Delivered orders of which something is sent back.
pub const RETURN_PER_MILLE: u32 = 90;

/// Each further item of a returned order goes back too with these odds.
pub const EXTRA_ITEM_RETURN_PER_MILLE: u32 = 400;

/// Returns refunded in full; the rest get a partial refund of 50-95%.
pub const FULL_REFUND_PER_MILLE: u32 = 800;

/// Returns the shop rejects.
pub const REJECTED_RETURN_PER_MILLE: u32 = 80;

/// Why items come back, with their weights.
pub const RETURN_REASONS: [&str; 7] = [
    "wrong_size",
    "damaged_in_transit",
    "not_as_described",
    "changed_mind",
    "defective",
    "wrong_item_sent",
    "arrived_too_late",
];
pub const RETURN_REASON_WEIGHTS: [u32; 7] = [22, 12, 18, 20, 14, 8, 6];
