//! Tamper cases of what follows an order: shipping, returns, reviews and support
//! tickets (rule families 7 to 10).

use super::*;

// 7: shipping.

pub(super) fn an_order_shipped_twice(dir: &Path) {
    edit(dir, "shipping", |s| {
        let row = s.find("a shipment in transit", |r| &r["status"] == "in_transit");
        s.push_copy(row, "shipment_id");
    });
}

/// The shipment and the placing time of a delivered order placed after new year.
fn a_delivered_shipment(dir: &Path) -> (Csv, usize, String) {
    let orders = Csv::open(dir, "orders");
    let shipping = Csv::open(dir, "shipping");
    let order = orders.find("a delivered order placed after new year", |o| {
        &o["status"] == "delivered" && after_first_day(&o["created_at"])
    });
    let row = shipping.by("order_id", orders.get(order, "order_id"));
    let placed = orders.get(order, "created_at").to_string();
    (shipping, row, placed)
}

pub(super) fn shipped_before_placed(dir: &Path) {
    let (mut shipping, row, placed) = a_delivered_shipment(dir);
    shipping.set(row, "shipped_at", shift(&placed, -1));
    shipping.save();
}

pub(super) fn delivered_before_shipped(dir: &Path) {
    let (mut shipping, row, _) = a_delivered_shipment(dir);
    let shipped = shipping.get(row, "shipped_at").to_string();
    shipping.set(row, "delivered_at", shift(&shipped, -1));
    shipping.save();
}

pub(super) fn delivered_but_in_transit(dir: &Path) {
    let (mut shipping, row, _) = a_delivered_shipment(dir);
    shipping.set(row, "status", "in_transit");
    shipping.save();
}

// 8: returns.

/// Adds `n` to a product's return count in product_analytics.
fn count_returns(dir: &Path, product: &str, n: i64) {
    edit(dir, "product_analytics", |a| {
        let row = a.by("product_id", product);
        a.add_int(row, "return_count", n);
    });
}

pub(super) fn a_returned_order_without_returns(dir: &Path) {
    let mut returns = Csv::open(dir, "returns");
    let unrefunded =
        |order: &str| returns.all(|r| &r["order_id"] == order && &r["status"] != "refunded");
    let all = |order: &str| returns.all(|r| &r["order_id"] == order);
    let row = returns.find("a returned order with no refunded return", |r| {
        unrefunded(&r["order_id"]) == all(&r["order_id"])
    });
    let mine = all(returns.get(row, "order_id"));
    for &r in &mine {
        count_returns(dir, returns.get(r, "product_id"), -1);
    }
    returns.remove(&mine);
    returns.save();
}

pub(super) fn returns_of_a_delivered_order(dir: &Path) {
    let returns = Csv::open(dir, "returns");
    edit(dir, "orders", |orders| {
        let row = orders.by("order_id", returns.get(0, "order_id"));
        orders.set(row, "status", "delivered");
    });
}

pub(super) fn a_return_of_another_product(dir: &Path) {
    let other = Csv::open(dir, "products").get(0, "product_id").to_string();
    edit(dir, "returns", |r| {
        let row = r.find("a return of another product", |x| x["product_id"] != *other);
        count_returns(dir, r.get(row, "product_id"), -1);
        count_returns(dir, &other, 1);
        r.set(row, "product_id", &other);
    });
}

/// A return that is not refunded: its amount is owed to no one.
fn an_unrefunded_return(returns: &Csv) -> usize {
    returns.find("a return that is not refunded", |r| {
        &r["status"] != "refunded"
    })
}

pub(super) fn an_item_returned_twice(dir: &Path) {
    edit(dir, "returns", |r| {
        let row = an_unrefunded_return(r);
        count_returns(dir, r.get(row, "product_id"), 1);
        r.push_copy(row, "return_id");
    });
}

pub(super) fn a_return_by_another_user(dir: &Path) {
    edit(dir, "returns", |r| {
        let user = r.get(0, "user_id").to_string();
        let row = r.find("a return of another user", |x| x["user_id"] != *user);
        r.set(row, "user_id", user);
    });
}

pub(super) fn a_return_requested_before_delivery(dir: &Path) {
    let shipping = Csv::open(dir, "shipping");
    edit(dir, "returns", |r| {
        let row = an_unrefunded_return(r);
        let delivered = shipping.get(
            shipping.by("order_id", r.get(row, "order_id")),
            "delivered_at",
        );
        r.set(row, "requested_at", shift(delivered, -1));
    });
}

pub(super) fn a_return_resolved_before_requested(dir: &Path) {
    edit(dir, "returns", |r| {
        let row = r.find("a rejected return", |x| &x["status"] == "rejected");
        let requested = r.get(row, "requested_at").to_string();
        r.set(row, "resolved_at", shift(&requested, -1));
    });
}

pub(super) fn a_refund_above_the_item_total(dir: &Path) {
    let items = Csv::open(dir, "order_items");
    edit(dir, "returns", |r| {
        let row = an_unrefunded_return(r);
        let total = items.get(
            items.by("order_item_id", r.get(row, "order_item_id")),
            "total",
        );
        r.set(row, "refund_amount", money(to_cents(total) + 1));
    });
}

pub(super) fn a_return_refunding_nothing(dir: &Path) {
    edit(dir, "returns", |r| {
        let row = an_unrefunded_return(r);
        r.set(row, "refund_amount", "0.00");
    });
}

// 9: reviews.

pub(super) fn a_review_by_someone_else(dir: &Path) {
    let mut reviews = Csv::open(dir, "reviews");
    let other = reviews.find("reviews by two users", |v| {
        v["user_id"] != *reviews.get(0, "user_id")
    });
    let (from, to) = (
        reviews.get(0, "user_id").to_string(),
        reviews.get(other, "user_id").to_string(),
    );
    reviews.set(0, "user_id", &to);
    reviews.save();
    edit(dir, "user_analytics", |a| {
        let (from, to) = (a.by("user_id", &from), a.by("user_id", &to));
        a.add_int(from, "total_reviews", -1);
        a.add_int(to, "total_reviews", 1);
    });
}

pub(super) fn a_purchase_reviewed_twice(dir: &Path) {
    let mut reviews = Csv::open(dir, "reviews");
    let copy = reviews.push_copy(0, "review_id");
    reviews.save();
    let product = reviews.get(copy, "product_id").to_string();
    let ratings: Vec<i64> = reviews
        .all(|v| v["product_id"] == *product)
        .iter()
        .map(|&v| reviews.get(v, "rating").parse().unwrap())
        .collect();
    let (sum, n) = (ratings.iter().sum::<i64>(), ratings.len() as i64);
    // The mean in hundredths, half-up.
    let average = (sum * 200 + n) / (2 * n);
    edit(dir, "user_analytics", |a| {
        let row = a.by("user_id", reviews.get(copy, "user_id"));
        a.add_int(row, "total_reviews", 1);
    });
    edit(dir, "product_analytics", |a| {
        let row = a.by("product_id", &product);
        a.add_int(row, "review_count", 1);
        a.set(row, "average_rating", money(average));
    });
}

pub(super) fn a_review_before_delivery(dir: &Path) {
    let shipping = Csv::open(dir, "shipping");
    edit(dir, "reviews", |v| {
        let delivered = shipping.get(
            shipping.by("order_id", v.get(0, "order_id")),
            "delivered_at",
        );
        v.set(0, "created_at", shift(delivered, -1));
    });
}

pub(super) fn a_rating_of_six(dir: &Path) {
    let mut reviews = Csv::open(dir, "reviews");
    reviews.set(0, "rating", 6);
    reviews.save();
    let product = reviews.get(0, "product_id").to_string();
    let ratings: Vec<i64> = reviews
        .all(|v| v["product_id"] == *product)
        .iter()
        .map(|&r| reviews.get(r, "rating").parse().unwrap())
        .collect();
    let n = ratings.len() as i64;
    let mean = ecomgen::model::Money(ratings.iter().sum::<i64>() * 100).scale_half_up(1, n);
    edit(dir, "product_analytics", |a| {
        let row = a.by("product_id", &product);
        a.set(row, "average_rating", mean);
    });
}

// 10: support tickets.

pub(super) fn a_ticket_about_another_users_order(dir: &Path) {
    let users = Csv::open(dir, "users");
    edit(dir, "support_tickets", |t| {
        let row = t.find("a ticket about an order", |x| !x["order_id"].is_empty());
        let other = users.find("another user", |u| u["user_id"] != *t.get(row, "user_id"));
        t.set(row, "user_id", users.get(other, "user_id"));
    });
}

pub(super) fn a_ticket_before_its_order(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "support_tickets", |t| {
        let row = t.find("a ticket about an order placed after new year", |x| {
            !x["order_id"].is_empty()
                && after_first_day(orders.get(orders.by("order_id", &x["order_id"]), "created_at"))
        });
        let placed = orders.get(orders.by("order_id", t.get(row, "order_id")), "created_at");
        t.set(row, "created_at", shift(placed, -1));
    });
}

pub(super) fn a_ticket_resolved_before_opened(dir: &Path) {
    edit(dir, "support_tickets", |t| {
        let row = t.find("a resolved ticket", |x| !x["resolved_at"].is_empty());
        let opened = t.get(row, "created_at").to_string();
        t.set(row, "resolved_at", shift(&opened, -1));
    });
}
