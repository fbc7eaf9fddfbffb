//! Tamper cases of what the shop offers and tells: promotions, wishlists and
//! notifications (rule families 11, 12 and 16).

use super::*;

// 11: promotions.

pub(super) fn a_repeated_code(dir: &Path) {
    edit(dir, "promotions", |p| {
        let code = p.get(0, "code").to_string();
        p.set(1, "code", code);
    });
}

/// A promotion no order used: its dates can change without an order's use of it
/// breaking "5 orders: promotion".
fn unused_promotion(dir: &Path, p: &Csv) -> usize {
    let orders = Csv::open(dir, "orders");
    p.find("a promotion no order used", |r| {
        orders
            .all(|o| o["promotion_id"] == r["promotion_id"])
            .is_empty()
    })
}

pub(super) fn a_promotion_ending_before_it_starts(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = unused_promotion(dir, p);
        p.set(row, "start_date", "2023-06-10");
        p.set(row, "end_date", "2023-06-09");
    });
}

pub(super) fn a_promotion_of_2020(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = unused_promotion(dir, p);
        p.set(row, "start_date", "2020-01-01");
        p.set(row, "end_date", "2020-02-01");
    });
}

pub(super) fn ninety_five_percent_off(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = p.find("a percentage", |r| &r["discount_type"] == "percentage");
        p.set(row, "discount_value", 95);
    });
}

pub(super) fn a_percentage_of_nothing(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = p.find("a percentage code", |r| &r["discount_type"] == "percentage");
        p.set(row, "discount_value", "");
    });
}

pub(super) fn a_promotion_of_a_product_and_a_category(dir: &Path) {
    let category = Csv::open(dir, "categories")
        .get(0, "category_id")
        .to_string();
    edit(dir, "promotions", |p| {
        let row = p.find("a product promotion", |r| !r["product_id"].is_empty());
        p.set(row, "category_id", category);
    });
}

// 12: wishlists.

pub(super) fn a_product_saved_twice(dir: &Path) {
    edit(dir, "wishlists", |w| {
        for field in ["user_id", "product_id", "added_at"] {
            let value = w.get(0, field).to_string();
            w.set(1, field, value);
        }
    });
}

pub(super) fn saved_before_signup(dir: &Path) {
    let users = Csv::open(dir, "users");
    edit(dir, "wishlists", |w| {
        let row = w.find("a wishlist of a user who signed up after new year", |x| {
            after_first_day(users.get(users.by("user_id", &x["user_id"]), "created_at"))
        });
        let signup = users.get(users.by("user_id", w.get(row, "user_id")), "created_at");
        w.set(row, "added_at", shift(signup, -1));
    });
}

// 16: notifications.

pub(super) fn a_promotion_naming_an_order(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "notifications", |n| {
        let row = n.find("a promotion to a customer", |x| {
            &x["kind"] == "promotion" && !orders.all(|o| o["user_id"] == x["user_id"]).is_empty()
        });
        let order = orders.by("user_id", n.get(row, "user_id"));
        n.set(row, "order_id", orders.get(order, "order_id"));
    });
}

pub(super) fn shipping_news_before_shipping(dir: &Path) {
    let shipping = Csv::open(dir, "shipping");
    edit(dir, "notifications", |n| {
        let row = n.find("shipping news", |x| &x["kind"] == "order_shipped");
        let shipped = shipping.get(
            shipping.by("order_id", n.get(row, "order_id")),
            "shipped_at",
        );
        n.set(row, "created_at", shift(shipped, -1));
        n.set(row, "read_at", "");
    });
}

pub(super) fn news_before_signup(dir: &Path) {
    let users = Csv::open(dir, "users");
    edit(dir, "notifications", |n| {
        let row = n.find("marketing to a user who signed up after new year", |x| {
            x["order_id"].is_empty()
                && after_first_day(users.get(users.by("user_id", &x["user_id"]), "created_at"))
        });
        let signup = users.get(users.by("user_id", n.get(row, "user_id")), "created_at");
        n.set(row, "created_at", shift(signup, -1));
        n.set(row, "read_at", "");
    });
}

pub(super) fn read_before_sent(dir: &Path) {
    edit(dir, "notifications", |n| {
        let row = n.find("a notification that was read", |x| !x["read_at"].is_empty());
        let sent = n.get(row, "created_at").to_string();
        n.set(row, "read_at", shift(&sent, -1));
    });
}

pub(super) fn an_order_confirmed_twice(dir: &Path) {
    edit(dir, "notifications", |n| {
        let row = n.find("a confirmation", |x| &x["kind"] == "order_confirmed");
        n.push_copy(row, "notification_id");
    });
}

pub(super) fn an_order_never_confirmed(dir: &Path) {
    edit(dir, "notifications", |n| {
        let row = n.find("a confirmation", |x| &x["kind"] == "order_confirmed");
        n.remove(&[row]);
    });
}
