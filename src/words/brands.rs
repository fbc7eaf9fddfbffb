//! Names for companies and brands that do not exist: a vetted first part and a vetted
//! ending, numbered so that the n-th name is always the same and no two numbers give
//! the same name. The shop's brands grow with its vendors, so a big catalog is not a
//! handful of brands.

/// First parts of coined names.
pub static STEMS: &[&str] = &[
    "Nex", "Volt", "Aure", "Lum", "Cor", "Kin", "Sol", "Quil", "Van", "Orb", "Hal", "Bright",
    "North", "Blue", "Iron", "Silver", "Pine", "Oak", "Cedar", "Maple", "Amber", "Arden", "Bel",
    "Brook", "Cal", "Clear", "Crest", "Dal", "Dell", "Elm", "Fair", "Fern", "Glen", "Gold",
    "Green", "Harper", "Hazel", "Heath", "Holt", "Juniper", "Kestrel", "Lark", "Linden", "Marl",
    "Meadow", "Mer", "Moss", "Nova", "Olive", "Otter", "Pax", "Quartz", "Raven", "Reed", "Ridge",
    "Rowan", "Sage", "Shore", "Sky", "Slate", "Sparrow", "Stone", "Terra", "Thorn", "Tide", "Vale",
    "Verd", "Willow", "Wren", "Zen",
];

/// Endings of coined names.
pub static ENDINGS: &[&str] = &[
    "ix", "ora", "ara", "ell", "ium", "ova", "ent", "wick", "field", "stone", "crest", "line",
    "wood", "bridge", "ford", "ton", "ley", "mont", "haven", "vale", "brook", "well", "gate",
    "stead", "more", "ridge", "wyn", "bury", "dale", "mark", "leaf", "light", "works", "craft",
    "point", "crown", "port", "row", "side", "water",
];

/// What vendors call themselves after their name.
pub static COMPANY_KINDS: &[&str] = &[
    "Trading",
    "Supply",
    "Goods",
    "Distributors",
    "Wholesale",
    "Imports",
    "Brands",
    "Partners",
    "Manufacturing",
    "Products",
    "Outfitters",
    "Sourcing",
    "Merchants",
    "Industries",
];

/// How many distinct coined words there are.
pub fn coined_count() -> u64 {
    (STEMS.len() * ENDINGS.len()) as u64
}

/// The n-th coined word ("Nexora", "Pinecrest"); distinct for distinct `n` below
/// `coined_count()`, and again with a numeral after it beyond.
pub fn coined(n: u64, out: &mut String) {
    let words = coined_count();
    let (n, round) = (n % words, n / words);
    out.push_str(STEMS[(n / ENDINGS.len() as u64) as usize]);
    out.push_str(ENDINGS[(n % ENDINGS.len() as u64) as usize]);
    if round > 0 {
        out.push(' ');
        out.push_str(itoa::Buffer::new().format(round + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coined_words_are_distinct_and_clean() {
        let mut seen = std::collections::BTreeSet::new();
        for n in 0..coined_count() {
            let mut word = String::new();
            coined(n, &mut word);
            assert!(seen.insert(word.clone()), "{word} twice");
            let lower = word.to_lowercase();
            for bad in [
                "shit", "fuck", "cunt", "dick", "cock", "porn", "rape", "nazi", "slut", "whore",
                "anus", "nigg", "fag", "tits", "sex",
            ] {
                assert!(!lower.contains(bad), "{word}");
            }
        }
        for list in [STEMS, ENDINGS, COMPANY_KINDS] {
            let unique: std::collections::BTreeSet<_> = list.iter().collect();
            assert_eq!(unique.len(), list.len());
        }
    }
}
