//! Addresses and phone numbers that agree with their country and city, shared by
//! users, vendors and warehouses.

use crate::rng::{self, RowRng};
use crate::words::fill_pattern;
use crate::words::geo::{COUNTRIES, City, Country};
use std::fmt::Write;
use std::sync::OnceLock;

/// A country weighted by its share of customers.
pub fn country(rng: &mut RowRng) -> &'static Country {
    static WEIGHTS: OnceLock<Vec<u32>> = OnceLock::new();
    let weights = WEIGHTS.get_or_init(|| COUNTRIES.iter().map(|c| c.weight).collect());
    &COUNTRIES[rng::pick_weighted(rng, weights)]
}

/// A city, as likely as its share of the country's listed population.
pub fn city(rng: &mut RowRng, country: &'static Country) -> &'static City {
    let total: u64 = country.cities.iter().map(|c| c.population_k as u64).sum();
    let mut draw = rng::below(rng, total);
    for city in country.cities {
        match draw.checked_sub(city.population_k as u64) {
            Some(rest) => draw = rest,
            None => return city,
        }
    }
    unreachable!("a draw below the total falls in one city")
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
/// code of an address in `city`.
pub fn street_and_postal(
    rng: &mut RowRng,
    country: &'static Country,
    city: &'static City,
    premises: Premises,
    street_out: &mut String,
    postal_out: &mut String,
) {
    let street = rng::pick(rng, country.streets);
    let number = 1 + rng::skewed_rank(rng, country.max_house_number, 700);
    if country.number_first {
        let _ = write!(street_out, "{number} {street}");
    } else {
        let _ = write!(street_out, "{street} {number}");
    }
    if premises == Premises::Home && rng::chance(rng, 180) {
        let unit = 1 + rng::below(rng, 40);
        match country.code {
            "US" | "CA" => {
                let _ = write!(street_out, ", Apt {unit}");
            }
            "AU" => {
                let _ = write!(street_out, ", Unit {unit}");
            }
            "GB" => {
                let _ = write!(street_out, ", Flat {unit}");
            }
            _ => {}
        }
    }
    let postal = rng::pick(rng, city.postal_codes);
    fill(rng, postal, postal_out);
}

/// A phone number: mostly mobile, otherwise a landline with the city's area code.
/// North American mobiles share the area codes of landlines, so they use the city's.
pub fn phone(rng: &mut RowRng, country: &'static Country, city: &'static City, out: &mut String) {
    let pattern = if rng::chance(rng, 600) && !matches!(country.code, "US" | "CA") {
        country.mobile_phone
    } else {
        city.phone
    };
    fill(rng, pattern, out);
}

/// One line for a whole address, as an order's shipping label prints it.
pub fn one_line(out: &mut String, street: &str, city: &City, postal: &str, country: &Country) {
    let _ = match country.code {
        "US" | "CA" | "AU" => write!(
            out,
            "{street}, {}, {} {postal}, {}",
            city.name, city.region, country.code
        ),
        "GB" => write!(out, "{street}, {} {postal}, {}", city.name, country.code),
        _ => write!(out, "{street}, {postal} {}, {}", city.name, country.code),
    };
}
