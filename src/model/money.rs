//! Money as integer cents: sums reconcile to the cent and text never depends on float
//! formatting.

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn cents(self) -> i64 {
        self.0
    }

    /// `self * numerator / denominator`, rounded half-up (away from zero for the
    /// positive amounts a shop computes): the way tax and percentage discounts round.
    pub fn scale_half_up(self, numerator: i64, denominator: i64) -> Money {
        let product = self.0 as i128 * numerator as i128;
        let d = denominator as i128;
        let rounded = if product >= 0 {
            (product + d / 2) / d
        } else {
            -((-product + d / 2) / d)
        };
        Money(rounded as i64)
    }

    /// The cents of a decimal with exactly two places, the text `encode` writes; never
    /// through a float.
    pub fn parse(s: &str) -> Option<Money> {
        let (negative, body) = match s.strip_prefix('-') {
            Some(body) => (true, body),
            None => (false, s),
        };
        let (whole, cents) = body.split_once('.')?;
        if !super::time::digits(whole) || cents.len() != 2 || !super::time::digits(cents) {
            return None;
        }
        let value = whole
            .parse::<i64>()
            .ok()?
            .checked_mul(100)?
            .checked_add(cents.parse::<i64>().ok()?)?;
        Some(Money(if negative { -value } else { value }))
    }

    /// Writes the two-place decimal text into `buf`, returning the used part.
    pub fn encode(self, buf: &mut [u8; 24]) -> &str {
        std::str::from_utf8(self.digits(buf)).expect("ascii digits")
    }

    /// `encode`'s bytes, for writers that need no `str` (and no check that it is one).
    #[inline]
    pub fn digits(self, buf: &mut [u8; 24]) -> &[u8] {
        let negative = self.0 < 0;
        let mut v = self.0.unsigned_abs();
        let mut i = buf.len();
        let mut digits = 0;
        loop {
            if digits == 2 {
                i -= 1;
                buf[i] = b'.';
            }
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            digits += 1;
            if v == 0 && digits >= 3 {
                break;
            }
        }
        if negative {
            i -= 1;
            buf[i] = b'-';
        }
        &buf[i..]
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl std::ops::Mul<i64> for Money {
    type Output = Money;
    fn mul(self, rhs: i64) -> Money {
        Money(self.0 * rhs)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.encode(&mut [0; 24]))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(self.encode(&mut [0; 24]))
        } else {
            serializer.serialize_newtype_struct(super::cells::CENTS, &self.0)
        }
    }
}

/// A two-place decimal that is not an amount of money: an average rating, 4.33 held as
/// 433. Every format writes it as it writes money, two places; the schema types it
/// `decimal` (NUMERIC(5,2), Parquet DECIMAL(5,2)), never `money`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hundredths(pub i64);

impl Hundredths {
    /// `numerator / denominator`, half-up to two places (`denominator` > 0).
    pub fn ratio(numerator: i64, denominator: i64) -> Hundredths {
        Hundredths(Money(numerator * 100).scale_half_up(1, denominator).0)
    }
}

impl fmt::Display for Hundredths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Money(self.0).fmt(f)
    }
}

impl Serialize for Hundredths {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Money(self.0).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_rounds_half_up_to_two_places() {
        assert_eq!(Hundredths::ratio(13, 3).to_string(), "4.33");
        assert_eq!(Hundredths::ratio(5, 8).to_string(), "0.63");
        assert_eq!(Hundredths::ratio(9, 2).to_string(), "4.50");
        assert_eq!(Hundredths::ratio(5, 1), Hundredths(500));
    }

    #[test]
    fn formats_two_places() {
        assert_eq!(Money(10799).to_string(), "107.99");
        assert_eq!(Money(5).to_string(), "0.05");
        assert_eq!(Money(0).to_string(), "0.00");
        assert_eq!(Money(100).to_string(), "1.00");
        assert_eq!(Money(-250).to_string(), "-2.50");
        assert_eq!(Money(i64::MAX).to_string(), "92233720368547758.07");
    }

    #[test]
    fn parses_exactly_what_it_writes() {
        for cents in [10799, 5, 0, 100, -250, i64::MAX] {
            assert_eq!(Money::parse(&Money(cents).to_string()), Some(Money(cents)));
        }
        for bad in [
            "107.9",
            "107",
            ".99",
            "1.999",
            "1e2",
            "12.-5",
            "+1.00",
            "",
            "99999999999999999999.00",
        ] {
            assert_eq!(Money::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn rounds_half_up_not_to_even() {
        // 2.345 -> 2.35 where banker's rounding would give 2.34.
        assert_eq!(Money(2345).scale_half_up(1, 10), Money(235));
        assert_eq!(Money(2675).scale_half_up(1, 10), Money(268));
        assert_eq!(Money(1000).scale_half_up(725, 10_000), Money(73));
    }
}
