//! The shop's currency, an ISO 4217 code: every money amount is in it, and text that
//! names an amount names it too.

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const USD: Currency = Currency(*b"USD");

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII letters")
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::USD
    }
}

impl std::str::FromStr for Currency {
    type Err = String;

    /// Three letters, as ISO 4217 writes codes: `USD`, `EUR`, `GBP` (any case).
    fn from_str(s: &str) -> Result<Currency, String> {
        let upper = s.trim().to_ascii_uppercase();
        match upper.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Currency([a, b, c])),
            _ => Err(format!(
                "'{s}' is not a currency code: give three letters (ISO 4217), e.g. USD, EUR, GBP"
            )),
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
