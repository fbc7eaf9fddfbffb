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

/// A text with the given words dropped, as one normalised string.
pub fn without(text: &str, drop: &HashSet<String>) -> String {
    words(text)
        .into_iter()
        .filter(|w| {
            !drop.contains(w) && !w.starts_with('#') && !w.chars().any(|c| c.is_ascii_digit())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// product_id -> the words of its name and brand.
fn name_words(d: &Data) -> Res<HashMap<&str, HashSet<String>>> {
    let products = d.t("products")?;
    let (id, name, brand) = (
        products.col("product_id")?,
        products.col("name")?,
        products.col("brand")?,
    );
    Ok((0..products.len())
        .map(|i| {
            let mut w: HashSet<String> = words(name.get(i)).into_iter().collect();
            w.extend(words(brand.get(i)));
            (id.get(i), w)
        })
        .collect())
}

/// Share of distinct review bodies once the product's own name is removed.
pub fn distinct_reviews(d: &Data) -> Res<f64> {
    let names = name_words(d)?;
    let reviews = d.t("reviews")?;
    let (product, body) = (reviews.col("product_id")?, reviews.col("body")?);
    let empty = HashSet::new();
    let texts: HashSet<String> = (0..reviews.len())
        .map(|i| without(body.get(i), names.get(product.get(i)).unwrap_or(&empty)))
        .collect();
    Ok(texts.len() as f64 / reviews.len() as f64)
}

/// Where a phrase may be said.
enum Fits {
    /// Only of goods of these departments.
    Only(&'static [&'static str]),
    /// Never of goods of these departments.
    Never(&'static [&'static str]),
}

/// Departments with things to eat or swallow (pet food, vitamins).
const EDIBLE: &[&str] = &["Grocery & Gourmet", "Pet Supplies", "Health & Household"];
/// Departments whose goods carry a date (food, medicine, cosmetics).
const DATED: &[&str] = &[
    "Grocery & Gourmet",
    "Pet Supplies",
    "Health & Household",
    "Beauty & Personal Care",
];
const BOOKS: &[&str] = &["Books"];
/// Goods that come in sizes: clothes and shoes, sports gear, pet collars and harnesses.
const WORN: &[&str] = &["Clothing", "Sports & Outdoors", "Pet Supplies"];
const EDIBLE_OR_READ: &[&str] = &["Grocery & Gourmet", "Books"];
const GROCERY: &[&str] = &["Grocery & Gourmet"];

/// Phrases bound to kinds of goods: food is tasty or stale, books have a plot, clothes
/// run small; groceries are not sturdy and books need no battery. Chosen to be
/// unambiguous ("flimsy packaging" fits anything, so "flimsy" is not here; "delicious"
/// describes scents too); the share allowed is small rather than zero for phrasing
/// this list cannot foresee.
#[rustfmt::skip]
const LEXICON: &[(&[&str], Fits)] = &[
    (&["tasty", "stale", "yummy", "tastes great", "tastes good", "tastes bland"], Fits::Only(EDIBLE)),
    (&["best-before", "expiry", "expiration date"], Fits::Only(DATED)),
    (&["page-turner", "plot twist", "the plot", "chapters", "gripping read"], Fits::Only(BOOKS)),
    (&["true to size", "runs small", "runs large", "too tight", "too loose"], Fits::Only(WORN)),
    (&["battery", "batteries", "setup", "assemble", "stopped working", "color options"],
        Fits::Never(EDIBLE_OR_READ)),
    (&["sturdy", "well made", "well-made", "durable", "colour options"], Fits::Never(GROCERY)),
];

/// What a sturdy or durable thing may be in any department.
const CONTAINERS: &[&str] = &[
    "packaging",
    "box",
    "packing",
    "bag",
    "jar",
    "bottle",
    "lid",
    "container",
    "tin",
    "pouch",
];

/// The phrases of `text` that do not fit goods of `departments` (a text about an order
/// fits when one of its items' departments allows the phrase).
fn misfits(text: &str, departments: &[&str]) -> Vec<&'static str> {
    let padded = format!(" {} ", words(text).join(" "));
    let said = |phrase: &str| {
        padded.match_indices(&format!(" {phrase} ")).any(|(at, m)| {
            let next = padded[at + m.len()..].split(' ').next().unwrap_or("");
            !CONTAINERS.contains(&next)
        })
    };
    let mut found = Vec::new();
    for (phrases, fits) in LEXICON {
        let unfit = match fits {
            Fits::Only(allowed) => !departments.iter().any(|d| allowed.contains(d)),
            Fits::Never(banned) => departments.iter().all(|d| banned.contains(d)),
        };
        if unfit {
            found.extend(phrases.iter().copied().filter(|p| said(p)));
        }
    }
    found
}

/// Share of reviews (title and body) saying something their product's department
/// cannot have, with an example.
pub fn misfit_reviews(d: &Data) -> Res<(f64, String)> {
    let departments = product_departments(d)?;
    let reviews = d.t("reviews")?;
    let (product, title, body) = (
        reviews.col("product_id")?,
        reviews.col("title")?,
        reviews.col("body")?,
    );
    let mut bad = 0;
    let mut example = String::new();
    for i in 0..reviews.len() {
        let department = departments.get(product.get(i)).copied().unwrap_or("");
        let text = format!("{} {}", title.get(i), body.get(i));
        let found = misfits(&text, &[department]);
        if !found.is_empty() {
            bad += 1;
            if example.is_empty() {
                example = format!("{found:?} of {department}: {:?}", body.get(i));
            }
        }
    }
    Ok((bad as f64 / reviews.len() as f64, example))
}

/// What a named order looks like to a ticket.
#[derive(Default)]
struct OrderFacts<'a> {
    products: Vec<&'a str>,
    units: f64,
    max_quantity: f64,
    attempts: usize,
    failed: usize,
    delivered: Option<i64>,
}

fn order_facts(d: &Data) -> Res<HashMap<&str, OrderFacts<'_>>> {
    let mut facts: HashMap<&str, OrderFacts> = HashMap::new();
    for item in items(d)? {
        let f = facts.entry(item.order).or_default();
        f.products.push(item.product);
        f.units += item.quantity;
        f.max_quantity = f.max_quantity.max(item.quantity);
    }
    let payments = d.t("payments")?;
    let (order, status) = (payments.col("order_id")?, payments.col("status")?);
    for i in 0..payments.len() {
        let f = facts.entry(order.get(i)).or_default();
        match status.get(i) {
            "refunded" => {}
            "failed" => {
                f.attempts += 1;
                f.failed += 1;
            }
            _ => f.attempts += 1,
        }
    }
    for s in shipments(d)? {
        facts.entry(s.order).or_default().delivered = s.delivered;
    }
    Ok(facts)
}

/// A ticket's claim and what the named order must show for it to be possible.
struct Claim {
    phrases: &'static [&'static str],
    needs: &'static str,
    holds: fn(&OrderFacts, i64) -> bool,
}

/// Claims a ticket can only make of some orders, by the phrases that make them (kept
/// narrow: "increase the quantity" is possible on any order, "lower the quantity" only
/// where a line has two units or more).
const CLAIMS: &[Claim] = &[
    Claim {
        phrases: &[
            "part of my order",
            "part of order",
            "missing item",
            "item is missing",
            "items are missing",
            "can't find that item",
        ],
        needs: "two units or more",
        holds: |f, _| f.units >= 2.0,
    },
    Claim {
        phrases: &["take something off", "ship the rest", "refund that part"],
        needs: "two lines or more",
        holds: |f, _| f.products.len() >= 2,
    },
    Claim {
        phrases: &[
            "lower the quantity",
            "reduce the quantity",
            "decrease the quantity",
            "don't need as many",
        ],
        needs: "a line of quantity 2 or more",
        holds: |f, _| f.max_quantity >= 2.0,
    },
    Claim {
        phrases: &[
            "charged twice",
            "charged me twice",
            "two identical charges",
            "duplicate charge",
            "double charge",
            "double-charged",
        ],
        needs: "two payment attempts or more",
        holds: |f, _| f.attempts >= 2,
    },
    Claim {
        phrases: &["declined", "failed payment"],
        needs: "a failed payment attempt",
        holds: |f, _| f.failed >= 1,
    },
    Claim {
        phrases: &[
            "arrived damaged",
            "arrived broken",
            "in the box",
            "damaged item received",
            "received the wrong",
            "isn't what i ordered",
            "marked delivered",
            "open on arrival",
        ],
        needs: "a delivery before the ticket",
        holds: |f, at| f.delivered.is_some_and(|d| d <= at),
    },
];

/// Tickets about an order: (how many, those whose text is impossible for it, those
/// saying something the order's goods cannot have, an example of each).
pub fn ticket_fit(d: &Data) -> Res<(usize, usize, usize, String)> {
    let facts = order_facts(d)?;
    let departments = product_departments(d)?;
    let tickets = d.t("support_tickets")?;
    let (order, subject, message, created) = (
        tickets.col("order_id")?,
        tickets.col("subject")?,
        tickets.col("message")?,
        tickets.col("created_at")?,
    );
    let (mut about_orders, mut impossible, mut unfit) = (0, 0, 0);
    let mut example = String::new();
    let none = OrderFacts::default();
    for i in 0..tickets.len() {
        if order.get(i).is_empty() {
            continue;
        }
        about_orders += 1;
        let f = facts.get(order.get(i)).unwrap_or(&none);
        let text = format!(
            " {} ",
            words(&format!("{} {}", subject.get(i), message.get(i))).join(" ")
        );
        let at = created.ts_req(i);
        if let Some(claim) = CLAIMS.iter().find(|c| {
            c.phrases.iter().any(|p| text.contains(&format!(" {p} "))) && !(c.holds)(f, at)
        }) {
            impossible += 1;
            if example.is_empty() {
                example = format!("{:?} needs {}", subject.get(i), claim.needs);
            }
        }
        let goods: Vec<&str> = f
            .products
            .iter()
            .map(|p| departments.get(p).copied().unwrap_or(""))
            .collect();
        if !goods.is_empty() && !misfits(&text, &goods).is_empty() {
            unfit += 1;
        }
    }
    Ok((about_orders, impossible, unfit, example))
}

/// Share of distinct ticket messages once the names of the named order's products,
/// order numbers and digits are removed.
pub fn distinct_tickets(d: &Data) -> Res<f64> {
    let names = name_words(d)?;
    let mut order_words: HashMap<&str, HashSet<String>> = HashMap::new();
    for item in items(d)? {
        if let Some(w) = names.get(item.product) {
            order_words
                .entry(item.order)
                .or_default()
                .extend(w.iter().cloned());
        }
    }
    let tickets = d.t("support_tickets")?;
    let (order, message) = (tickets.col("order_id")?, tickets.col("message")?);
    let empty = HashSet::new();
    let texts: HashSet<String> = (0..tickets.len())
        .map(|i| {
            without(
                message.get(i),
                order_words.get(order.get(i)).unwrap_or(&empty),
            )
        })
        .collect();
    Ok(texts.len() as f64 / tickets.len() as f64)
}

/// Category names: (share distinct across the tree, sibling pairs sharing a name),
/// names compared case-insensitively.
pub fn category_names(d: &Data) -> Res<(f64, usize)> {
    let categories = d.t("categories")?;
    let (name, parent) = (
        categories.col("name")?,
        categories.col("parent_category_id")?,
    );
    let names: Vec<String> = name.iter().map(|n| n.to_lowercase()).collect();
    let distinct: HashSet<&String> = names.iter().collect();
    let mut siblings: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        *siblings.entry((parent.get(i), n)).or_default() += 1;
    }
    let clashes = siblings.values().map(|&k| k * (k - 1) / 2).sum();
    Ok((distinct.len() as f64 / names.len() as f64, clashes))
}

/// Share of distinct product names (case-insensitive).
pub fn distinct_product_names(d: &Data) -> Res<f64> {
    let products = d.t("products")?;
    let names: HashSet<String> = products
        .col("name")?
        .iter()
        .map(|n| n.to_lowercase())
        .collect();
    Ok(names.len() as f64 / products.len() as f64)
}

/// The most common surnames of each market, most common first (national statistics:
/// US Census 2010, ONS, Statistics Canada, IBISWorld/McCrindle, DeStatis-based lists,
/// INSEE).
#[rustfmt::skip]
pub fn common_surnames(country: &str) -> &'static [&'static str] {
    match country {
        "US" => &["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez"],
        "GB" => &["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
            "Thomas", "Johnson"],
        "CA" => &["Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson", "MacDonald", "Gagnon",
            "Johnson", "Taylor"],
        "AU" => &["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White",
            "Martin", "Anderson"],
        "DE" => &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann"],
        "FR" => &["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
            "Moreau", "Laurent"],
        _ => &[],
    }
}

/// Common first names of adults in each market (ten men's, ten women's).
#[rustfmt::skip]
pub fn common_first_names(country: &str) -> &'static [&'static str] {
    match country {
        "US" => &["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph",
            "Thomas", "Christopher", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
            "Barbara", "Susan", "Jessica", "Sarah", "Karen"],
        "GB" => &["David", "John", "Paul", "Michael", "Andrew", "James", "Peter", "Mark",
            "Richard", "Robert", "Susan", "Sarah", "Margaret", "Elizabeth", "Helen", "Julie",
            "Karen", "Emma", "Claire", "Nicola"],
        "CA" => &["Michael", "David", "John", "Robert", "James", "Daniel", "Jean", "Christopher",
            "Mark", "Paul", "Mary", "Jennifer", "Sarah", "Lisa", "Susan", "Marie", "Karen",
            "Michelle", "Linda", "Nathalie"],
        "AU" => &["David", "John", "Peter", "Michael", "Paul", "Andrew", "Robert", "Mark",
            "James", "Stephen", "Margaret", "Susan", "Sarah", "Jennifer", "Karen", "Michelle",
            "Elizabeth", "Lisa", "Patricia", "Helen"],
        "DE" => &["Peter", "Michael", "Thomas", "Andreas", "Wolfgang", "Klaus", "Jürgen",
            "Stefan", "Christian", "Frank", "Ursula", "Sabine", "Monika", "Petra", "Renate",
            "Helga", "Karin", "Brigitte", "Andrea", "Susanne"],
        "FR" => &["Jean", "Michel", "Philippe", "Alain", "Pierre", "Nicolas", "Christophe",
            "Patrick", "Daniel", "Bernard", "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine",
            "Françoise", "Martine", "Christine", "Monique", "Sandrine"],
        _ => &[],
    }
}

/// How a country's names are spread.
pub struct NameSpread {
    pub users: usize,
    /// Mean count of the country's five most common surnames over the mean count of a
    /// surname seen in the country (1 when the leaders are as common as any name).
    pub surname_lead: f64,
    /// The same for the common first names of `common_first_names`.
    pub first_name_lead: f64,
    /// The country's most common surname in the data, and whether it is among the
    /// country's real ten most common.
    pub top_surname: String,
    pub top_is_common: bool,
}

pub fn name_spread(d: &Data) -> Res<BTreeMap<String, NameSpread>> {
    let users = d.t("users")?;
    let (country, first, last) = (
        users.col("country")?,
        users.col("first_name")?,
        users.col("last_name")?,
    );
    /// Per country: surname counts, first-name counts, users.
    type Counts = (HashMap<String, usize>, HashMap<String, usize>, usize);
    let mut by_country: BTreeMap<&str, Counts> = BTreeMap::new();
    for i in 0..users.len() {
        let entry = by_country.entry(country.get(i)).or_default();
        *entry.0.entry(fold_name(last.get(i))).or_default() += 1;
        *entry.1.entry(fold_name(first.get(i))).or_default() += 1;
        entry.2 += 1;
    }
    let lead = |counts: &HashMap<String, usize>, list: &[&str], n: usize| {
        let listed: f64 = list
            .iter()
            .map(|name| *counts.get(&fold_name(name)).unwrap_or(&0) as f64)
            .sum::<f64>()
            / list.len() as f64;
        listed / (n as f64 / counts.len() as f64)
    };
    Ok(by_country
        .into_iter()
        .map(|(c, (surnames, first_names, n))| {
            let common = common_surnames(c);
            let top = surnames
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            let spread = NameSpread {
                users: n,
                surname_lead: lead(&surnames, &common[..5.min(common.len())], n),
                first_name_lead: lead(&first_names, common_first_names(c), n),
                top_is_common: common.iter().any(|name| fold_name(name) == top),
                top_surname: top,
            };
            (c.to_string(), spread)
        })
        .collect())
}

/// A country's largest city: (city, its share of the country's users, the users).
pub type Largest = (String, f64, usize);

/// Towns: (distinct US cities, per country its largest city).
pub fn towns(d: &Data) -> Res<(usize, BTreeMap<String, Largest>)> {
    let users = d.t("users")?;
    let (country, city) = (users.col("country")?, users.col("city")?);
    let mut counts: BTreeMap<&str, HashMap<&str, usize>> = BTreeMap::new();
    for i in 0..users.len() {
        *counts
            .entry(country.get(i))
            .or_default()
            .entry(city.get(i))
            .or_default() += 1;
    }
    let us = counts.get("US").map_or(0, |c| c.len());
    let largest = counts
        .iter()
        .map(|(c, cities)| {
            let n: usize = cities.values().sum();
            let (top, k) = cities.iter().max_by_key(|(_, k)| **k).unwrap();
            (c.to_string(), (top.to_string(), *k as f64 / n as f64, n))
        })
        .collect();
    Ok((us, largest))
}

/// Emails: (share whose local part has no digit, addresses used twice or more,
/// case-insensitive).
pub fn emails(d: &Data) -> Res<(f64, usize)> {
    let users = d.t("users")?;
    let email = users.col("email")?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut plain = 0;
    for e in email.iter() {
        let local = e.split('@').next().unwrap_or("");
        plain += (!local.chars().any(|c| c.is_ascii_digit())) as usize;
        *seen.entry(e.to_lowercase()).or_default() += 1;
    }
    let reused = seen.values().filter(|&&k| k > 1).count();
    Ok((plain as f64 / users.len() as f64, reused))
}

/// Share of vendors with products whose products span one to three departments.
pub fn specialised_vendors(d: &Data) -> Res<f64> {
    let departments = product_departments(d)?;
    let products = d.t("products")?;
    let (id, vendor) = (products.col("product_id")?, products.col("vendor_id")?);
    let mut spans: HashMap<&str, HashSet<&str>> = HashMap::new();
    for i in 0..products.len() {
        spans
            .entry(vendor.get(i))
            .or_default()
            .insert(departments.get(id.get(i)).copied().unwrap_or(""));
    }
    let few = spans.values().filter(|s| s.len() <= 3).count();
    Ok(few as f64 / spans.len() as f64)
}

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

#[test]
fn most_ratings_are_four_or_five_stars() {
    for data in default_sized(&["reviews"]) {
        let ratings: Vec<&str> = data
            .t("reviews")
            .unwrap()
            .col("rating")
            .unwrap()
            .iter()
            .collect();
        let good = ratings.iter().filter(|r| **r == "4" || **r == "5").count();
        assert!(
            good * 10 > ratings.len() * 6,
            "{}: {good} of {} reviews are 4-5 stars",
            data.label,
            ratings.len()
        );
        assert!(ratings.contains(&"1"), "{}: some are bad", data.label);
    }
}

#[test]
fn helpful_votes_are_few_for_most_reviews_and_many_for_a_few() {
    for data in default_sized(&["reviews"]) {
        let reviews = data.t("reviews").unwrap();
        let (votes_col, created) = (
            reviews.col("helpful_votes").unwrap(),
            reviews.col("created_at").unwrap(),
        );
        let votes: Vec<f64> = (0..reviews.len()).map(|i| votes_col.num_req(i)).collect();
        let share = |f: &dyn Fn(f64) -> bool| {
            votes.iter().filter(|v| f(**v)).count() as f64 / votes.len() as f64
        };
        assert!(
            share(&|v| v == 0.0) > 0.5,
            "{}: most reviews get no vote",
            data.label
        );
        assert!(
            share(&|v| (1.0..=10.0).contains(&v)) > 0.2,
            "{}: some get a handful",
            data.label
        );
        // Uniform counts up to 200 would put a third of the voted reviews above 60.
        assert!(
            share(&|v| v > 60.0) < 0.05,
            "{}: {}",
            data.label,
            share(&|v| v > 60.0)
        );
        assert!(
            votes.iter().any(|&v| v > 30.0),
            "{}: a long tail",
            data.label
        );
        // Votes gather over time: the window's last week has had no time for many.
        let most = |recent: bool| {
            (0..reviews.len())
                .filter(|&i| (created.get(i) >= "2023-12-25") == recent)
                .map(|i| votes[i])
                .fold(0.0, f64::max)
        };
        assert!(most(true) <= 15.0, "{}: {}", data.label, most(true));
        assert!(most(false) > 60.0, "{}: {}", data.label, most(false));
    }
}

#[test]
fn addresses_and_phones_agree_with_the_country() {
    for data in default_sized(&["users"]) {
        for user in data.t("users").unwrap().maps() {
            let (prefix, postal_ok): (&str, fn(&str) -> bool) = match user["country"].as_str() {
                "US" => ("+1 ", |p| {
                    p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())
                }),
                // Canada Post never uses D, F, I, O, Q or U; Royal Mail's inward codes
                // never C, I, K, M, O or V.
                "CA" => ("+1 ", |p| {
                    p.len() == 7
                        && p.as_bytes()[3] == b' '
                        && !p.contains(['D', 'F', 'I', 'O', 'Q', 'U'])
                }),
                "GB" => ("+44 ", |p| {
                    let inward = p.rsplit(' ').next().unwrap_or_default();
                    p.contains(' ')
                        && p.len() >= 6
                        && inward.len() == 3
                        && !inward.contains(['C', 'I', 'K', 'M', 'O', 'V'])
                }),
                "DE" => ("+49 ", |p| {
                    p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())
                }),
                "FR" => ("+33 ", |p| {
                    p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())
                }),
                "AU" => ("+61 ", |p| {
                    p.len() == 4 && p.chars().all(|c| c.is_ascii_digit())
                }),
                other => panic!("unexpected country {other}"),
            };
            assert!(user["phone_number"].starts_with(prefix), "{user:?}");
            assert!(postal_ok(&user["postal_code"]), "{user:?}");
        }
    }
}

#[test]
fn customers_live_where_people_live() {
    for data in default_sized(&["users"]) {
        let users = data.t("users").unwrap().maps();
        let count = |country: &str, city: &str| {
            users
                .iter()
                .filter(|u| u["country"] == country && u["city"] == city)
                .count()
        };
        // New York has about three times Chicago's people, London several times any
        // other British city's; uniform cities would make them level.
        assert!(
            count("US", "New York") > 2 * count("US", "Chicago"),
            "{}",
            data.label
        );
        assert!(
            count("GB", "London") > 3 * count("GB", "Manchester"),
            "{}",
            data.label
        );
        // House numbers count houses in Europe: no "Birkenweg 2115".
        for user in &users {
            let number: u64 = user["address"]
                .split([' ', ','])
                .find_map(|w| w.parse().ok())
                .unwrap_or_else(|| panic!("a house number in {:?}", user["address"]));
            let most = match user["country"].as_str() {
                "DE" => 150,
                "FR" => 200,
                "GB" => 250,
                "AU" => 400,
                _ => 9_999,
            };
            assert!(number <= most, "{user:?}");
        }
    }
}

#[test]
fn the_most_common_email_domain_leads() {
    for data in default_sized(&["users"]) {
        let users = data.t("users").unwrap().maps();
        let share = |country: &str, domain: &str| {
            let of_country: Vec<_> = users.iter().filter(|u| u["country"] == country).collect();
            let with = of_country
                .iter()
                .filter(|u| u["email"].ends_with(&format!("@{domain}")))
                .count();
            with as f64 / of_country.len() as f64
        };
        assert!(
            share("US", "gmail.com") > 0.25,
            "{}: {}",
            data.label,
            share("US", "gmail.com")
        );
        assert!(
            share("US", "gmail.com") > 2.0 * share("US", "yahoo.com"),
            "{}",
            data.label
        );
    }
}

#[test]
fn emails_come_from_the_name() {
    for data in default_sized(&["users"]) {
        let mut checked = 0;
        for user in data.t("users").unwrap().maps() {
            let (first, last) = (
                user["first_name"].to_lowercase(),
                user["last_name"].to_lowercase(),
            );
            if !(first.chars().all(|c| c.is_ascii_lowercase())
                && last.chars().all(|c| c.is_ascii_lowercase()))
            {
                continue; // Transliterated names are covered by the unit tests of ascii_fold.
            }
            let local = user["email"].split('@').next().unwrap().to_string();
            assert!(
                local.contains(&first) || local.contains(&last),
                "{} for {first} {last}",
                user["email"]
            );
            checked += 1;
        }
        assert!(checked > 100, "{}", data.label);
    }
}

#[test]
fn no_placeholder_text_anywhere() {
    let every = [
        "users",
        "categories",
        "vendors",
        "warehouses",
        "products",
        "inventory",
        "promotions",
        "orders",
        "order_items",
        "payments",
        "shipping",
        "returns",
        "reviews",
        "support_tickets",
        "wishlists",
        "notifications",
    ];
    for data in default_sized(&every) {
        for table in data.tables.values() {
            for cell in table.cells() {
                let cell = cell.to_lowercase();
                for word in ["lorem", "ipsum", "dolor sit", "todo", "placeholder"] {
                    assert!(
                        !cell.contains(word),
                        "{}: {} has {word:?}",
                        data.label,
                        table.name
                    );
                }
            }
        }
    }
}

#[test]
fn product_names_fit_their_category() {
    // Products of one category draw their nouns from its short list; names picked from
    // the whole catalog would end in dozens of different words per category.
    for data in default_sized(&["products"]) {
        let mut endings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
        for product in data.t("products").unwrap().maps() {
            // A book's name is its title, and its brand its publisher.
            if product["brand"].ends_with(" Press") {
                continue;
            }
            // A variant follows the line's name after a comma ("..., Navy").
            let line = product["name"].split(", ").next().unwrap();
            let last_word = line.rsplit(' ').next().unwrap().to_string();
            endings
                .entry(product["category_id"].clone())
                .or_default()
                .insert(last_word);
            *sizes.entry(product["category_id"].clone()).or_default() += 1;
        }
        let mut checked = 0;
        for (category, words) in &endings {
            if sizes[category] >= 20 {
                assert!(
                    words.len() <= 10,
                    "{}: {} products of one category end in {} words: {words:?}",
                    data.label,
                    sizes[category],
                    words.len()
                );
                checked += 1;
            }
        }
        assert!(checked > 5, "{}", data.label);
    }
}
