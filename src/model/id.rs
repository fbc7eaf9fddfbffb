//! Ids: lowercase hyphenated UUIDs that are an injective function of a row key, so a
//! primary key is unique by construction (not by luck) and a foreign key is computed
//! from the parent's key without looking the parent up.

use crate::rng::mix64;
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(pub [u8; 16]);

/// The ids of one table in one run, from the key of its id stream.
#[derive(Clone, Copy, Debug)]
pub struct IdSpace {
    key: u64,
}

impl IdSpace {
    pub fn new(stream_key: u64) -> Self {
        IdSpace { key: stream_key }
    }

    /// The id of the row with this key. The 64 bits of a bijective scramble of the key
    /// are stored verbatim; the other bits are derived from them; version 4 and the RFC
    /// variant are set in bits the scramble does not use.
    pub fn id(&self, row_key: u64) -> Id {
        let a = mix64(row_key ^ self.key);
        let b = mix64(a ^ self.key.rotate_left(17));
        let c = mix64(b);
        let a = a.to_be_bytes();
        let b = b.to_be_bytes();
        let c = c.to_be_bytes();
        let mut bytes = [0u8; 16];
        bytes[..6].copy_from_slice(&a[..6]);
        bytes[6] = 0x40 | (b[0] & 0x0f);
        bytes[7] = a[6];
        bytes[8] = 0x80 | (b[1] & 0x3f);
        bytes[9] = a[7];
        bytes[10..16].copy_from_slice(&c[..6]);
        Id(bytes)
    }
}

/// Every byte's two lowercase hex digits: one lookup per byte, where a general
/// formatter takes one per digit (ids are about a tenth of a CSV file's bytes).
static HEX_PAIRS: [[u8; 2]; 256] = {
    let digits = b"0123456789abcdef";
    let mut pairs = [[0; 2]; 256];
    let mut b = 0;
    while b < 256 {
        pairs[b] = [digits[b >> 4], digits[b & 15]];
        b += 1;
    }
    pairs
};

impl Id {
    /// The id as a lowercase hyphenated UUID: `8-4-4-4-12` hex digits.
    #[inline]
    pub fn text(self) -> [u8; 36] {
        let mut out = [b'-'; 36];
        let mut at = 0;
        for (i, &byte) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                at += 1;
            }
            out[at..at + 2].copy_from_slice(&HEX_PAIRS[byte as usize]);
            at += 2;
        }
        out
    }

    pub fn encode(self, buf: &mut [u8; 36]) -> &str {
        *buf = self.text();
        std::str::from_utf8(buf).expect("hex digits and hyphens")
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.encode(&mut [0; 36]))
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(self.encode(&mut [0; 36]))
        } else {
            serializer.serialize_bytes(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v4_shaped_and_distinct() {
        let space = IdSpace::new(42);
        let a = space.id(0).to_string();
        let b = space.id(1).to_string();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(a, a.to_lowercase());
    }

    #[test]
    fn ids_are_written_as_the_uuid_crate_writes_them() {
        let space = IdSpace::new(7);
        for key in (0..2000).chain([u64::MAX]) {
            let id = space.id(key);
            let mut buf = [0; 36];
            let expected = uuid::Uuid::from_bytes(id.0).hyphenated().to_string();
            assert_eq!(id.encode(&mut buf), expected);
            assert_eq!(&id.text()[..], expected.as_bytes());
        }
        let extremes = [[0u8; 16], [0xff; 16], std::array::from_fn(|i| i as u8 * 17)];
        for bytes in extremes {
            let expected = uuid::Uuid::from_bytes(bytes).hyphenated().to_string();
            assert_eq!(Id(bytes).encode(&mut [0; 36]), expected);
        }
    }

    #[test]
    fn other_streams_and_keys_get_other_ids() {
        assert_ne!(IdSpace::new(42).id(5), IdSpace::new(43).id(5));
        assert_ne!(IdSpace::new(42).id(5), IdSpace::new(42).id(6));
    }
}
