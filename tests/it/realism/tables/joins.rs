//! The joins and normalisations every measure uses: countries, departments, counted
//! orders, items, shipments and the words of a text.

use super::*;

/// user_id -> country.
pub fn user_countries(d: &Data) -> Res<HashMap<&str, &str>> {
    let users = d.t("users")?;
    let (id, country) = (users.col("user_id")?, users.col("country")?);
    Ok(id.iter().zip(country.iter()).collect())
}

/// category_id -> department: the top-level category reached by walking
/// parent_category_id up from the category.
pub fn category_departments(d: &Data) -> Res<HashMap<&str, &str>> {
    let categories = d.t("categories")?;
    let (id, name, parent) = (
        categories.col("category_id")?,
        categories.col("name")?,
        categories.col("parent_category_id")?,
    );
    let parent_of: HashMap<&str, &str> = id.iter().zip(parent.iter()).collect();
    let name_of: HashMap<&str, &str> = id.iter().zip(name.iter()).collect();
    let mut department = HashMap::new();
    for category in id.iter() {
        let mut at = category;
        for _ in 0..64 {
            match parent_of.get(at) {
                Some(p) if !p.is_empty() => at = p,
                _ => break,
            }
        }
        department.insert(category, *name_of.get(at).unwrap_or(&""));
    }
    Ok(department)
}

/// product_id -> department of its category.
pub fn product_departments(d: &Data) -> Res<HashMap<&str, &str>> {
    let departments = category_departments(d)?;
    let products = d.t("products")?;
    let (id, category) = (products.col("product_id")?, products.col("category_id")?);
    Ok(id
        .iter()
        .zip(category.iter())
        .map(|(p, c)| (p, *departments.get(c).unwrap_or(&"")))
        .collect())
}

/// Departments whose goods come in sizes (wrong_size and fit returns are possible).
pub const SIZED: &[&str] = &["Clothing", "Sports & Outdoors"];

/// Departments whose goods are used up and bought again.
pub const CONSUMABLE: &[&str] = &[
    "Grocery & Gourmet",
    "Health & Household",
    "Beauty & Personal Care",
    "Pet Supplies",
];

/// One order as the measures read it.
pub struct Order<'a> {
    pub id: &'a str,
    pub user: &'a str,
    pub status: &'a str,
    pub created: i64,
    pub total: f64,
    pub subtotal: f64,
    pub discount: f64,
    pub promotion: &'a str,
}

impl Order<'_> {
    /// Counted: any order that is not cancelled (DATA_MODEL.md).
    pub fn counted(&self) -> bool {
        self.status != "cancelled"
    }
}

pub fn orders(d: &Data) -> Res<Vec<Order<'_>>> {
    let t = d.t("orders")?;
    let (id, user, status, created, total) = (
        t.col("order_id")?,
        t.col("user_id")?,
        t.col("status")?,
        t.col("created_at")?,
        t.col("total")?,
    );
    let (subtotal, discount, promotion) = (
        t.col("subtotal")?,
        t.col("discount")?,
        t.col("promotion_id")?,
    );
    Ok((0..t.len())
        .map(|i| Order {
            id: id.get(i),
            user: user.get(i),
            status: status.get(i),
            created: created.ts_req(i),
            total: total.num_req(i),
            subtotal: subtotal.num_req(i),
            discount: discount.num_req(i),
            promotion: promotion.get(i),
        })
        .collect())
}

/// One order line.
pub struct Item<'a> {
    pub id: &'a str,
    pub order: &'a str,
    pub product: &'a str,
    pub quantity: f64,
}

pub fn items(d: &Data) -> Res<Vec<Item<'_>>> {
    let t = d.t("order_items")?;
    let (id, order, product, quantity) = (
        t.col("order_item_id")?,
        t.col("order_id")?,
        t.col("product_id")?,
        t.col("quantity")?,
    );
    Ok((0..t.len())
        .map(|i| Item {
            id: id.get(i),
            order: order.get(i),
            product: product.get(i),
            quantity: quantity.num_req(i),
        })
        .collect())
}

/// One shipment, judged against its promised day.
pub struct Shipment<'a> {
    pub order: &'a str,
    pub warehouse: &'a str,
    pub shipped: i64,
    pub promised_day: i64,
    pub delivered: Option<i64>,
    pub method: &'a str,
}

impl Shipment<'_> {
    /// Late: delivered on a day (shop's clock) after estimated_delivery, or still in
    /// transit at the window's end when the promised day is already past. None when it
    /// cannot be judged yet (in transit, promised day not past).
    pub fn late(&self, window: &Window) -> Option<bool> {
        match self.delivered {
            Some(at) => Some(at.div_euclid(DAY) > self.promised_day),
            None if self.promised_day < window.last_day => Some(true),
            None => None,
        }
    }
}

pub fn shipments(d: &Data) -> Res<Vec<Shipment<'_>>> {
    let t = d.t("shipping")?;
    let (order, warehouse, shipped, promised, delivered, method) = (
        t.col("order_id")?,
        t.col("warehouse_id")?,
        t.col("shipped_at")?,
        t.col("estimated_delivery")?,
        t.col("delivered_at")?,
        t.col("shipping_method")?,
    );
    Ok((0..t.len())
        .map(|i| Shipment {
            order: order.get(i),
            warehouse: warehouse.get(i),
            shipped: shipped.ts_req(i),
            promised_day: promised.date(i).expect("estimated_delivery set"),
            delivered: delivered.ts(i),
            method: method.get(i),
        })
        .collect())
}

/// Lowercase words of a text (letters, digits, apostrophes and hyphens).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '#'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// A name as compared across spellings: lowercase, umlauts spelled out, accents off.
pub fn fold_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'â' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' => out.push('i'),
            'ô' => out.push('o'),
            'ù' | 'û' => out.push('u'),
            'ç' => out.push('c'),
            _ => out.push(c),
        }
    }
    out
}
