//! The control's orders with their items, payments, shipments, returns and reviews:
//! uniform customers, products and methods, independent of each other.

use super::shop::Shop;
use super::*;

/// Draws the orders and what follows each into `out`; returns each order's id and the
/// index of its user.
pub fn build(
    kind: Control,
    rng: &mut Rng,
    window: &Window,
    shop: &Shop,
    out: &mut Vec<Table>,
) -> (Vec<String>, Vec<usize>) {
    let (start, end) = (window.start(), window.end());
    let Shop {
        user_ids,
        user_created,
        warehouse_ids,
        product_ids,
        prices,
        nouns,
        promotion_ids,
    } = shop;

    // Orders: a uniform customer each; times spread evenly over the window (or as the
    // control says); 1-6 uniform lines of 1-2 units of uniform products; 5% with a
    // promotion taking off up to 90% of the subtotal.
    let mut orders = Table::new(
        "orders",
        &[
            "order_id",
            "user_id",
            "status",
            "created_at",
            "shipping_method",
            "promotion_id",
            "subtotal",
            "tax",
            "shipping_cost",
            "discount",
            "total",
            "currency",
        ],
    );
    let mut items = Table::new(
        "order_items",
        &[
            "order_item_id",
            "order_id",
            "product_id",
            "quantity",
            "unit_price",
            "total",
        ],
    );
    let mut payments = Table::new(
        "payments",
        &[
            "payment_id",
            "order_id",
            "method",
            "amount",
            "status",
            "created_at",
            "paid_at",
            "currency",
        ],
    );
    let mut shipping = Table::new(
        "shipping",
        &[
            "shipment_id",
            "order_id",
            "warehouse_id",
            "carrier",
            "shipping_method",
            "shipped_at",
            "estimated_delivery",
            "delivered_at",
            "status",
        ],
    );
    let mut returns = Table::new(
        "returns",
        &[
            "return_id",
            "order_id",
            "order_item_id",
            "user_id",
            "product_id",
            "reason",
            "status",
            "requested_at",
            "refund_amount",
            "currency",
        ],
    );
    let mut reviews = Table::new(
        "reviews",
        &[
            "review_id",
            "user_id",
            "product_id",
            "order_id",
            "rating",
            "title",
            "body",
            "created_at",
        ],
    );
    let month_weights = [1.0, 1.0, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 2.5, 2.5];
    let month_starts: Vec<i64> = (1..=13)
        .map(|m| {
            if m == 13 {
                window.last_day + 1
            } else {
                days_from_civil(2023, m, 1)
            }
        })
        .collect();
    let weight_total: f64 = month_weights.iter().sum();
    let mut order_ids = Vec::new();
    let mut order_users = Vec::new();
    for i in 0..ORDERS {
        let id = rng.id();
        let u = rng.below(BUYERS);
        let even = (i as f64 + rng.unit()) / ORDERS as f64;
        let created = match kind {
            Control::Uniform => start + (even * (end - start) as f64) as i64,
            Control::OpensWithTheWindow => {
                let from = user_created[u];
                from + (rng.unit() * (end - from) as f64) as i64
            }
            Control::MonthlySteps => {
                let mut at = even * weight_total;
                let mut month = 0;
                while at >= month_weights[month] && month < 11 {
                    at -= month_weights[month];
                    month += 1;
                }
                let (a, b) = (month_starts[month] * DAY, month_starts[month + 1] * DAY);
                a + ((at / month_weights[month]).min(0.999_999) * (b - a) as f64) as i64
            }
        };
        let status = match rng.below(100) {
            0..=4 => "cancelled",
            5 => "pending",
            6..=7 => "processing",
            8..=11 => "shipped",
            12..=21 => "returned",
            _ => "delivered",
        };
        let method = *rng.pick(SHIPPING_METHODS);
        let lines = 1 + rng.below(6);
        let mut subtotal = 0.0;
        let mut order_items = Vec::new();
        for _ in 0..lines {
            let p = rng.below(PRODUCTS);
            let quantity = 1 + rng.below(2);
            let total = prices[p] * quantity as f64;
            subtotal += total;
            let item_id = rng.id();
            items.push(&[
                item_id.clone(),
                id.clone(),
                product_ids[p].clone(),
                quantity.to_string(),
                money(prices[p]),
                money(total),
            ]);
            order_items.push((item_id, p, total));
        }
        let promoted = rng.chance(0.05);
        let discount = if promoted {
            subtotal * rng.unit() * 0.9
        } else {
            0.0
        };
        let total = subtotal - discount + 5.0;
        orders.push(&[
            id.clone(),
            user_ids[u].clone(),
            status.to_string(),
            format_ts(created),
            method.to_string(),
            if promoted {
                rng.pick(promotion_ids).clone()
            } else {
                String::new()
            },
            money(subtotal),
            "0.00".into(),
            "5.00".into(),
            money(discount),
            money(total),
            "USD".into(),
        ]);
        // Payments: a uniform method; a 15% chance of a failed attempt first.
        let pay = *rng.pick(METHODS);
        let paid_at = created + rng.between(0, 3600);
        if status == "cancelled" || rng.chance(0.15) {
            payments.push(&[
                rng.id(),
                id.clone(),
                pay.into(),
                money(total),
                "failed".into(),
                format_ts(paid_at),
                String::new(),
                "USD".into(),
            ]);
        }
        let outcome = match status {
            "cancelled" => None,
            "pending" => Some("pending"),
            _ => Some("completed"),
        };
        if let Some(outcome) = outcome {
            let paid = if outcome == "completed" {
                format_ts(paid_at)
            } else {
                String::new()
            };
            payments.push(&[
                rng.id(),
                id.clone(),
                pay.into(),
                money(total),
                outcome.into(),
                format_ts(paid_at),
                paid,
                "USD".into(),
            ]);
        }
        // Shipping: uniform handling, promise and transit, independent of each other.
        if matches!(status, "shipped" | "delivered" | "returned") {
            let shipped = created + rng.between(0, 72 * HOUR);
            let promised = shipped.div_euclid(DAY) + rng.between(2, 8);
            let delivered = (status != "shipped").then(|| shipped + rng.between(DAY / 2, 8 * DAY));
            shipping.push(&[
                rng.id(),
                id.clone(),
                rng.pick(warehouse_ids).clone(),
                "Carrier".into(),
                method.to_string(),
                format_ts(shipped),
                format_date(promised),
                delivered.map(format_ts).unwrap_or_default(),
                if delivered.is_some() {
                    "delivered"
                } else {
                    "in_transit"
                }
                .into(),
            ]);
            if let Some(delivered) = delivered {
                for (k, (item_id, p, item_total)) in order_items.iter().enumerate() {
                    if status == "returned" && (k == 0 || rng.chance(0.5)) {
                        returns.push(&[
                            rng.id(),
                            id.clone(),
                            item_id.clone(),
                            user_ids[u].clone(),
                            product_ids[*p].clone(),
                            rng.pick(REASONS).to_string(),
                            "refunded".into(),
                            format_ts(delivered + DAY),
                            money(*item_total),
                            "USD".into(),
                        ]);
                    }
                    if rng.chance(0.2) {
                        let body = rng.pick(REVIEW_BODIES).replace("{}", &nouns[*p]);
                        reviews.push(&[
                            rng.id(),
                            user_ids[u].clone(),
                            product_ids[*p].clone(),
                            id.clone(),
                            (1 + rng.below(5)).to_string(),
                            "A review".into(),
                            body,
                            format_ts(delivered + DAY),
                        ]);
                    }
                }
            }
        }
        order_ids.push(id);
        order_users.push(u);
    }

    out.extend([orders, items, payments, shipping, returns, reviews]);
    (order_ids, order_users)
}
