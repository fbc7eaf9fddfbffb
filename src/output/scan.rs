//! Finding the bytes a format must escape. Most text holds none, so the test that
//! says so is what text output costs: a branch per byte (or a table lookup) runs at
//! about a byte a cycle, where comparing whole blocks lets the compiler use vector
//! instructions on the long fields (reviews, descriptions, messages) that hold most
//! of the text bytes.

/// Bytes per block: two vector registers' worth on most machines.
const BLOCK: usize = 32;

/// Whether `special` holds for any byte of `bytes`. `special` must be comparisons
/// joined by `|` and `&`: with `||`, `matches!` or a table lookup the compiler keeps a
/// branch per byte and the blocks gain nothing (measured: 4 to 5 times slower on a
/// review's body).
#[inline]
pub fn any_byte(bytes: &[u8], special: impl Fn(u8) -> bool + Copy) -> bool {
    let (blocks, rest) = bytes.as_chunks::<BLOCK>();
    blocks
        .iter()
        .any(|block| block.iter().fold(0u8, |any, &b| any | special(b) as u8) != 0)
        || rest.iter().any(|&b| special(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same answer as asking byte by byte, at every length and position.
        #[test]
        fn blocks_find_what_a_byte_by_byte_search_finds(
            text in "[a-z ]{0,100}[\",\n\r<&]?[a-z ]{0,100}"
        ) {
            let special = |b: u8| (b == b'"') | (b == b',') | (b == b'\n') | (b == b'\r') | (b == b'<') | (b == b'&');
            let bytes = text.as_bytes();
            prop_assert_eq!(any_byte(bytes, special), bytes.iter().any(|&b| special(b)));
        }
    }
}
