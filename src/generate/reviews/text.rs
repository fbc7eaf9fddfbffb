//! What a review says: a title and a body composed from the sentences of its kind of
//! goods and its star band (food is tasty or stale, books are gripping or dull,
//! clothes fit or not), one or two details, what happened to the order when it
//! happened (a late parcel, a return, a fault), and a last word. The product's own
//! noun comes in at most twice.

use crate::rng::{self, RowRng};
use crate::words::reviews::{
    Band, DELIVERY_LATE, DELIVERY_ON_TIME, PRODUCT, RETURNED, ReviewKind, defect_pools,
    detail_pools,
};

/// What the reviewer lived through, as the review tells it.
#[derive(Clone, Copy, Debug)]
pub struct Experience {
    pub late: bool,
    pub returned: bool,
    /// The item arrived broken or did not work.
    pub fault: bool,
}

/// Uses of the product's name a review keeps to.
const NAMED_AT_MOST: usize = 2;

pub fn write(
    rng: &mut RowRng,
    kind: ReviewKind,
    stars: u8,
    noun: &str,
    experience: Experience,
    title: &mut String,
    body: &mut String,
) {
    let band = Band::from_stars(stars);
    let pools = kind.pools();
    let noun = noun.to_lowercase();
    let mut named = 0;
    title.clear();
    body.clear();
    push(
        title,
        rng::pick(rng, pools.titles[band as usize]),
        &noun,
        &mut named,
    );
    let mut sentence = |body: &mut String, rng: &mut RowRng, pool: &[&'static str]| {
        // Past the name's quota, a sentence without it.
        let mut text = rng::pick(rng, pool);
        for _ in 0..4 {
            if named < NAMED_AT_MOST || !text.contains(PRODUCT) {
                break;
            }
            text = rng::pick(rng, pool);
        }
        if !body.is_empty() {
            body.push(' ');
        }
        push(body, text, &noun, &mut named);
    };
    sentence(body, rng, pools.openers[band as usize]);
    let details = detail_pools(kind, band, &noun);
    let count = 1 + rng::below(rng, 2);
    for _ in 0..count {
        let pool = details[rng::below(rng, details.len() as u64) as usize];
        sentence(body, rng, pool);
    }
    if experience.fault {
        let defects = defect_pools(kind, &noun);
        let pool = defects[rng::below(rng, defects.len() as u64) as usize];
        sentence(body, rng, pool);
    }
    if experience.late {
        sentence(body, rng, DELIVERY_LATE[band as usize]);
    } else if band != Band::Negative && rng::chance(rng, 250) {
        sentence(body, rng, DELIVERY_ON_TIME);
    }
    if experience.returned {
        sentence(body, rng, RETURNED[band as usize]);
    } else {
        sentence(body, rng, pools.closers[band as usize]);
    }
}

/// Appends `text` with the product's noun in place of its placeholder, counting uses.
fn push(out: &mut String, text: &str, noun: &str, named: &mut usize) {
    match text.split_once(PRODUCT) {
        Some((before, after)) => {
            out.push_str(before);
            out.push_str(noun);
            out.push_str(after);
            *named += 1;
        }
        None => out.push_str(text),
    }
}

/// Stars by what happened: a late parcel or a fault costs most; a return for size or
/// a change of mind leaves the goods' own rating.
pub fn stars(rng: &mut RowRng, experience: Experience) -> u8 {
    let weights: &[u32; 5] = match experience {
        Experience { fault: true, .. } => &[48, 24, 14, 8, 6],
        Experience { late: true, .. } => &[38, 17, 18, 14, 13],
        Experience { returned: true, .. } => &[8, 12, 30, 30, 20],
        _ => &[5, 4, 9, 22, 60],
    };
    1 + rng::pick_weighted(rng, weights) as u8
}
