//! Tamper cases of the analytics, sums over the other tables, and of the window
//! (rule families 13 and 14).

use super::*;

// 13: analytics.

/// A user_analytics row of a user with orders and reviews.
fn active_user(a: &Csv) -> usize {
    a.find("a user with orders and reviews", |r| {
        &r["total_orders"] != "0" && &r["total_reviews"] != "0"
    })
}

pub(super) fn a_user_without_analytics(dir: &Path) {
    edit(dir, "user_analytics", |a| a.remove(&[0]));
}

pub(super) fn one_order_too_many(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_int(active_user(a), "total_orders", 1)
    });
}

pub(super) fn spent_a_cent_more(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_money(active_user(a), "total_spent", 1)
    });
}

pub(super) fn an_average_a_cent_off(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_money(active_user(a), "average_order_value", 1)
    });
}

pub(super) fn a_first_order_a_second_late(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        let row = active_user(a);
        let first = a.get(row, "first_order_at").to_string();
        a.set(row, "first_order_at", shift(&first, 1));
    });
}

pub(super) fn a_last_order_a_second_early(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        let row = active_user(a);
        let last = a.get(row, "last_order_at").to_string();
        a.set(row, "last_order_at", shift(&last, -1));
    });
}

pub(super) fn one_review_too_many(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_int(active_user(a), "total_reviews", 1)
    });
}

/// A product_analytics row of a product sold, reviewed and returned.
fn busy_product(a: &Csv) -> usize {
    a.find("a product sold, reviewed and returned", |r| {
        &r["units_sold"] != "0" && &r["review_count"] != "0" && &r["return_count"] != "0"
    })
}

pub(super) fn a_product_without_analytics(dir: &Path) {
    edit(dir, "product_analytics", |a| a.remove(&[0]));
}

pub(super) fn one_unit_too_many(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_int(busy_product(a), "units_sold", 1)
    });
}

pub(super) fn revenue_a_cent_more(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_money(busy_product(a), "revenue", 1)
    });
}

pub(super) fn one_product_review_too_many(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_int(busy_product(a), "review_count", 1)
    });
}

pub(super) fn a_rating_a_cent_off(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_money(busy_product(a), "average_rating", 1)
    });
}

pub(super) fn one_return_too_many(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_int(busy_product(a), "return_count", 1)
    });
}

// 14: the window.

pub(super) fn saved_after_the_window(dir: &Path) {
    rewrite(dir, "wishlists.jsonl", |text| {
        let (first, rest) = text.split_once('\n').unwrap();
        let mut row: serde_json::Value = serde_json::from_str(first).unwrap();
        row["added_at"] = serde_json::Value::from("2024-01-01T00:00:00");
        format!("{row}\n{rest}")
    });
}

pub(super) fn an_account_older_than_the_shop(dir: &Path) {
    // The manifest records the opening: four years before the window, 2019-01-01.
    edit(dir, "users", |users| {
        users.set(0, "created_at", "2018-12-31T12:00:00")
    });
}
