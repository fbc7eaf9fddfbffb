//! Checks on the review pools: sizes, form, the `{product}` placeholder, words each kind
//! must not use, and that composed reviews come out distinct.

use super::*;
use std::collections::HashSet;

const BAND_NAMES: [&str; 3] = ["Negative", "Mixed", "Positive"];

/// A named pool, for error messages.
struct Named {
    name: String,
    texts: &'static [&'static str],
}

fn kind_pools(kind: ReviewKind) -> Vec<Named> {
    let p = kind.pools();
    let mut out = Vec::new();
    for (part, pools) in [
        ("titles", &p.titles),
        ("openers", &p.openers),
        ("details", &p.details),
        ("closers", &p.closers),
    ] {
        for b in 0..3 {
            out.push(Named {
                name: format!("{kind:?} {part} {}", BAND_NAMES[b]),
                texts: pools[b],
            });
        }
    }
    out.push(Named {
        name: format!("{kind:?} defects"),
        texts: p.defects,
    });
    out
}

fn feature_pools(f: &FeaturePool) -> Vec<Named> {
    let mut out: Vec<Named> = (0..3)
        .map(|b| Named {
            name: format!("{:?} details {}", f.feature, BAND_NAMES[b]),
            texts: f.details[b],
        })
        .collect();
    out.push(Named {
        name: format!("{:?} defects", f.feature),
        texts: f.defects,
    });
    out
}

fn independent_pools() -> Vec<Named> {
    let mut out = vec![Named {
        name: "DELIVERY_ON_TIME".into(),
        texts: DELIVERY_ON_TIME,
    }];
    for b in 0..3 {
        out.push(Named {
            name: format!("DELIVERY_LATE {}", BAND_NAMES[b]),
            texts: DELIVERY_LATE[b],
        });
        out.push(Named {
            name: format!("RETURNED {}", BAND_NAMES[b]),
            texts: RETURNED[b],
        });
    }
    out
}

fn all_pools() -> Vec<Named> {
    let mut out: Vec<Named> = ReviewKind::ALL
        .iter()
        .flat_map(|&k| kind_pools(k))
        .collect();
    out.extend(FEATURES.iter().flat_map(feature_pools));
    out.extend(independent_pools());
    out
}

fn is_title_pool(name: &str) -> bool {
    name.contains(" titles ")
}

/// Lower-case words of a text; the placeholder counts as the word "product".
fn words(text: &str) -> Vec<String> {
    text.replace(PRODUCT, " product ")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// The entries of `list` that occur in `text`. An entry ending in '*' matches any word it
/// starts; an entry with spaces matches those words in a row; others match a whole word.
fn hits(text: &str, list: &[&str]) -> Vec<String> {
    let ws = words(text);
    let joined = format!(" {} ", ws.join(" "));
    list.iter()
        .filter(|entry| {
            if let Some(stem) = entry.strip_suffix('*') {
                ws.iter().any(|w| w.starts_with(stem))
            } else if entry.contains(' ') {
                joined.contains(&format!(" {entry} "))
            } else {
                ws.iter().any(|w| w == *entry)
            }
        })
        .map(|e| e.to_string())
        .collect()
}

fn check_words(pools: &[Named], list: &[&str], why: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for pool in pools {
        for text in pool.texts {
            let found = hits(text, list);
            if !found.is_empty() {
                bad.push(format!("{} ({why}): {found:?} in {text:?}", pool.name));
            }
        }
    }
    bad
}

fn assert_none(bad: Vec<String>) {
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

// ---------------------------------------------------------------- sizes and indexing

#[test]
fn tables_are_indexed_by_their_enums() {
    assert_eq!(POOLS.len(), ReviewKind::ALL.len());
    for (i, k) in ReviewKind::ALL.iter().enumerate() {
        assert_eq!(*k as usize, i);
    }
    for (i, b) in Band::ALL.iter().enumerate() {
        assert_eq!(*b as usize, i);
    }
    for (i, f) in FEATURES.iter().enumerate() {
        assert_eq!(f.feature as usize, i, "FEATURES[{i}] is {:?}", f.feature);
    }
}

#[test]
fn every_pool_has_its_minimum_size() {
    let mut bad = Vec::new();
    let mut need = |name: String, len: usize, min: usize| {
        if len < min {
            bad.push(format!("{name}: {len} < {min}"));
        }
    };
    for kind in ReviewKind::ALL {
        let p = kind.pools();
        for (b, band) in BAND_NAMES.iter().enumerate() {
            need(format!("{kind:?} titles {band}"), p.titles[b].len(), 25);
            need(format!("{kind:?} openers {band}"), p.openers[b].len(), 20);
            need(format!("{kind:?} details {band}"), p.details[b].len(), 40);
            need(format!("{kind:?} closers {band}"), p.closers[b].len(), 15);
        }
        need(format!("{kind:?} defects"), p.defects.len(), 10);
    }
    for f in &FEATURES {
        for (b, band) in BAND_NAMES.iter().enumerate() {
            need(
                format!("{:?} details {band}", f.feature),
                f.details[b].len(),
                8,
            );
        }
        // Plot, translation and skin bring no faults that the kind's own defects lack.
        let own_defects = !matches!(
            f.feature,
            Feature::Story | Feature::Translation | Feature::Skin
        );
        need(
            format!("{:?} defects", f.feature),
            f.defects.len(),
            if own_defects { 5 } else { 0 },
        );
    }
    need("DELIVERY_ON_TIME".into(), DELIVERY_ON_TIME.len(), 15);
    for b in 0..3 {
        need(
            format!("DELIVERY_LATE {}", BAND_NAMES[b]),
            DELIVERY_LATE[b].len(),
            25,
        );
        need(format!("RETURNED {}", BAND_NAMES[b]), RETURNED[b].len(), 10);
    }
    assert_none(bad);
}

#[test]
fn no_pool_repeats_a_text() {
    let mut bad = Vec::new();
    for pool in all_pools() {
        let mut seen = HashSet::new();
        for text in pool.texts {
            if !seen.insert(text.to_ascii_lowercase()) {
                bad.push(format!("{}: {text:?} twice", pool.name));
            }
        }
    }
    assert_none(bad);
}

// ---------------------------------------------------------------- form

fn common_form(text: &str) -> Option<&'static str> {
    if !text.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        return Some("non-ASCII or control character");
    }
    if text.trim() != text {
        return Some("leading or trailing space");
    }
    if text.contains("  ") {
        return Some("double space");
    }
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Some("does not start with a capital");
    }
    let b = text.as_bytes();
    let punct = |c: u8| b".,;:!?".contains(&c);
    for i in 1..b.len() {
        if punct(b[i]) && (punct(b[i - 1]) || b[i - 1] == b' ') {
            return Some("doubled punctuation or space before punctuation");
        }
        if b".,;:!?".contains(&b[i - 1])
            && b[i] != b' '
            && !(b[i - 1] == b'.' && b[i].is_ascii_digit())
        {
            return Some("no space after punctuation");
        }
    }
    None
}

#[test]
fn every_sentence_is_well_formed() {
    let mut bad = Vec::new();
    for pool in all_pools().into_iter().filter(|p| !is_title_pool(&p.name)) {
        for text in pool.texts {
            let problem = common_form(text).or_else(|| {
                if !text.ends_with(['.', '!', '?']) {
                    Some("does not end with . ! or ?")
                } else if text[..text.len() - 1].contains(['!', '?'])
                    || text[..text.len() - 1].contains(". ")
                {
                    Some("more than one sentence")
                } else {
                    None
                }
            });
            if let Some(p) = problem {
                bad.push(format!("{}: {p}: {text:?}", pool.name));
            }
        }
    }
    assert_none(bad);
}

#[test]
fn every_title_is_a_short_headline() {
    let mut bad = Vec::new();
    for pool in all_pools().into_iter().filter(|p| is_title_pool(&p.name)) {
        for text in pool.texts {
            let n = text.split_whitespace().count();
            let plain = text.replace(PRODUCT, "product");
            let problem =
                common_form(text).or(if !plain.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                    Some("ends in punctuation")
                } else if text.contains(['.', '!', '?', ';', ':']) {
                    Some("sentence punctuation in a title")
                } else if !(2..=6).contains(&n) {
                    Some("not 2-6 words")
                } else {
                    None
                });
            if let Some(p) = problem {
                bad.push(format!("{}: {p}: {text:?}", pool.name));
            }
        }
    }
    assert_none(bad);
}

// ---------------------------------------------------------------- placeholder

/// Words that must not follow `{product}` because they agree with its number.
const AGREEING: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "does", "do", "isn", "aren", "wasn", "weren",
    "hasn", "haven", "doesn", "don", "seems", "seem", "looks", "look", "feels", "feel", "works",
    "work", "comes", "come", "goes", "go", "makes", "make", "keeps", "keep", "gets", "get",
    "holds", "hold", "stays", "stay", "lasts", "last", "runs", "run", "needs", "need", "smells",
    "smell", "tastes", "taste", "fits", "fit",
];
/// Words before `{product}` that fix its number.
const NUMBERED: &[&str] = &[
    "a", "an", "this", "these", "that", "those", "one", "each", "every", "another",
];
/// Prepositions before "the {product}": then the placeholder is an object, and a verb after
/// it belongs to the noun before ("the finish on the {product} is").
const PREPOSITIONS: &[&str] = &[
    "of", "on", "in", "with", "from", "about", "for", "to", "by", "at", "into",
];
/// Pronouns that would refer back to `{product}` with a fixed number.
const PRONOUNS: &[&str] = &["it", "its", "itself", "they", "them", "their", "themselves"];

#[test]
fn placeholder_is_used_safely() {
    let mut bad = Vec::new();
    for pool in all_pools() {
        let title = is_title_pool(&pool.name);
        for text in pool.texts {
            let count = text.matches(PRODUCT).count();
            let rest = text.replace(PRODUCT, "");
            let mut problem = None;
            if count > 1 {
                problem = Some("placeholder more than once".to_string());
            } else if rest.contains(['{', '}']) {
                problem = Some("other braces or placeholders".into());
            } else if count == 1 {
                let at = text.find(PRODUCT).unwrap();
                let before = words(&text[..at]);
                let after = words(&text[at + PRODUCT.len()..]);
                let prev = before.last().map(String::as_str).unwrap_or("");
                let object =
                    before.len() >= 2 && PREPOSITIONS.contains(&before[before.len() - 2].as_str());
                let next = after.first().map(String::as_str).unwrap_or("");
                let next_is_verb = AGREEING.contains(&next)
                    || (next.ends_with('s')
                        && next.len() > 2
                        && !["as", "plus", "across", "less", "unless"].contains(&next));
                if title && NUMBERED.contains(&prev) {
                    problem = Some(format!("{prev:?} before the placeholder"));
                } else if !title && !["the", "my", "our"].contains(&prev) {
                    problem = Some(format!("placeholder after {prev:?}, not the/my/our"));
                } else if next_is_verb && !object {
                    problem = Some(format!("{next:?} after the placeholder must agree with it"));
                } else if let Some(p) = after.iter().find(|w| PRONOUNS.contains(&w.as_str())) {
                    problem = Some(format!("{p:?} after the placeholder refers back to it"));
                }
            }
            if let Some(p) = problem {
                bad.push(format!("{}: {p}: {text:?}", pool.name));
            }
        }
    }
    assert_none(bad);
}

#[test]
fn about_a_third_of_sentences_name_the_product() {
    let mut report = Vec::new();
    let mut bad = Vec::new();
    for kind in ReviewKind::ALL {
        let p = kind.pools();
        let sentences: Vec<&str> = [&p.openers, &p.details, &p.closers]
            .iter()
            .flat_map(|pools| pools.iter().flat_map(|pool| pool.iter().copied()))
            .collect();
        let with = sentences.iter().filter(|s| s.contains(PRODUCT)).count();
        let share = with as f64 / sentences.len() as f64;
        let titles = p
            .titles
            .iter()
            .flat_map(|t| t.iter())
            .filter(|t| t.contains(PRODUCT))
            .count();
        let line = format!(
            "{kind:?}: {with}/{} sentences ({share:.2}), {titles} titles",
            sentences.len()
        );
        if !(0.25..=0.40).contains(&share) || titles < 6 {
            bad.push(line.clone());
        }
        report.push(line);
    }
    println!("{}", report.join("\n"));
    assert_none(bad);
}

// ---------------------------------------------------------------- words

/// Order facts come from the order, not from the kind pools.
const ORDER_FACTS: &[&str] = &[
    "late",
    "later",
    "delay*",
    "shipping",
    "shipped",
    "delivery",
    "delivered",
    "courier",
    "parcel*",
    "on time",
    "return*",
    "refund*",
    "sent it back",
    "send it back",
    "star",
    "stars",
];
/// Words of every kind that another kind cannot have.
const FOREIGN: &[(ReviewKind, &[&str])] = &[
    (
        ReviewKind::Devices,
        &[
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "food*",
            "plot*",
            "chapter*",
            "character*",
            "author*",
            "novel*",
            "fabric*",
            "stitch*",
            "wash*",
            "skin",
            "scent*",
            "fragranc*",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            "fit",
            "fits",
            "fitting",
            "size*",
            // Only some devices have these; they live in the feature pools.
            "batter*",
            "charg*",
            "sound*",
            "screen*",
            "display*",
            "audio",
            "speaker*",
            "volume",
            "bass",
            "picture*",
        ],
    ),
    (
        ReviewKind::Equipment,
        &[
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "food*",
            "plot*",
            "chapter*",
            "novel*",
            "author*",
            "batter*",
            "charg*",
            "screen*",
            "display*",
            "fabric*",
            "stitch*",
            "wash*",
            "skin",
            "scent*",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            // Board games have no size or grip, and a yoga mat is not played with.
            "fit",
            "fits",
            "fitting",
            "size*",
            "assembl*",
            "grip*",
            "soft*",
            "fun",
            "play*",
        ],
    ),
    (
        ReviewKind::Housewares,
        &[
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "food*",
            "cook*",
            "plot*",
            "chapter*",
            "novel*",
            "author*",
            "batter*",
            "charg*",
            "screen*",
            "setup",
            "assembl*",
            "skin",
            "scent*",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            "fit",
            "fits",
            "fitting",
            // A chef's knife next to a duvet and a table lamp.
            "stitch*",
            "fabric*",
            "soft*",
            "heat*",
            "warm*",
            "cozy",
            "comfort*",
            "kitchen*",
            "bed",
            "beds",
            "bedding",
            "sheet*",
            "towel*",
            "pan",
            "pans",
            "knife*",
            "wash*",
            "dishwasher*",
            "sturdy",
        ],
    ),
    (
        ReviewKind::Apparel,
        &[
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "food*",
            "plot*",
            "chapter*",
            "novel*",
            "author*",
            "batter*",
            "charg*",
            "screen*",
            "setup",
            "assembl*",
            "skin",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            // Shoes have no sleeves, shirts no soles, and leather goes in no washing machine.
            "sleeve*",
            "collar*",
            "waist*",
            "heel*",
            "sole",
            "soles",
            "lace",
            "laces",
            "toe*",
            "button*",
            "zip*",
            "pocket*",
            "hem",
            "hems",
            "knee*",
            "shoulder*",
            "leg",
            "legs",
            "wash*",
            "shrink*",
            "shrank",
            "pill*",
            "iron*",
            "fabric*",
            "dryer",
            "laundry",
            "cotton",
            "wool",
            "leather",
            "denim",
        ],
    ),
    (
        ReviewKind::Books,
        &[
            "batter*",
            "charg*",
            "fit",
            "fits",
            "fitting",
            "size*",
            "stitch*",
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "food*",
            "fabric*",
            "wash*",
            "setup",
            "assembl*",
            "skin",
            "scent*",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            "sturdy",
            // Cookbooks have no plot, novels no recipes; translations are a feature.
            "plot*",
            "character*",
            "villain*",
            "hero",
            "heroes",
            "heroine*",
            "twist*",
            "ending*",
            "story",
            "stories",
            "fiction",
            "novel*",
            "translat*",
            "recipe*",
            "illustrat*",
            "photo*",
            "picture*",
            "drawing*",
            "art",
            "artwork",
            "kid*",
            "child*",
        ],
    ),
    (
        ReviewKind::Food,
        &[
            "batter*",
            "charg*",
            "fit",
            "fits",
            "fitting",
            "size*",
            "stitch*",
            "fabric*",
            "sturdy",
            "durab*",
            "well made",
            "plot*",
            "chapter*",
            "author*",
            "skin",
            "scent*",
            "wash*",
            "setup",
            "assembl*",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            // Lemonade is not eaten, oats are not drunk, garlic powder is not sweet or crunchy.
            "eat*",
            "ate",
            "drink*",
            "sip*",
            "bite*",
            "chew*",
            "snack*",
            "meal*",
            "recipe*",
            "cook*",
            "bake*",
            "baking",
            "brew*",
            "cup*",
            "bowl*",
            "crunch*",
            "crisp*",
            "cream*",
            "sweet*",
            "salt*",
            "spic*",
            "juic*",
            "stale",
            "melt*",
            "dissolv*",
            "bag*",
            "bottle*",
            "jar*",
            "box*",
        ],
    ),
    (
        ReviewKind::PersonalCare,
        &[
            "batter*",
            "charg*",
            "fit",
            "fits",
            "fitting",
            "size*",
            "stitch*",
            "fabric*",
            "sturdy",
            "durab*",
            "plot*",
            "chapter*",
            "author*",
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "drink*",
            "food*",
            "dog*",
            "cat",
            "cats",
            "pet",
            "pets",
            "setup",
            "assembl*",
            // Mascara, shampoo and cologne alike; skin and scent are features.
            "skin",
            "scent*",
            "smell*",
            "fragranc*",
            "perfume*",
            "odor*",
            "aroma*",
            "hair*",
            "face*",
            "facial",
            "lip*",
            "lash*",
            "absorb*",
            "lather*",
            "wash*",
            "rinse*",
            "moistur*",
        ],
    ),
    (
        ReviewKind::Pets,
        &[
            // Dog food, cat trees and leashes alike: no species, no eating, no playing.
            "dog*",
            "cat",
            "cats",
            "kitten*",
            "pupp*",
            "pup",
            "pups",
            "tast*",
            "flavor*",
            "delicious",
            "eat*",
            "ate",
            "chew*",
            "food*",
            "kibble",
            "treat*",
            "toy*",
            "bed",
            "beds",
            "bedding",
            "crate*",
            "leash*",
            "collar*",
            "harness*",
            "sleep*",
            "nap*",
            "play*",
            "bowl*",
            "appetite",
            "stomach*",
            "digest*",
            "squeak*",
            "fetch*",
            "scratch*",
            "fur",
            "furry",
            "fluff*",
            "batter*",
            "charg*",
            "fit",
            "fits",
            "fitting",
            "stitch*",
            "fabric*",
            "wash*",
            "sturdy",
            "durab*",
            "well made",
            "scent*",
            "smell*",
            "plot*",
            "chapter*",
            "screen*",
            "setup",
            "assembl*",
            "skin",
        ],
    ),
];

#[test]
fn kinds_name_no_property_they_cannot_have() {
    let mut bad = Vec::new();
    for (kind, list) in FOREIGN {
        bad.extend(check_words(&kind_pools(*kind), list, "foreign to the kind"));
    }
    assert_eq!(FOREIGN.len(), ReviewKind::ALL.len());
    assert_none(bad);
}

#[test]
fn kind_pools_leave_order_facts_to_the_order() {
    let mut bad = Vec::new();
    for kind in ReviewKind::ALL {
        let pools: Vec<Named> = kind_pools(kind)
            .into_iter()
            .filter(|p| !p.name.contains(" Mixed"))
            .collect();
        bad.extend(check_words(&pools, ORDER_FACTS, "order fact or star count"));
        let mixed: Vec<Named> = kind_pools(kind)
            .into_iter()
            .filter(|p| p.name.contains(" Mixed"))
            .collect();
        bad.extend(check_words(
            &mixed,
            &ORDER_FACTS[..ORDER_FACTS.len() - 2],
            "order fact",
        ));
    }
    for f in &FEATURES {
        bad.extend(check_words(
            &feature_pools(f),
            ORDER_FACTS,
            "order fact or star count",
        ));
    }
    assert_none(bad);
}

#[test]
fn feature_pools_stay_on_their_feature() {
    let mut bad = Vec::new();
    let everywhere: &[&str] = &[
        "tast*",
        "flavor*",
        "delicious",
        "dog*",
        "cat",
        "cats",
        "pet",
        "pets",
    ];
    for f in &FEATURES {
        let pools = feature_pools(f);
        bad.extend(check_words(&pools, everywhere, "foreign to every feature"));
        if !matches!(f.feature, Feature::Battery) {
            bad.extend(check_words(
                &pools,
                &["batter*", "charg*"],
                "battery outside Battery",
            ));
        }
        if !matches!(f.feature, Feature::Story | Feature::Translation) {
            bad.extend(check_words(
                &pools,
                &["plot*", "character*", "novel*", "author*", "chapter*"],
                "books",
            ));
        }
        if !matches!(f.feature, Feature::Scent) {
            bad.extend(check_words(
                &pools,
                &["scent*", "fragranc*"],
                "scent outside Scent",
            ));
        }
    }
    assert_none(bad);
}

#[test]
fn order_pools_fit_any_goods() {
    let goods_words: &[&str] = &[
        "batter*", "charg*", "screen*", "sound*", "tast*", "flavor*", "fresh*", "fit", "fits",
        "size*", "color*", "stitch*", "fabric*", "plot*", "chapter*", "page*", "scent*", "skin",
        "dog*", "cat", "pet", "pets", "broken", "working", "wear*", "read*", "eat*", "drink*",
        "model", "version",
    ];
    let (returned, delivery): (Vec<Named>, Vec<Named>) = independent_pools()
        .into_iter()
        .partition(|p| p.name.starts_with("RETURNED"));
    let mut bad = check_words(&delivery, goods_words, "names the goods");
    // A returned product may have been a different model or version of the same goods.
    bad.extend(check_words(
        &returned,
        &goods_words[..goods_words.len() - 2],
        "names the goods",
    ));
    for pool in independent_pools() {
        for text in pool.texts {
            if text.contains(PRODUCT) {
                bad.push(format!(
                    "{}: placeholder in an order pool: {text:?}",
                    pool.name
                ));
            }
        }
    }
    assert_none(bad);
}

#[test]
fn late_parcels_are_late_and_on_time_ones_are_not() {
    let lateness: &[&str] = &[
        "late",
        "later",
        "delay*",
        "day",
        "days",
        "week*",
        "wait*",
        "promised",
        "slow*",
        "longer",
        "estimate*",
        "behind",
        "transit",
        "stuck",
        "missed",
        "time",
        "after",
        "pushed",
        "slipped",
        "twice",
    ];
    let mut bad = Vec::new();
    for b in 0..3 {
        for text in DELIVERY_LATE[b] {
            if hits(text, lateness).is_empty() {
                bad.push(format!(
                    "DELIVERY_LATE {}: does not say it was late: {text:?}",
                    BAND_NAMES[b]
                ));
            }
        }
    }
    let pools = [Named {
        name: "DELIVERY_ON_TIME".into(),
        texts: DELIVERY_ON_TIME,
    }];
    bad.extend(check_words(
        &pools,
        &["late", "later", "delay*", "slow*", "wait*", "eventually"],
        "lateness",
    ));
    assert_none(bad);
}

#[test]
fn no_brands_profanity_or_british_spelling() {
    let brands: &[&str] = &[
        "bluetooth",
        "wi fi",
        "wifi",
        "kindle",
        "iphone",
        "ipad",
        "android",
        "amazon",
        "ebay",
        "fedex",
        "ups",
        "usps",
        "dhl",
        "lego",
        "velcro",
        "teflon",
        "pyrex",
        "thermos",
        "tupperware",
        "ziploc",
        "styrofoam",
        "frisbee",
        "jacuzzi",
        "crockpot",
        "crock pot",
        "lycra",
        "gore tex",
        "kleenex",
        "netflix",
        "youtube",
        "instagram",
        "google",
        "apple",
        "samsung",
        "sony",
        "nike",
        "adidas",
        "walmart",
        "costco",
        "starbucks",
        "nespresso",
        "keurig",
        "post it",
        "sharpie",
        "band aid",
        "onesie",
        "popsicle",
        "jell o",
        "bubble wrap",
        "q tip",
        "vaseline",
        "chapstick",
        "play doh",
        "nerf",
        "barbie",
        "monopoly",
        "scrabble",
        "jenga",
        "rubik*",
    ];
    let profanity: &[&str] = &[
        "damn*", "dammit", "hell", "crap*", "shit*", "fuck*", "ass", "asses", "piss*", "suck*",
        "bastard*", "bitch*", "bloody", "wtf",
    ];
    let british: &[&str] = &[
        "colour*",
        "flavour*",
        "favour*",
        "grey",
        "odour*",
        "realise*",
        "realisa*",
        "organis*",
        "centre*",
        "fibre*",
        "mould*",
        "aluminium",
        "cosy",
        "moisturis*",
        "apologis*",
        "recognis*",
        "travell*",
        "jewellery",
        "catalogue",
        "licence",
        "defence",
        "tyre*",
        "programme",
        "theatre*",
        "metre*",
        "litre*",
        "labelled",
        "cancelled",
        "whilst",
        "amongst",
        "learnt",
        "practise*",
        "analys*",
        "expiry",
        "charity shop",
        "bin",
    ];
    let pools = all_pools();
    let mut bad = check_words(&pools, brands, "brand");
    bad.extend(check_words(&pools, profanity, "profanity"));
    bad.extend(check_words(&pools, british, "British spelling"));
    assert_none(bad);
}

// ---------------------------------------------------------------- features and mapping

#[test]
fn features_follow_the_product_noun() {
    use Feature::*;
    use ReviewKind as K;
    let cases: &[(ReviewKind, &str, &[Feature])] = &[
        (K::Devices, "wireless earbuds", &[Battery, Sound]),
        (K::Devices, "earbuds", &[Battery, Sound]),
        (K::Devices, "4k smart tv", &[Sound, Screen]),
        (K::Devices, "tv wall mount", &[]),
        (K::Devices, "laptop", &[Battery, Screen]),
        (K::Devices, "laptop stand", &[]),
        (K::Devices, "screen protector", &[]),
        (K::Devices, "phone case", &[]),
        (K::Devices, "soundbar", &[Sound]),
        (K::Devices, "computer monitor", &[Screen]),
        (K::Devices, "wireless mouse", &[Battery]),
        (K::Devices, "desk mat", &[]),
        (K::Equipment, "backpacking tent", &[Assembly]),
        (K::Equipment, "adjustable dumbbells", &[Assembly, Grip]),
        (K::Equipment, "headlamp", &[Battery]),
        (K::Equipment, "spinning rod", &[Grip]),
        (K::Equipment, "strategy board game", &[]),
        (K::Equipment, "plush teddy bear", &[]),
        (K::Apparel, "hoodie", &[Fabric]),
        (K::Apparel, "straight-leg jeans", &[Fabric]),
        (K::Apparel, "chelsea boots", &[]),
        (K::Apparel, "running shoes", &[]),
        (K::Books, "mystery novel", &[Story]),
        (K::Books, "picture book", &[Story]),
        (K::Books, "manga volume", &[Story]),
        (K::Books, "baking cookbook", &[]),
        (K::Books, "memoir", &[]),
        (K::PersonalCare, "body wash", &[Skin, Scent]),
        (K::PersonalCare, "eau de parfum", &[Scent]),
        (K::PersonalCare, "mascara", &[]),
        (K::PersonalCare, "styling cream", &[]),
        (K::PersonalCare, "safety razor", &[]),
        (K::Housewares, "scented candle", &[Scent]),
        (K::Housewares, "frying pan", &[]),
        (K::Food, "rolled oats", &[]),
        (K::Pets, "dry dog food", &[]),
        (K::Pets, "cat tree", &[]),
    ];
    let mut bad = Vec::new();
    for (kind, noun, want) in cases {
        let got: Vec<Feature> = features_for(*kind, noun).map(|f| f.feature).collect();
        if got != *want {
            bad.push(format!("{kind:?} {noun:?}: got {got:?}, want {want:?}"));
        }
        let upper = noun.to_ascii_uppercase();
        let got_upper: Vec<Feature> = features_for(*kind, &upper).map(|f| f.feature).collect();
        if got_upper != got {
            bad.push(format!("{kind:?} {upper:?}: case changes the features"));
        }
    }
    assert_none(bad);
}

#[test]
fn translation_is_only_on_request() {
    let t = &FEATURES[Feature::Translation as usize];
    assert_eq!(t.applies, Applies::OnRequest);
    for noun in [
        "literary novel",
        "translated novel",
        "fairy tale collection",
    ] {
        assert!(!t.applies_to(ReviewKind::Books, noun));
    }
}

#[test]
fn detail_and_defect_pools_add_features_after_the_kind() {
    let pools = detail_pools(ReviewKind::Devices, Band::Positive, "wireless earbuds");
    assert_eq!(pools.len(), 3);
    assert!(std::ptr::eq(pools[0], POOLS[0].details[2]));
    assert!(std::ptr::eq(
        pools[1],
        FEATURES[Feature::Battery as usize].details[2]
    ));
    assert!(std::ptr::eq(
        pools[2],
        FEATURES[Feature::Sound as usize].details[2]
    ));
    assert_eq!(
        detail_pools(ReviewKind::Food, Band::Negative, "garlic powder").len(),
        1
    );
    assert_eq!(defect_pools(ReviewKind::Books, "mystery novel").len(), 1);
    assert_eq!(defect_pools(ReviewKind::Devices, "laptop").len(), 3);
}

#[test]
fn stars_map_to_bands() {
    assert_eq!(Band::from_stars(1), Band::Negative);
    assert_eq!(Band::from_stars(2), Band::Negative);
    assert_eq!(Band::from_stars(3), Band::Mixed);
    assert_eq!(Band::from_stars(4), Band::Positive);
    assert_eq!(Band::from_stars(5), Band::Positive);
}

// ---------------------------------------------------------------- composition

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool[self.below(pool.len())]
    }
}

#[test]
fn composed_reviews_are_mostly_distinct_without_the_product_name() {
    const N: usize = 10_000;
    let mut report = Vec::new();
    let mut failed = false;
    for kind in ReviewKind::ALL {
        let p = kind.pools();
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ (kind as u64 + 1));
        let mut seen = HashSet::new();
        for _ in 0..N {
            let b = rng.below(3);
            let first = rng.below(p.details[b].len());
            let mut body = vec![rng.pick(p.openers[b]), p.details[b][first]];
            if rng.below(2) == 1 {
                let second = (first + 1 + rng.below(p.details[b].len() - 1)) % p.details[b].len();
                body.push(p.details[b][second]);
            }
            body.push(rng.pick(p.closers[b]));
            let text = format!("{}\n{}", rng.pick(p.titles[b]), body.join(" "));
            seen.insert(text.replace(PRODUCT, ""));
        }
        let share = seen.len() as f64 / N as f64;
        report.push(format!("{kind:?}: {:.1}% distinct", share * 100.0));
        failed |= share < 0.9;
    }
    println!("{}", report.join("\n"));
    assert!(!failed, "{}", report.join("\n"));
}
