//! Text, people and places (REALISM.md): reviews and tickets that are not a handful of
//! templates and fit the goods and the order, a catalogue without clones, each
//! country's own names with their real frequencies, a long tail of towns, emails
//! without digits, vendors that specialise.
//!
//! Text is compared as an analyst deduplicating templates would: lowercase words, with
//! the words of the product's own name (and brand) dropped, and any word with a digit
//! or starting with `#` (order numbers, amounts, dates) dropped too.

use super::check::*;
use super::tables::*;
use super::{assert_fails_on_controls, assert_realistic, default_sized};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

mod messages;
mod names;
mod rows;

pub use messages::*;
pub use names::*;

fn reviews(d: &Data) -> Outcome {
    let (unfit, example) = misfit_reviews(d)?;
    Ok(vec![
        check(
            "distinct review texts once the product's name is removed",
            distinct_reviews(d)?,
            Aim::AtLeast(0.30),
            Unit::Percent,
        ),
        // "Fit the goods": at most 1% with a phrase the goods cannot have.
        check(
            &format!("reviews saying what their goods cannot be (e.g. {example})"),
            unfit,
            Aim::AtMost(0.01),
            Unit::Percent,
        ),
    ])
}

fn tickets(d: &Data) -> Outcome {
    let (about, impossible, unfit, example) = ticket_fit(d)?;
    Ok(vec![
        check(
            "distinct ticket messages once names and numbers are removed",
            distinct_tickets(d)?,
            Aim::AtLeast(0.30),
            Unit::Percent,
        ),
        check(
            &format!("tickets impossible for the order they name, of {about} (e.g. {example})"),
            impossible as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
        check(
            "tickets saying what their order's goods cannot be",
            unfit as f64 / about.max(1) as f64,
            Aim::AtMost(0.01),
            Unit::Percent,
        ),
    ])
}

fn categories(d: &Data) -> Outcome {
    let (distinct, clashes) = category_names(d)?;
    Ok(vec![
        check(
            "distinct category names",
            distinct,
            Aim::AtLeast(0.90),
            Unit::Percent,
        ),
        check(
            "pairs of sibling categories sharing a name",
            clashes as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
    ])
}

fn products(d: &Data) -> Outcome {
    Ok(vec![check(
        "distinct product names",
        distinct_product_names(d)?,
        Aim::AtLeast(0.97),
        Unit::Percent,
    )])
}

fn names(d: &Data) -> Outcome {
    let mut findings = Vec::new();
    for (country, s) in name_spread(d)? {
        // Frequencies need a sample: countries with 300 users or more.
        if s.users < 300 {
            continue;
        }
        findings.push(check(
            &format!(
                "{country}: its 5 most common surnames / an average surname ({} users)",
                s.users
            ),
            s.surname_lead,
            Aim::AtLeast(2.0),
            Unit::Times,
        ));
        findings.push(check(
            &format!("{country}: its common first names / an average first name"),
            s.first_name_lead,
            Aim::AtLeast(2.0),
            Unit::Times,
        ));
        // Which name leads needs more: 1,000 users or more.
        if s.users >= 1000 {
            findings.push(fact(
                &format!("{country}: the most common surname"),
                s.top_is_common,
                s.top_surname.clone(),
                &format!("one of {}", common_surnames(&country).join(", ")),
            ));
        }
    }
    if findings.is_empty() {
        findings.push(fact(
            "countries with 300 users",
            false,
            "none".into(),
            "one",
        ));
    }
    Ok(findings)
}

fn places(d: &Data) -> Outcome {
    let (us_cities, largest) = towns(d)?;
    let mut findings = Vec::new();
    if d.scale >= 20.0 {
        findings.push(check(
            "US cities",
            us_cities as f64,
            Aim::AtLeast(40.0),
            Unit::Count,
        ));
    }
    for (country, (city, share, n)) in largest {
        // A share needs a sample: countries with 300 users or more.
        if n >= 300 {
            findings.push(check(
                &format!("{country}: the largest city's share of users ({city})"),
                share,
                Aim::AtMost(0.12),
                Unit::Percent,
            ));
        }
    }
    Ok(findings)
}

fn mail(d: &Data) -> Outcome {
    let (plain, reused) = emails(d)?;
    Ok(vec![
        check(
            "emails without digits",
            plain,
            Aim::AtLeast(0.25),
            Unit::Percent,
        ),
        check(
            "emails used by two users or more",
            reused as f64,
            Aim::AtMost(0.0),
            Unit::Count,
        ),
    ])
}

fn vendors(d: &Data) -> Outcome {
    // "Most": more than half.
    Ok(vec![check(
        "vendors supplying 1-3 departments",
        specialised_vendors(d)?,
        Aim::Above(0.5),
        Unit::Percent,
    )])
}

const CATALOGUE: &[&str] = &["products", "categories"];

pub const REVIEWS: Check = Check::new(
    "review texts",
    &["products", "categories", "reviews"],
    reviews,
);
pub const TICKETS: Check = Check::new(
    "ticket messages",
    &[
        "orders",
        "order_items",
        "products",
        "categories",
        "payments",
        "shipping",
        "support_tickets",
    ],
    tickets,
);
pub const CATEGORIES: Check = Check::new("category names", &["categories"], categories);
pub const PRODUCTS: Check = Check::new("product names", &["products"], products);
pub const NAMES: Check = Check::new("surnames and first names", &["users"], names);
pub const TOWNS: Check = Check::new("towns", &["users"], places);
pub const EMAILS: Check = Check::new("emails", &["users"], mail);
pub const VENDORS: Check = Check::new("vendors", CATALOGUE, vendors);

pub const ALL: &[&Check] = &[
    &REVIEWS,
    &TICKETS,
    &CATEGORIES,
    &PRODUCTS,
    &NAMES,
    &TOWNS,
    &EMAILS,
    &VENDORS,
];

#[test]
fn text_people_and_places_checks_fail_on_uniform_data() {
    assert_fails_on_controls(ALL);
}

#[test]
fn review_texts_vary_and_fit_the_goods() {
    assert_realistic(&REVIEWS);
}

#[test]
fn ticket_messages_vary_and_are_possible_for_their_order() {
    assert_realistic(&TICKETS);
}

#[test]
fn category_names_are_distinct_and_unique_under_each_parent() {
    assert_realistic(&CATEGORIES);
}

#[test]
fn product_names_are_distinct() {
    assert_realistic(&PRODUCTS);
}

#[test]
fn each_country_has_its_own_names_and_the_common_ones_lead() {
    assert_realistic(&NAMES);
}

#[test]
fn customers_live_in_a_long_tail_of_towns() {
    assert_realistic(&TOWNS);
}

#[test]
fn many_emails_have_no_digits_and_all_are_unique() {
    assert_realistic(&EMAILS);
}

#[test]
fn vendors_specialise_in_a_few_departments() {
    assert_realistic(&VENDORS);
}
