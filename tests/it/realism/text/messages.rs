//! Measures of review and ticket texts: how many distinct ones, and whether they fit
//! the goods and the order they speak of.

use super::*;

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
