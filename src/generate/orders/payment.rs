//! How an order is paid: with the methods of the customer's country (PayPal, Klarna
//! and SEPA direct debit lead in Germany, debit cards in Britain, Interac in Canada,
//! Afterpay in Australia), usually their own usual one; attempts that fail as often as
//! their method does (cards and buy-now-pay-later more than wallets); a capture
//! seconds after a card payment, days after a direct debit; and the payments that
//! never come, for which the shop waits a week before it cancels.

use crate::generate::World;
use crate::model::Timestamp;
use crate::rng::{self, RowRng};

pub const PAYMENT_METHODS: [&str; 10] = [
    "credit_card",
    "debit_card",
    "paypal",
    "apple_pay",
    "google_pay",
    "gift_card",
    "klarna",
    "sepa_direct_debit",
    "interac",
    "afterpay",
];

/// Shares of `PAYMENT_METHODS` by country, per cent.
fn country_weights(country: &str) -> [u32; 10] {
    match country {
        "US" => [44, 17, 16, 10, 5, 3, 3, 0, 0, 2],
        "GB" => [16, 40, 21, 12, 4, 2, 5, 0, 0, 0],
        "CA" => [47, 4, 15, 10, 5, 2, 0, 0, 17, 0],
        "DE" => [14, 4, 30, 8, 4, 2, 21, 17, 0, 0],
        "FR" => [52, 3, 19, 11, 5, 3, 6, 1, 0, 0],
        "AU" => [29, 24, 15, 12, 6, 2, 0, 0, 0, 12],
        _ => [50, 15, 20, 8, 4, 3, 0, 0, 0, 0],
    }
}

/// Attempts that fail, per mille, by method: cards are declined more than wallets,
/// which hold a verified card already.
const FAILURE_PER_MILLE: [u32; 10] = [70, 60, 25, 18, 20, 40, 85, 45, 30, 80];

/// A customer whose attempt failed gives up (and the shop cancels), per mille.
const GIVE_UP_PER_MILLE: [u32; 2] = [450, 600];

/// Direct debits that never arrive, per mille: the order waits, then is cancelled.
const STALLED_PER_MILLE: u32 = 50;

/// Days the shop waits for a payment before cancelling the order.
pub const PAYMENT_WAIT_DAYS: i64 = 7;

/// Orders paid with another method than the customer's usual one, per mille.
const OTHER_METHOD_PER_MILLE: u32 = 150;

const SEPA: usize = 7;

/// How paying went.
#[derive(Clone, Copy, Debug)]
pub struct Paying {
    pub method: &'static str,
    pub failed: [Timestamp; 2],
    pub failed_count: usize,
    pub outcome: Outcome,
}

#[derive(Clone, Copy, Debug)]
pub enum Outcome {
    /// Captured at this moment (which may be after the window: then still pending).
    Captured(Timestamp),
    /// The customer gave up after a declined attempt: cancelled then.
    Declined(Timestamp),
    /// The money never came: pending since this moment, cancelled a week later.
    Stalled(Timestamp),
}

/// The customer's usual method among their country's, from their tastes' draw.
pub fn usual_method(country: &str, pick: u64) -> usize {
    let weights = country_weights(country);
    let total: u64 = weights.iter().map(|&w| w as u64).sum();
    let mut draw = pick % total;
    for (i, &w) in weights.iter().enumerate() {
        if draw < w as u64 {
            return i;
        }
        draw -= w as u64;
    }
    0
}

pub fn pay(
    world: &World,
    rng: &mut RowRng,
    created_at: Timestamp,
    country: &str,
    usual: usize,
) -> Paying {
    let method = if rng::chance(rng, OTHER_METHOD_PER_MILLE) {
        rng::pick_weighted(rng, &country_weights(country))
    } else {
        usual
    };
    let mut failed = [created_at; 2];
    let mut failed_count = 0;
    let mut last = created_at.plus(rng::between(rng, 5, 90));
    let outcome = loop {
        if failed_count == 2 || !rng::chance(rng, FAILURE_PER_MILLE[method]) {
            break if method == SEPA && rng::chance(rng, STALLED_PER_MILLE) {
                Outcome::Stalled(last)
            } else {
                Outcome::Captured(capture(rng, method, last))
            };
        }
        failed[failed_count] = world.window.clamp(last);
        if rng::chance(rng, GIVE_UP_PER_MILLE[failed_count]) {
            failed_count += 1;
            break Outcome::Declined(world.window.clamp(last));
        }
        failed_count += 1;
        last = last.plus(rng::between(rng, 20, 600));
    };
    Paying {
        method: PAYMENT_METHODS[method],
        failed,
        failed_count,
        outcome,
    }
}

/// A card or wallet is captured seconds after the authorisation; a direct debit a
/// banking day or three later.
fn capture(rng: &mut RowRng, method: usize, authorised: Timestamp) -> Timestamp {
    if method == SEPA {
        authorised.plus(rng::between(rng, 86_400, 3 * 86_400))
    } else if rng::chance(rng, HELD_FOR_REVIEW_PER_MILLE) {
        // A fraud check holds the charge for a few hours to a few days.
        authorised.plus(rng::between(rng, 6 * 3_600, 4 * 86_400))
    } else {
        authorised.plus(rng::between(rng, 2, 45))
    }
}

/// Card and wallet payments held for a fraud check before capture, per mille.
const HELD_FOR_REVIEW_PER_MILLE: u32 = 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_pays_by_its_own_habits() {
        for country in ["US", "GB", "CA", "DE", "FR", "AU"] {
            let w = country_weights(country);
            assert_eq!(w.iter().sum::<u32>(), 100, "{country}");
        }
        let de = country_weights("DE");
        assert!(de[2] >= 20 && de[0] + de[1] <= 35);
        let gb = country_weights("GB");
        assert!(gb[1] > gb[0]);
    }
}
