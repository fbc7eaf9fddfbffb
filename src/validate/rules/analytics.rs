//! Invariant 13: the analytics tables equal what the other files say, recomputed
//! from orders, items, reviews and returns of the same dataset, to the cent. A figure
//! is compared only when every row it sums could be read; an unreadable value was
//! already reported, and must not be reported again as a wrong total.

use super::super::index::repeats;
use super::super::report::Findings;
use super::super::table::{Cents, Choice, Column, Id, Moment, Rows, Text, Whole};
use super::super::value::money_text;
use super::Joined;
use crate::error::Result;
use crate::model::{Money, Timestamp};
use crate::rules::Rule;
use crate::schema::Table;
use std::collections::HashMap;

/// One user's figures, from the orders and reviews.
#[derive(Default)]
struct UserTotals {
    orders: i64,
    spent: i64,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    reviews: i64,
    /// An order of the user had an unreadable value (already reported).
    unknown: bool,
}

pub fn check_users(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(a) = joined.table(Table::UserAnalytics) else {
        return Ok(());
    };
    let orders = joined.table(Table::Orders);
    let reviews = joined.table(Table::Reviews);
    let mut totals: HashMap<&str, UserTotals> = HashMap::new();
    if let Some(o) = orders {
        add_orders(o, &mut totals)?;
    }
    if let Some(v) = reviews {
        let user = v.column::<Text>("user_id")?;
        for row in 0..v.len() {
            if let Some(u) = user.at(row) {
                totals.entry(u).or_default().reviews += 1;
            }
        }
    }
    let columns = UserColumns::new(a)?;
    let none = UserTotals::default();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in 0..a.len() {
        let Some(u) = columns.user.at(row) else {
            continue;
        };
        if let Some(first_row) = repeats(&mut seen, u, row) {
            found.at(
                a,
                row,
                Rule::UserAnalyticsOneRow,
                format!("user {u} already has record {}", first_row + 1),
            );
        }
        let t = totals.get(u).unwrap_or(&none);
        compare_user(
            &columns,
            row,
            t,
            (orders.is_some(), reviews.is_some()),
            found,
        );
    }
    if let Some(users) = joined.table(Table::Users) {
        every_key_has_a_row(users, "user", a, &seen, Rule::UserAnalyticsOneRow, found)?;
    }
    Ok(())
}

struct UserColumns<'t> {
    rows: &'t Rows,
    user: Column<'t, Text>,
    orders: Column<'t, Whole>,
    spent: Column<'t, Cents>,
    average: Column<'t, Cents>,
    first: Column<'t, Moment>,
    last: Column<'t, Moment>,
    reviews: Column<'t, Whole>,
}

impl<'t> UserColumns<'t> {
    fn new(rows: &'t Rows) -> Result<Self> {
        Ok(UserColumns {
            rows,
            user: rows.column("user_id")?,
            orders: rows.column("total_orders")?,
            spent: rows.column("total_spent")?,
            average: rows.column("average_order_value")?,
            first: rows.column("first_order_at")?,
            last: rows.column("last_order_at")?,
            reviews: rows.column("total_reviews")?,
        })
    }
}

/// Compares one user's row with their figures, from the tables that were read
/// (`read`: orders, reviews).
fn compare_user(
    a: &UserColumns,
    row: usize,
    t: &UserTotals,
    (orders, reviews): (bool, bool),
    found: &mut Findings,
) {
    let check = Expect {
        rows: a.rows,
        row,
        source: "the orders",
    };
    if orders && !t.unknown {
        let average = if t.orders == 0 {
            0
        } else {
            Money(t.spent).scale_half_up(1, t.orders).cents()
        };
        check.whole(a.orders, t.orders, Rule::UserAnalyticsTotalOrders, found);
        check.money(a.spent, Some(t.spent), Rule::UserAnalyticsTotalSpent, found);
        check.money(a.average, Some(average), Rule::UserAnalyticsAverage, found);
        check.moment(a.first, t.first, Rule::UserAnalyticsFirstOrder, found);
        check.moment(a.last, t.last, Rule::UserAnalyticsLastOrder, found);
    }
    if reviews {
        let check = Expect {
            source: "the reviews",
            ..check
        };
        check.whole(a.reviews, t.reviews, Rule::UserAnalyticsTotalReviews, found);
    }
}

/// Adds each counted order to its user's figures.
fn add_orders<'t>(o: &'t Rows, totals: &mut HashMap<&'t str, UserTotals>) -> Result<()> {
    let user = o.column::<Text>("user_id")?;
    let status = o.column::<Choice>("status")?;
    let total = o.column::<Cents>("total")?;
    let created = o.column::<Moment>("created_at")?;
    for row in 0..o.len() {
        let Some(u) = user.at(row) else { continue };
        let t = totals.entry(u).or_default();
        match status.at(row) {
            Some("cancelled") => continue,
            Some(_) => {}
            None => {
                t.unknown = true;
                continue;
            }
        }
        match (total.at(row), created.at(row)) {
            (Some(total), Some(at)) => {
                t.orders += 1;
                t.spent = t.spent.saturating_add(total);
                t.first = Some(t.first.map_or(at, |f| f.min(at)));
                t.last = Some(t.last.map_or(at, |l| l.max(at)));
            }
            _ => t.unknown = true,
        }
    }
    Ok(())
}

/// Reports each key of `owners` (users, products) that has no row in `analytics`.
fn every_key_has_a_row(
    owners: &Rows,
    what: &str,
    analytics: &Rows,
    seen: &HashMap<&str, usize>,
    rule: Rule,
    found: &mut Findings,
) -> Result<()> {
    let key = owners.column::<Id>(owners.spec.key_field().name)?;
    for row in 0..owners.len() {
        if let Some(id) = key.at(row)
            && !seen.contains_key(id)
        {
            found.of_file(
                analytics.name(),
                rule,
                format!(
                    "{what} {id} ({} record {}) has no row",
                    owners.name(),
                    row + 1
                ),
            );
        }
    }
    Ok(())
}

/// One product's figures, from the counted orders' items, the reviews and returns.
#[derive(Default)]
struct ProductTotals {
    units: i64,
    revenue: i64,
    reviews: i64,
    rating_sum: i64,
    returns: i64,
    /// A sale or review had an unreadable value (already reported).
    sales_unknown: bool,
    ratings_unknown: bool,
}

pub fn check_products(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(a) = joined.table(Table::ProductAnalytics) else {
        return Ok(());
    };
    let mut totals: HashMap<&str, ProductTotals> = HashMap::new();
    let sales = match (joined.table(Table::OrderItems), joined.table(Table::Orders)) {
        (Some(items), Some(o)) => Some((items, o)),
        _ => None,
    };
    if let Some((items, o)) = sales {
        add_sales(joined, items, o, &mut totals)?;
    }
    let reviews = joined.table(Table::Reviews);
    if let Some(v) = reviews {
        add_reviews(v, &mut totals)?;
    }
    let returns = joined.table(Table::Returns);
    if let Some(r) = returns {
        let product = r.column::<Text>("product_id")?;
        for row in 0..r.len() {
            if let Some(p) = product.at(row) {
                totals.entry(p).or_default().returns += 1;
            }
        }
    }
    let columns = ProductColumns::new(a)?;
    let none = ProductTotals::default();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in 0..a.len() {
        let Some(p) = columns.product.at(row) else {
            continue;
        };
        if let Some(first_row) = repeats(&mut seen, p, row) {
            found.at(
                a,
                row,
                Rule::ProductAnalyticsOneRow,
                format!("product {p} already has record {}", first_row + 1),
            );
        }
        let t = totals.get(p).unwrap_or(&none);
        let read = (sales.is_some(), reviews.is_some(), returns.is_some());
        compare_product(&columns, row, t, read, found);
    }
    if let Some(products) = joined.table(Table::Products) {
        every_key_has_a_row(
            products,
            "product",
            a,
            &seen,
            Rule::ProductAnalyticsOneRow,
            found,
        )?;
    }
    Ok(())
}

/// Adds each item of a counted order to its product's figures.
fn add_sales<'t>(
    joined: &Joined,
    items: &'t Rows,
    o: &Rows,
    totals: &mut HashMap<&'t str, ProductTotals>,
) -> Result<()> {
    let product = items.column::<Text>("product_id")?;
    let order = items.column::<Id>("order_id")?;
    let quantity = items.column::<Whole>("quantity")?;
    let total = items.column::<Cents>("total")?;
    let status = o.column::<Choice>("status")?;
    for row in 0..items.len() {
        let Some(p) = product.at(row) else {
            continue;
        };
        let t = totals.entry(p).or_default();
        let order_status = joined
            .find(Table::Orders, order.at(row))
            .and_then(|r| status.at(r));
        match order_status {
            Some("cancelled") => continue,
            Some(_) => {}
            None => {
                t.sales_unknown = true;
                continue;
            }
        }
        match (quantity.at(row), total.at(row)) {
            (Some(q), Some(m)) => {
                t.units = t.units.saturating_add(q);
                t.revenue = t.revenue.saturating_add(m);
            }
            _ => t.sales_unknown = true,
        }
    }
    Ok(())
}

fn add_reviews<'t>(v: &'t Rows, totals: &mut HashMap<&'t str, ProductTotals>) -> Result<()> {
    let product = v.column::<Text>("product_id")?;
    let rating = v.column::<Whole>("rating")?;
    for row in 0..v.len() {
        let Some(p) = product.at(row) else {
            continue;
        };
        let t = totals.entry(p).or_default();
        t.reviews += 1;
        match rating.at(row) {
            Some(r) => t.rating_sum = t.rating_sum.saturating_add(r),
            None => t.ratings_unknown = true,
        }
    }
    Ok(())
}

struct ProductColumns<'t> {
    rows: &'t Rows,
    product: Column<'t, Text>,
    units: Column<'t, Whole>,
    revenue: Column<'t, Cents>,
    review_count: Column<'t, Whole>,
    average: Column<'t, Cents>,
    return_count: Column<'t, Whole>,
}

impl<'t> ProductColumns<'t> {
    fn new(rows: &'t Rows) -> Result<Self> {
        Ok(ProductColumns {
            rows,
            product: rows.column("product_id")?,
            units: rows.column("units_sold")?,
            revenue: rows.column("revenue")?,
            review_count: rows.column("review_count")?,
            average: rows.column("average_rating")?,
            return_count: rows.column("return_count")?,
        })
    }
}

/// Compares one product's row with its figures, from the tables that were read
/// (`read`: sales, reviews, returns).
fn compare_product(
    a: &ProductColumns,
    row: usize,
    t: &ProductTotals,
    (sales, reviews, returns): (bool, bool, bool),
    found: &mut Findings,
) {
    let expect = |source| Expect {
        rows: a.rows,
        row,
        source,
    };
    if sales && !t.sales_unknown {
        let check = expect("the counted orders' items");
        check.whole(a.units, t.units, Rule::ProductAnalyticsUnits, found);
        check.money(
            a.revenue,
            Some(t.revenue),
            Rule::ProductAnalyticsRevenue,
            found,
        );
    }
    if reviews {
        let check = expect("the reviews");
        check.whole(
            a.review_count,
            t.reviews,
            Rule::ProductAnalyticsReviews,
            found,
        );
        if !t.ratings_unknown {
            let mean = (t.reviews > 0).then(|| {
                Money(t.rating_sum.saturating_mul(100))
                    .scale_half_up(1, t.reviews)
                    .cents()
            });
            check.money(a.average, mean, Rule::ProductAnalyticsRating, found);
        }
    }
    if returns {
        let check = expect("the returns");
        check.whole(
            a.return_count,
            t.returns,
            Rule::ProductAnalyticsReturns,
            found,
        );
    }
}

/// Compares an analytics value with what the other files give; an unreadable value
/// was already reported by the format checks.
#[derive(Clone, Copy)]
struct Expect<'t> {
    rows: &'t Rows,
    row: usize,
    /// What the expected value was computed from, for the message.
    source: &'static str,
}

impl Expect<'_> {
    fn whole(&self, column: Column<Whole>, expected: i64, rule: Rule, found: &mut Findings) {
        if let Some(v) = column.at(self.row)
            && v != expected
        {
            let message = format!("{} is {v}; {} give {expected}", column.name(), self.source);
            found.at(self.rows, self.row, rule, message);
        }
    }

    fn money(
        &self,
        column: Column<Cents>,
        expected: Option<i64>,
        rule: Rule,
        found: &mut Findings,
    ) {
        let name = column.name();
        if column.text(self.row).is_none() {
            // A required value that is missing was reported as such.
            if let Some(e) = expected
                && column.field().nullable
            {
                let message = format!("{name} is empty; {} give {}", self.source, money_text(e));
                found.at(self.rows, self.row, rule, message);
            }
            return;
        }
        let Some(value) = column.at(self.row) else {
            return;
        };
        if Some(value) != expected {
            let wanted = expected.map_or("an empty value".to_string(), money_text);
            let message = format!(
                "{name} is {}; {} give {wanted}",
                money_text(value),
                self.source
            );
            found.at(self.rows, self.row, rule, message);
        }
    }

    fn moment(
        &self,
        column: Column<Moment>,
        expected: Option<Timestamp>,
        rule: Rule,
        found: &mut Findings,
    ) {
        let value = match column.text(self.row) {
            None => None,
            Some(_) => match column.at(self.row) {
                Some(at) => Some(at),
                None => return,
            },
        };
        if value != expected {
            let shown = |t: Option<Timestamp>| t.map_or("empty".to_string(), |t| t.to_string());
            let message = format!(
                "{} is {}; {} give {}",
                column.name(),
                shown(value),
                self.source,
                shown(expected)
            );
            found.at(self.rows, self.row, rule, message);
        }
    }
}
