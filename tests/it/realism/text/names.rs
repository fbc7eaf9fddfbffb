//! Measures of names and places: categories, products, people's names by country,
//! towns, emails and vendors.

use super::*;

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
