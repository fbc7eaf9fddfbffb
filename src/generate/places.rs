//! People and places that agree with each other: a town as likely as its share of the
//! country's people (the biggest capped, as the rest of a country lives in towns not
//! listed), its real postal codes, its area code, and names drawn with the country's
//! own frequencies. Shared by users, vendors and warehouses.

use crate::rng::{self, RowRng};
use crate::words::fill_pattern;
use crate::words::geo::{COUNTRIES, Country, Town};
use std::sync::OnceLock;

/// No town takes more than this share of a country's people, per mille: the listed
/// towns hold a third to a half of each country, London and Sydney much more of the
/// list than of the country.
const BIGGEST_TOWN_PER_MILLE: u64 = 90;

/// A country weighted by its share of customers.
pub fn country(rng: &mut RowRng) -> &'static Country {
    static WEIGHTS: OnceLock<Vec<u32>> = OnceLock::new();
    let weights = WEIGHTS.get_or_init(|| COUNTRIES.iter().map(|c| c.weight).collect());
    &COUNTRIES[rng::pick_weighted(rng, weights)]
}

/// Cumulative weights of each country's towns and names, built once.
struct Tables {
    towns: Vec<Vec<u64>>,
    first_names: Vec<Vec<u64>>,
    last_names: Vec<Vec<u64>>,
}

fn cumulative(weights: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut total = 0;
    weights
        .map(|w| {
            total += w.max(1);
            total
        })
        .collect()
}

/// Surname weights count people per 100,000 adults.
const PER_HUNDRED_THOUSAND: u64 = 100_000;

/// The part of the people whose surname is not listed that the listed names share.
const UNLISTED_LENT_PER_MILLE: u64 = 150;

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        towns: COUNTRIES
            .iter()
            .map(|c| {
                // Capping lowers the total the cap is a share of: settle it in a few
                // rounds.
                let mut cap = u64::MAX;
                for _ in 0..8 {
                    let people: u64 = c.towns.iter().map(|t| (t.population as u64).min(cap)).sum();
                    cap = people * BIGGEST_TOWN_PER_MILLE / 1000;
                }
                cumulative(c.towns.iter().map(|t| (t.population as u64).min(cap)))
            })
            .collect(),
        // First-name counts are estimates outside the US, flatter at the head than
        // real names are: a power above one restores a leading few.
        first_names: COUNTRIES
            .iter()
            .map(|c| {
                let sharpen = |w: u32| rng::exp(1.3 * rng::ln(w.max(1) as f64)).round() as u64;
                cumulative(c.first_names.iter().map(|&(_, w)| sharpen(w)))
            })
            .collect(),
        // A list of a few hundred surnames stands for everyone, so its leaders would
        // take three or four times their real share; lending every listed name a
        // part of the unlisted people's weight keeps Smith nearer the 1% he is.
        last_names: COUNTRIES
            .iter()
            .map(|c| {
                let listed: u64 = c.last_names.iter().map(|&(_, w)| w as u64).sum();
                let lent = UNLISTED_LENT_PER_MILLE * PER_HUNDRED_THOUSAND.saturating_sub(listed)
                    / 1000
                    / c.last_names.len().max(1) as u64;
                cumulative(c.last_names.iter().map(|&(_, w)| w as u64 + lent))
            })
            .collect(),
    })
}

fn position(country: &Country) -> usize {
    COUNTRIES
        .iter()
        .position(|c| c.code == country.code)
        .expect("a country of COUNTRIES")
}

fn draw(rng: &mut RowRng, cumulative: &[u64]) -> usize {
    let total = *cumulative.last().expect("a non-empty table");
    let at = rng::below(rng, total);
    cumulative.partition_point(|&c| c <= at)
}

/// A town of `country`, as likely as its share of the country's people.
pub fn town(rng: &mut RowRng, country: &'static Country) -> &'static Town {
    &country.towns[draw(rng, &tables().towns[position(country)])]
}

/// A first name of `country`, as common as it is there.
pub fn first_name(rng: &mut RowRng, country: &'static Country) -> &'static str {
    country.first_names[draw(rng, &tables().first_names[position(country)])].0
}

/// A surname of `country`, as common as it is there.
pub fn last_name(rng: &mut RowRng, country: &'static Country) -> &'static str {
    country.last_names[draw(rng, &tables().last_names[position(country)])].0
}

pub fn fill(rng: &mut RowRng, pattern: &str, out: &mut String) {
    fill_pattern(pattern, out, |n| rng::below(rng, n as u64) as u32);
}

/// Whether an address may name a flat: a home may, a warehouse does not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Premises {
    Home,
    Site,
}

/// Street line ("12 Oak Street", "Hauptstraße 12", "12 Oak Street, Apt 4") and postal
/// code of an address in `town`.
pub fn street_and_postal(
    rng: &mut RowRng,
    country: &'static Country,
    town: &'static Town,
    premises: Premises,
    street_out: &mut String,
    postal_out: &mut String,
) {
    let street = rng::pick(rng, country.streets);
    let number = 1 + rng::skewed_rank(rng, country.max_house_number, 700);
    let mut digits = itoa::Buffer::new();
    let number = digits.format(number);
    // Pieces pushed one by one rather than formatted: every customer and order has an
    // address, and `write!` costs several times as much.
    if country.number_first {
        street_out.push_str(number);
        street_out.push(' ');
        street_out.push_str(street);
    } else {
        street_out.push_str(street);
        street_out.push(' ');
        street_out.push_str(number);
    }
    if premises == Premises::Home && rng::chance(rng, 180) {
        let unit = 1 + rng::below(rng, 40);
        let name = match country.code {
            "US" | "CA" => Some(", Apt "),
            "AU" => Some(", Unit "),
            "GB" => Some(", Flat "),
            _ => None,
        };
        if let Some(name) = name {
            street_out.push_str(name);
            street_out.push_str(itoa::Buffer::new().format(unit));
        }
    }
    postal_code(rng, country, town, postal_out);
}

/// One of the town's real postal codes; where the list holds only the first half (a
/// British district, a Canadian sortation area), the second half the post office's
/// own pattern allows.
fn postal_code(rng: &mut RowRng, country: &Country, town: &Town, out: &mut String) {
    out.push_str(rng::pick(rng, town.postal_codes));
    match country.code {
        "GB" => fill(rng, " #&&", out),
        "CA" => fill(rng, " #&#", out),
        _ => {}
    }
}

/// A phone number: mostly mobile, otherwise a landline with the town's area code.
/// North American mobiles share the area codes of landlines, so they use the town's.
pub fn phone(rng: &mut RowRng, country: &'static Country, town: &'static Town, out: &mut String) {
    let pattern = if rng::chance(rng, 600) && !country.mobiles.is_empty() {
        country.mobiles[rng::pick_weighted_by(rng, country.mobiles, |&(_, w)| w)].0
    } else {
        town.phone
    };
    fill(rng, pattern, out);
}

/// One line for a whole address, as an order's shipping label prints it.
pub fn one_line(out: &mut String, street: &str, town: &Town, postal: &str, country: &Country) {
    let pieces: [&str; 9] = match country.code {
        "US" | "CA" | "AU" => [
            street,
            ", ",
            town.name,
            ", ",
            town.region,
            " ",
            postal,
            ", ",
            country.code,
        ],
        "GB" => [
            street,
            ", ",
            town.name,
            " ",
            postal,
            ", ",
            country.code,
            "",
            "",
        ],
        _ => [
            street,
            ", ",
            postal,
            " ",
            town.name,
            ", ",
            country.code,
            "",
            "",
        ],
    };
    for piece in pieces {
        out.push_str(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_town_takes_more_than_its_cap_and_names_lead_as_they_do() {
        for (c, country) in COUNTRIES.iter().enumerate() {
            let towns = &tables().towns[c];
            let total = *towns.last().unwrap();
            let mut previous = 0;
            for &at in towns {
                assert!((at - previous) * 1000 <= total * 100, "{}", country.code);
                previous = at;
            }
        }
        let mut smiths = 0;
        for i in 0..10_000 {
            if last_name(&mut rng::row_rng(6, i), &COUNTRIES[0]) == "Smith" {
                smiths += 1;
            }
        }
        // Smith is about 1% of Americans; a list of 250 names puts him near 2%.
        assert!((150..300).contains(&smiths), "{smiths}");
    }
}
