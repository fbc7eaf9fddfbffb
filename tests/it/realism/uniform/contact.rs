//! The control's contact with customers: tickets, wishlists and notifications, drawn
//! uniformly over users, orders and the window.

use super::shop::Shop;
use super::*;

/// Draws tickets, wishlists and notifications into `out`.
pub fn build(
    rng: &mut Rng,
    window: &Window,
    shop: &Shop,
    (order_ids, order_users): (&[String], &[usize]),
    out: &mut Vec<Table>,
) {
    let (start, end) = (window.start(), window.end());
    let Shop {
        user_ids,
        product_ids,
        ..
    } = shop;

    // Tickets: a uniform order (or none), a uniform topic.
    let mut tickets = Table::new(
        "support_tickets",
        &[
            "ticket_id",
            "user_id",
            "order_id",
            "subject",
            "message",
            "created_at",
        ],
    );
    for _ in 0..3000 {
        let o = rng.below(ORDERS);
        let (subject, message) = rng.pick(TICKETS);
        let noun = format!("thing{}", letters(rng.below(10)));
        tickets.push(&[
            rng.id(),
            user_ids[order_users[o]].clone(),
            if rng.chance(0.8) {
                order_ids[o].clone()
            } else {
                String::new()
            },
            subject.to_string(),
            message.replace("{}", &noun),
            format_ts(rng.between(start, end)),
        ]);
    }

    // Wishlists: uniform users and products, two rows per user on average.
    let mut wishlists = Table::new(
        "wishlists",
        &["wishlist_id", "user_id", "product_id", "added_at"],
    );
    for _ in 0..2 * USERS {
        wishlists.push(&[
            rng.id(),
            rng.pick(user_ids).clone(),
            rng.pick(product_ids).clone(),
            format_ts(rng.between(start, end)),
        ]);
    }

    // Notifications: uniform kinds, orders, channels; half read.
    let kinds = [
        "order_confirmed",
        "order_shipped",
        "order_delivered",
        "review_reminder",
        "refund_issued",
        "promotion",
        "price_drop",
        "account_security",
    ];
    let mut notifications = Table::new(
        "notifications",
        &[
            "notification_id",
            "user_id",
            "order_id",
            "kind",
            "channel",
            "created_at",
            "read_at",
        ],
    );
    for _ in 0..ORDERS {
        let o = rng.below(ORDERS);
        let sent = rng.between(start, end);
        notifications.push(&[
            rng.id(),
            user_ids[order_users[o]].clone(),
            order_ids[o].clone(),
            rng.pick(&kinds).to_string(),
            rng.pick(&["email", "push", "sms"]).to_string(),
            format_ts(sent),
            if rng.chance(0.5) {
                format_ts(sent + HOUR)
            } else {
                String::new()
            },
        ]);
    }

    out.extend([tickets, wishlists, notifications]);
}
