//! Tamper cases of orders and their payments (rule families 5 and 6).

use super::*;

// 5: orders.

pub(super) fn an_order_before_its_user_signed_up(dir: &Path) {
    let users = Csv::open(dir, "users");
    edit(dir, "orders", |orders| {
        let row = orders.find(
            "a cancelled order of a user who signed up after new year",
            |o| {
                &o["status"] == "cancelled"
                    && after_first_day(users.get(users.by("user_id", &o["user_id"]), "created_at"))
            },
        );
        let signup = users.get(
            users.by("user_id", orders.get(row, "user_id")),
            "created_at",
        );
        orders.set(row, "created_at", shift(signup, -1));
    });
}

pub(super) fn a_discount_without_a_promotion(dir: &Path) {
    edit(dir, "orders", |orders| {
        let row = orders.find("a cancelled order without a code", |o| {
            &o["status"] == "cancelled" && o["promotion_id"].is_empty()
        });
        orders.add_money(row, "discount", 1);
        orders.add_money(row, "total", -1);
    });
}

pub(super) fn free_shipping_that_charges_shipping(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "promotions", |p| {
        let row = p.find("a percentage code some order used", |r| {
            &r["discount_type"] == "percentage"
                && !orders
                    .all(|o| o["promotion_id"] == r["promotion_id"])
                    .is_empty()
        });
        p.set(row, "discount_type", "free_shipping");
        p.set(row, "discount_value", "");
    });
}

pub(super) fn a_code_used_before_it_started(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "promotions", |p| {
        let order = orders.find("an order with a code that runs past its day", |o| {
            !o["promotion_id"].is_empty()
                && p.get(p.by("promotion_id", &o["promotion_id"]), "end_date")
                    > &o["created_at"][..10]
        });
        let row = p.by("promotion_id", orders.get(order, "promotion_id"));
        let next_day = &shift(orders.get(order, "created_at"), 86_400)[..10];
        p.set(row, "start_date", next_day);
    });
}

pub(super) fn an_order_without_items(dir: &Path) {
    let (_, id) = cancelled_order(&Csv::open(dir, "orders"));
    edit(dir, "order_items", |items| {
        let mine = items.all(|i| i["order_id"] == *id);
        items.remove(&mine);
    });
}

/// Changes the total of the first item of a cancelled order by `cents` (and its
/// quantity or price with `change`), and the order's subtotal and total with it.
fn change_a_cancelled_item(dir: &Path, change: impl FnOnce(&mut Csv, usize) -> i64) {
    let mut orders = Csv::open(dir, "orders");
    let (order, id) = cancelled_order(&orders);
    let mut items = Csv::open(dir, "order_items");
    let item = items.by("order_id", &id);
    let cents = change(&mut items, item);
    items.save();
    orders.add_money(order, "subtotal", cents);
    orders.add_money(order, "total", cents);
    orders.save();
}

pub(super) fn an_item_of_quantity_zero(dir: &Path) {
    change_a_cancelled_item(dir, |items, item| {
        let total = to_cents(items.get(item, "total"));
        items.set(item, "quantity", 0);
        items.set(item, "total", "0.00");
        -total
    });
}

pub(super) fn an_item_sold_above_its_price(dir: &Path) {
    change_a_cancelled_item(dir, |items, item| {
        let quantity: i64 = items.get(item, "quantity").parse().unwrap();
        items.add_money(item, "unit_price", 100);
        items.add_money(item, "total", 100 * quantity);
        100 * quantity
    });
}

pub(super) fn an_item_total_off_by_a_cent(dir: &Path) {
    change_a_cancelled_item(dir, |items, item| {
        items.add_money(item, "total", 1);
        1
    });
}

pub(super) fn a_subtotal_off_by_a_cent(dir: &Path) {
    edit(dir, "orders", |orders| {
        let (row, _) = cancelled_order(orders);
        orders.add_money(row, "subtotal", 1);
        orders.add_money(row, "total", 1);
    });
}

pub(super) fn an_order_total_off_by_a_cent(dir: &Path) {
    edit(dir, "orders", |orders| {
        let (row, _) = cancelled_order(orders);
        orders.add_money(row, "total", 1);
    });
}

// 6: payments.

pub(super) fn an_order_without_payments(dir: &Path) {
    let (_, id) = cancelled_order(&Csv::open(dir, "orders"));
    edit(dir, "payments", |p| {
        let mine = p.all(|r| r["order_id"] == *id);
        p.remove(&mine);
    });
}

/// An order of `status` without returns, so refunds do not matter to it.
fn order_without_returns(dir: &Path, status: &str) -> String {
    let returns = Csv::open(dir, "returns");
    let orders = Csv::open(dir, "orders");
    let row = orders.find(&format!("a {status} order"), |o| {
        &o["status"] == status && returns.all(|r| r["order_id"] == o["order_id"]).is_empty()
    });
    orders.get(row, "order_id").to_string()
}

pub(super) fn a_capture_off_by_a_cent(dir: &Path) {
    let id = order_without_returns(dir, "delivered");
    edit(dir, "payments", |p| {
        let row = p.find("a capture", |r| {
            r["order_id"] == *id && &r["status"] == "completed"
        });
        p.add_money(row, "amount", 1);
    });
}

pub(super) fn a_paid_order_marked_pending(dir: &Path) {
    edit(dir, "orders", |orders| {
        let row = orders.find("a processing order", |o| &o["status"] == "processing");
        orders.set(row, "status", "pending");
    });
}

pub(super) fn a_cancelled_order_captured(dir: &Path) {
    let (_, id) = cancelled_order(&Csv::open(dir, "orders"));
    edit(dir, "payments", |p| {
        let row = p.by("order_id", &id);
        let at = p.get(row, "created_at").to_string();
        p.set(row, "status", "completed");
        p.set(row, "paid_at", at);
    });
}

pub(super) fn a_capture_without_paid_at(dir: &Path) {
    let id = order_without_returns(dir, "delivered");
    edit(dir, "payments", |p| {
        let row = p.find("a capture", |r| {
            r["order_id"] == *id && &r["status"] == "completed"
        });
        p.set(row, "paid_at", "");
    });
}

pub(super) fn a_refund_of_nothing(dir: &Path) {
    let id = order_without_returns(dir, "delivered");
    edit(dir, "payments", |p| {
        let capture = p.find("a capture", |r| {
            r["order_id"] == *id && &r["status"] == "completed"
        });
        let refund = p.push_copy(capture, "payment_id");
        p.set(refund, "status", "refunded");
        p.set(refund, "amount", "0.00");
    });
}

pub(super) fn a_refund_short_by_a_cent(dir: &Path) {
    edit(dir, "payments", |p| {
        let row = p.find("a refund", |r| &r["status"] == "refunded");
        p.add_money(row, "amount", -1);
    });
}
