//! The catalog's tests: names that repeat no word, and prices and weights that fit the noun.

use super::*;

use crate::generate::world::small_world;
use std::collections::BTreeSet;

/// Checks every product of a world: no word twice in a name, and price and
/// weight within the noun's ranges.
fn check_products(categories: u64, products: u64) -> BTreeSet<String> {
    let world = small_world(
        42,
        &[
            (Entity::Categories, categories),
            (Entity::Products, products),
        ],
    );
    let generator = Products::new(&world);
    let mut index = 0;
    let mut names = BTreeSet::new();
    generator.generate(0..products, &mut |p| {
        let core = generator.core(index);
        index += 1;
        let goods = crate::words::catalog::DEPARTMENTS[core.shape.department].goods;
        if goods == crate::words::catalog::Goods::Books {
            // A book is named by its title; its author stands where a brand would.
            assert!(!p.name.is_empty() && !p.description.is_empty());
        } else {
            // "Brand Descriptor Noun", then maybe ", Variant".
            let base = p.name.split(", ").next().expect("a name");
            let words: Vec<String> = base
                .split([' ', '-'])
                .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
                .filter(|w| !w.is_empty())
                .map(|w| w.to_ascii_lowercase())
                .collect();
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{:?} repeats {w:?}", p.name);
            }
            // Brand, descriptor and noun share no word, not even a plural of one.
            let descriptor = base
                .strip_prefix(p.brand.as_str())
                .and_then(|rest| rest.strip_suffix(core.noun.name))
                .map(str::trim)
                .unwrap_or_else(|| panic!("{}", p.name));
            assert!(!descriptor.is_empty(), "{}", p.name);
            for (a, b) in [
                (p.brand.as_str(), descriptor),
                (p.brand.as_str(), core.noun.name),
                (descriptor, core.noun.name),
            ] {
                assert!(!shares_word(a, b), "{}", p.name);
            }
        }
        let (lo, hi) = core.noun.price_cents;
        assert!(
            (lo..=hi).contains(&p.price.cents()),
            "{} {:?}",
            p.name,
            p.price
        );
        assert_eq!(p.price, core.price);
        let (lo, hi) = core.noun.weight_grams;
        assert!(
            (lo..=hi).contains(&p.weight_grams),
            "{} {}",
            p.name,
            p.weight_grams
        );
        names.insert(p.name.clone());
    });
    names
}

#[test]
fn names_repeat_no_word_and_prices_and_weights_fit_the_noun() {
    // The default tree, one with many third-level categories (every modifier, and
    // their cycling), and one of departments only.
    let names = check_products(120, 5_000);
    assert!(names.len() > 2_000, "{} distinct names", names.len());
    check_products(3_000, 5_000);
    check_products(10, 1_000);
}

#[test]
fn heavier_goods_of_a_kind_cost_more() {
    let world = small_world(8, &[(Entity::Products, 4_000)]);
    let generator = Products::new(&world);
    // Pairs of products of one noun: the heavier one should mostly be the dearer.
    let mut last: std::collections::BTreeMap<&str, (u32, i64)> = Default::default();
    let (mut agree, mut pairs) = (0, 0);
    let mut index = 0;
    generator.generate(0..4_000, &mut |p| {
        let noun = generator.core(index).noun.name;
        index += 1;
        if let Some((weight, price)) = last.insert(noun, (p.weight_grams, p.price.cents()))
            && weight != p.weight_grams
            && price != p.price.cents()
        {
            pairs += 1;
            if (weight < p.weight_grams) == (price < p.price.cents()) {
                agree += 1;
            }
        }
    });
    assert!(pairs > 500, "{pairs}");
    assert!(agree * 10 > pairs * 8, "{agree} of {pairs}");
}

#[test]
fn shelf_prices_stay_in_range_and_positive() {
    for i in 0..5_000 {
        let mut rng = rng::row_rng(5, i);
        let p = shelf_price(&mut rng, (199, 1_999)).cents();
        assert!((199..=1_999).contains(&p), "{p}");
    }
}
