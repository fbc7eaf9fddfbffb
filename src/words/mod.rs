//! Word tables that make generated values believable: places that agree with their
//! country, products that fit their category, and text that fits its context.
//!
//! Everything here is `'static` data so that generators pick by index without
//! allocating; the tables are part of the reproducibility promise (changing one
//! changes output for a seed).

pub mod books;
pub mod brands;
pub mod catalog;
pub mod geo;
pub mod names;
pub mod phones;
pub mod reviews;
pub mod text;
pub mod towns;

/// Letters that British inward codes and Canadian postal codes may both use: Royal
/// Mail never uses C, I, K, M, O or V there, Canada Post never D, F, I, O, Q or U.
const POSTAL_LETTERS: &[u8] = b"ABEGHJLNPRSTWXYZ";

/// Fills a pattern: `#` any digit, `%` a digit 2-9, `@` an uppercase letter, `&` a
/// letter valid in British and Canadian postal codes, anything else copied. `pick(n)`
/// must return a value in `0..n`.
pub fn fill_pattern(pattern: &str, out: &mut String, mut pick: impl FnMut(u32) -> u32) {
    for c in pattern.chars() {
        match c {
            '#' => out.push(char::from(b'0' + pick(10) as u8)),
            '%' => out.push(char::from(b'2' + pick(8) as u8)),
            '@' => out.push(char::from(b'A' + pick(26) as u8)),
            '&' => out.push(char::from(
                POSTAL_LETTERS[pick(POSTAL_LETTERS.len() as u32) as usize],
            )),
            other => out.push(other),
        }
    }
}

/// A count with its noun, for people: "1 row", "2 rows".
pub fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// An amount as text names it: "USD 10" for whole units, "USD 10.50" otherwise.
pub fn amount(money: crate::model::Money, currency: crate::model::Currency) -> String {
    if money.cents() % 100 == 0 {
        format!("{currency} {}", money.cents() / 100)
    } else {
        format!("{currency} {money}")
    }
}
