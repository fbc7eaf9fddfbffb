//! The data model's rules, each with one identity: an id such as `5 orders: total`
//! (invariant number, table, subject), the table it is about, and its text. The
//! validator reports rules by these ids, the SQL schema names its CHECK constraints
//! after them, the reconciliation query counts their mismatches under them, and
//! DATA_MODEL.md lists them, so a broken rule reads the same everywhere.

use crate::schema::Table;

/// Where a rule can also be checked by a database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sql {
    /// Not expressible in SQL constraints or a reconciliation count.
    None,
    /// A CHECK constraint of its table.
    Check(&'static str),
    /// A UNIQUE constraint of its table over these columns.
    Unique(&'static str),
    /// A query (`FROM ... WHERE ...` of its table) whose rows are the mismatches;
    /// RECONCILE counts them.
    Reconcile(&'static str),
}

pub struct RuleSpec {
    pub id: &'static str,
    /// The table the rule is about; `None` for rules of any table or file.
    pub table: Option<Table>,
    /// The rule in words, as DATA_MODEL.md states it.
    pub text: &'static str,
    pub sql: Sql,
}

macro_rules! rules {
    ($($rule:ident => ($id:literal, $table:expr, $text:literal, $sql:expr),)*) => {
        /// Every rule of the data model.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($rule,)*
        }

        impl Rule {
            pub const ALL: &[Rule] = &[$(Rule::$rule,)*];

            pub fn spec(self) -> &'static RuleSpec {
                match self {
                    $(Rule::$rule => &RuleSpec {
                        id: $id,
                        table: $table,
                        text: $text,
                        sql: $sql,
                    },)*
                }
            }
        }
    };
}

use Sql::{Check, Reconcile, Unique};
use Table as T;

rules! {
    // Files and values, whatever the table.
    FormatFile => ("format: file", None, "Each file parses as its format (CSV, JSON, JSON Lines, XML, Parquet, SQLite).", Sql::None),
    FormatFields => ("format: fields", None, "A file holds exactly its table's fields: none missing, unknown or twice (a CSV header may list them in any order).", Sql::None),
    FormatJsonType => ("format: json type", None, "JSON values have their field's type: strings for text, money, ids and timestamps; numbers for integers; booleans.", Sql::None),
    FormatRequired => ("format: required", None, "A field that is not nullable has a value.", Sql::None),
    FormatUuid => ("format: uuid", None, "Ids are lowercase hyphenated UUIDs.", Sql::None),
    FormatText => ("format: text", None, "Required text is not blank: a value of only spaces is no value.", Sql::None),
    FormatInteger => ("format: integer", None, "Integers are whole numbers.", Sql::None),
    FormatBoolean => ("format: boolean", None, "Booleans are true or false.", Sql::None),
    FormatMoney => ("format: money", None, "Money is a decimal string with exactly two places.", Sql::None),
    FormatTimestamp => ("format: timestamp", None, "Timestamps are YYYY-MM-DDTHH:MM:SS, a real moment, no zone.", Sql::None),
    FormatDate => ("format: date", None, "Dates are YYYY-MM-DD, a real day.", Sql::None),
    FormatEnum => ("format: enum", None, "An enumerated field holds one of its values.", Sql::None),
    FormatColumnType => ("format: column type", None, "A Parquet column holds its field's kind of value (text for text and ids, integers, booleans, decimals with two places for money, timestamps without a zone, dates), and so does each SQLite value (TEXT, INTEGER, 0 or 1 for booleans, a number for money).", Sql::None),
    FormatRange => ("format: range", None, "A number lies in its field's range: 0 or more unless the schema gives another (a category level of 1 to 3, an item's unit_price above 0); the ranges invariants 3 to 9 state are reported under their own rules.", Sql::None),
    ManifestFile => ("manifest: file", None, "Every file manifest.json lists exists.", Sql::None),
    SchemaUnique => ("schema: unique", None, "A field the schema marks unique holds no value twice.", Sql::None),
    // 1: keys.
    PrimaryKey => ("1 primary key", None, "Every primary key is unique.", Sql::None),
    ForeignKey => ("1 foreign key", None, "Every foreign key resolves to a row of the same run; it is empty only where the field may be.", Sql::None),
    // 2: users.
    UsersUnique => ("2 users: unique", Some(T::Users), "email and username are unique.", Sql::None),
    UsersUpdatedAt => ("2 users: updated_at", Some(T::Users), "created_at <= updated_at.", Check("updated_at >= created_at")),
    UsersClosedAt => ("2 users: closed_at", Some(T::Users), "closed_at is set exactly for accounts that are not active, at or after created_at, and no order is placed after it.", Check("(closed_at IS NULL) = is_active AND (closed_at IS NULL OR closed_at >= created_at)")),
    // 3: categories and products.
    CategoriesTree => ("3 categories: tree", Some(T::Categories), "Categories form a tree: no category is its own ancestor.", Sql::None),
    ProductsSku => ("3 products: sku", Some(T::Products), "sku is unique.", Sql::None),
    ProductsPrice => ("3 products: price", Some(T::Products), "price > 0.", Sql::None),
    ProductsDiscontinued => ("3 products: discontinued_at", Some(T::Products), "A product is active exactly when it has no discontinued_at, and no order placed on or after that day holds it.", Check("(discontinued_at IS NULL) = is_active")),
    // 4: inventory.
    InventoryPair => ("4 inventory: pair", Some(T::Inventory), "(product_id, warehouse_id) is unique.", Unique("product_id, warehouse_id")),
    InventoryQuantity => ("4 inventory: quantity_on_hand", Some(T::Inventory), "quantity_on_hand >= 0.", Sql::None),
    // 5: orders.
    OrdersCreatedAt => ("5 orders: created_at", Some(T::Orders), "An order is placed at or after its user's created_at.", Sql::None),
    OrdersItems => ("5 orders: items", Some(T::Orders), "Every order has at least one item.", Sql::None),
    OrdersQuantity => ("5 orders: quantity", Some(T::OrderItems), "An item's quantity >= 1.", Sql::None),
    OrdersUnitPrice => ("5 orders: unit_price", Some(T::OrderItems), "An item's unit_price is its product's price (a discount is the order's own field).", Sql::None),
    OrdersItemTotal => ("5 orders: item total", Some(T::OrderItems), "An item's total = unit_price x quantity.", Check("ABS(total - unit_price * quantity) < 0.005")),
    OrdersSubtotal => ("5 orders: subtotal", Some(T::Orders), "subtotal = the sum of the order's item totals.", Reconcile("orders o WHERE ABS(o.subtotal - (SELECT SUM(i.total) FROM order_items i WHERE i.order_id = o.order_id)) > 0.005")),
    OrdersTotal => ("5 orders: total", Some(T::Orders), "total = subtotal + tax + shipping_cost - discount, to the cent.", Check("ABS(total - (subtotal + tax + shipping_cost - discount)) < 0.005")),
    OrdersPromotion => ("5 orders: promotion", Some(T::Orders), "discount <= subtotal, and is 0.00 without a promotion; an order's promotion ran on the day it was placed, a code for one product is used with that product, and a free_shipping code leaves discount and shipping_cost at 0.00.", Check("discount <= subtotal AND (promotion_id IS NOT NULL OR discount = 0)")),
    // 6: payments.
    PaymentsMissing => ("6 payments: missing", Some(T::Payments), "Every order has payment rows.", Sql::None),
    PaymentsCompleted => ("6 payments: completed", Some(T::Payments), "The completed rows of a processing, shipped, delivered or returned order sum to its total.", Reconcile("orders o WHERE o.status IN ('processing', 'shipped', 'delivered', 'returned') AND ABS(o.total - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.order_id = o.order_id AND p.status = 'completed'), 0)) > 0.005")),
    PaymentsPending => ("6 payments: pending", Some(T::Payments), "A pending order has a pending row and no completed one.", Sql::None),
    PaymentsCancelled => ("6 payments: cancelled", Some(T::Payments), "A cancelled order has no completed and no refunded row.", Sql::None),
    PaymentsPaidAt => ("6 payments: paid_at", Some(T::Payments), "paid_at is set exactly for completed and refunded rows, at or after the order's created_at.", Check("(status IN ('completed', 'refunded')) = (paid_at IS NOT NULL)")),
    PaymentsRefund => ("6 payments: refund", Some(T::Payments), "A refund row has a positive amount.", Sql::None),
    PaymentsRefunds => ("6 payments: refunds", Some(T::Payments), "The refunded rows of an order sum to the refund_amount of its refunded returns, each paid at or after that return's requested_at.", Reconcile("orders o WHERE ABS(COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.order_id = o.order_id AND p.status = 'refunded'), 0) - COALESCE((SELECT SUM(r.refund_amount) FROM returns r WHERE r.order_id = o.order_id AND r.status = 'refunded'), 0)) > 0.005")),
    // 7: shipping.
    ShippingOnePerOrder => ("7 shipping: one per order", Some(T::Shipping), "Exactly one shipment for each shipped, delivered or returned order, none for the others.", Unique("order_id")),
    ShippingShippedAt => ("7 shipping: shipped_at", Some(T::Shipping), "An order's created_at <= its shipped_at.", Sql::None),
    ShippingDeliveredAt => ("7 shipping: delivered_at", Some(T::Shipping), "delivered_at is set exactly for delivered and returned orders, and shipped_at <= delivered_at.", Check("delivered_at IS NULL OR delivered_at >= shipped_at")),
    ShippingStatus => ("7 shipping: status", Some(T::Shipping), "A shipment is delivered exactly when delivered_at is set.", Check("(status = 'delivered') = (delivered_at IS NOT NULL)")),
    // 8: returns.
    ReturnsMissing => ("8 returns: missing", Some(T::Returns), "Every returned order has at least one return.", Sql::None),
    ReturnsOrder => ("8 returns: order", Some(T::Returns), "Returns are only for items of returned orders.", Sql::None),
    ReturnsItem => ("8 returns: item", Some(T::Returns), "A return names an item of its order, and that item's product.", Sql::None),
    ReturnsOnePerItem => ("8 returns: one per item", Some(T::Returns), "At most one return per order item.", Unique("order_item_id")),
    ReturnsUser => ("8 returns: user", Some(T::Returns), "A return's user_id is its order's user.", Sql::None),
    ReturnsRequestedAt => ("8 returns: requested_at", Some(T::Returns), "requested_at >= the order's delivered_at; resolved_at, when set, >= requested_at.", Check("resolved_at IS NULL OR resolved_at >= requested_at")),
    ReturnsRefundAmount => ("8 returns: refund_amount", Some(T::Returns), "0 < refund_amount <= the item's total.", Sql::None),
    // 9: reviews.
    ReviewsPurchase => ("9 reviews: purchase", Some(T::Reviews), "The reviewer bought the product in that order.", Sql::None),
    ReviewsDelivery => ("9 reviews: delivery", Some(T::Reviews), "The order was delivered at or before the review's created_at.", Sql::None),
    ReviewsRating => ("9 reviews: rating", Some(T::Reviews), "rating is 1 to 5.", Sql::None),
    ReviewsOnePerPurchase => ("9 reviews: one per purchase", Some(T::Reviews), "A product bought in an order is reviewed at most once.", Unique("order_id, product_id")),
    // 10: support tickets.
    TicketsOrder => ("10 support_tickets: order", Some(T::SupportTickets), "An order a ticket names belongs to the ticket's user and was placed at or before the ticket.", Sql::None),
    TicketsResolvedAt => ("10 support_tickets: resolved_at", Some(T::SupportTickets), "resolved_at, when set, >= created_at.", Check("resolved_at IS NULL OR resolved_at >= created_at")),
    // 11: promotions.
    PromotionsCode => ("11 promotions: code", Some(T::Promotions), "code is unique.", Sql::None),
    PromotionsDates => ("11 promotions: dates", Some(T::Promotions), "start_date <= end_date.", Check("start_date <= end_date")),
    PromotionsWindow => ("11 promotions: window", Some(T::Promotions), "A promotion overlaps the window.", Sql::None),
    PromotionsDiscount => ("11 promotions: discount", Some(T::Promotions), "discount_value of a percentage is a whole number 1..90 and of a fixed amount money > 0; free_shipping has none.", Check("CASE discount_type WHEN 'percentage' THEN discount_value IS NOT NULL AND discount_value NOT LIKE '%.%' AND CAST(discount_value AS NUMERIC(12,2)) BETWEEN 1 AND 90 WHEN 'fixed' THEN discount_value IS NOT NULL AND CAST(discount_value AS NUMERIC(12,2)) > 0 WHEN 'free_shipping' THEN discount_value IS NULL ELSE FALSE END")),
    PromotionsTarget => ("11 promotions: target", Some(T::Promotions), "At most one of product_id and category_id is set; neither for a code on the whole order.", Check("product_id IS NULL OR category_id IS NULL")),
    // 12: wishlists.
    WishlistsPair => ("12 wishlists: pair", Some(T::Wishlists), "(user_id, product_id) is unique.", Unique("user_id, product_id")),
    WishlistsAddedAt => ("12 wishlists: added_at", Some(T::Wishlists), "added_at >= the user's created_at.", Sql::None),
    // 13: analytics.
    UserAnalyticsOneRow => ("13 user_analytics: one row per user", Some(T::UserAnalytics), "One row per user.", Sql::None),
    UserAnalyticsTotalOrders => ("13 user_analytics: total_orders", Some(T::UserAnalytics), "total_orders = the user's counted (not cancelled) orders.", Reconcile("user_analytics a WHERE a.total_orders <> (SELECT COUNT(*) FROM orders o WHERE o.user_id = a.user_id AND o.status <> 'cancelled')")),
    UserAnalyticsTotalSpent => ("13 user_analytics: total_spent", Some(T::UserAnalytics), "total_spent = the sum of the counted orders' total.", Reconcile("user_analytics a WHERE ABS(a.total_spent - COALESCE((SELECT SUM(o.total) FROM orders o WHERE o.user_id = a.user_id AND o.status <> 'cancelled'), 0)) > 0.005")),
    UserAnalyticsAverage => ("13 user_analytics: average_order_value", Some(T::UserAnalytics), "average_order_value = total_spent / total_orders, half-up; 0.00 without orders.", Sql::None),
    UserAnalyticsFirstOrder => ("13 user_analytics: first_order_at", Some(T::UserAnalytics), "first_order_at is the earliest counted order; empty without one.", Check("(total_orders = 0) = (first_order_at IS NULL)")),
    UserAnalyticsLastOrder => ("13 user_analytics: last_order_at", Some(T::UserAnalytics), "last_order_at is the latest counted order; empty without one.", Check("first_order_at IS NULL OR first_order_at <= last_order_at")),
    UserAnalyticsTotalReviews => ("13 user_analytics: total_reviews", Some(T::UserAnalytics), "total_reviews = the user's reviews.", Reconcile("user_analytics a WHERE a.total_reviews <> (SELECT COUNT(*) FROM reviews r WHERE r.user_id = a.user_id)")),
    ProductAnalyticsOneRow => ("13 product_analytics: one row per product", Some(T::ProductAnalytics), "One row per product.", Sql::None),
    ProductAnalyticsUnits => ("13 product_analytics: units_sold", Some(T::ProductAnalytics), "units_sold = the quantity of the product's items in counted orders.", Reconcile("product_analytics p WHERE p.units_sold <> COALESCE((SELECT SUM(i.quantity) FROM order_items i JOIN orders o ON o.order_id = i.order_id WHERE i.product_id = p.product_id AND o.status <> 'cancelled'), 0)")),
    ProductAnalyticsRevenue => ("13 product_analytics: revenue", Some(T::ProductAnalytics), "revenue = the total of the product's items in counted orders.", Reconcile("product_analytics p WHERE ABS(p.revenue - COALESCE((SELECT SUM(i.total) FROM order_items i JOIN orders o ON o.order_id = i.order_id WHERE i.product_id = p.product_id AND o.status <> 'cancelled'), 0)) > 0.005")),
    ProductAnalyticsReviews => ("13 product_analytics: review_count", Some(T::ProductAnalytics), "review_count = the product's reviews.", Reconcile("product_analytics p WHERE p.review_count <> (SELECT COUNT(*) FROM reviews r WHERE r.product_id = p.product_id)")),
    ProductAnalyticsRating => ("13 product_analytics: average_rating", Some(T::ProductAnalytics), "average_rating = the mean rating, half-up to two places; empty without reviews.", Check("(review_count = 0) = (average_rating IS NULL)")),
    ProductAnalyticsReturns => ("13 product_analytics: return_count", Some(T::ProductAnalytics), "return_count = the product's return rows.", Reconcile("product_analytics p WHERE p.return_count <> (SELECT COUNT(*) FROM returns r WHERE r.product_id = p.product_id)")),
    // 14: the window.
    Window => ("14 window", None, "Every activity timestamp lies inside the window, but accounts are older: a user's created_at, updated_at and closed_at lie between the day the shop opened and the window's end.", Sql::None),
    // 16: notifications.
    NotificationsOrder => ("16 notifications: order", Some(T::Notifications), "An order a notification names belongs to its user.", Sql::None),
    NotificationsEvent => ("16 notifications: event", Some(T::Notifications), "An order notification follows the event it announces.", Sql::None),
    NotificationsCreatedAt => ("16 notifications: created_at", Some(T::Notifications), "A notification is sent at or after its user's created_at.", Sql::None),
    NotificationsReadAt => ("16 notifications: read_at", Some(T::Notifications), "read_at, when set, >= created_at.", Check("read_at IS NULL OR read_at >= created_at")),
    NotificationsConfirmation => ("16 notifications: confirmation", Some(T::Notifications), "Every order is confirmed by exactly one order_confirmed notification.", Sql::None),
}

impl Rule {
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// The rules of one table, in declaration order.
    pub fn of(table: Table) -> impl Iterator<Item = Rule> {
        Rule::ALL
            .iter()
            .copied()
            .filter(move |r| r.spec().table == Some(table))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_distinct_and_well_formed() {
        for (i, rule) in Rule::ALL.iter().enumerate() {
            let spec = rule.spec();
            assert_eq!(Rule::from_id(spec.id), Some(*rule), "{} twice", spec.id);
            assert!(spec.text.ends_with('.'), "{}", spec.id);
            assert!(Rule::ALL[..i].iter().all(|r| r.id() != spec.id));
            if let Some(table) = spec.table {
                let prefix = spec.id.split(':').next().unwrap();
                let named = prefix.split(' ').next_back().unwrap();
                let own = table.name();
                // Item rules are invariant 5's, about orders.
                assert!(
                    named == own || (own == "order_items" && named == "orders"),
                    "{}",
                    spec.id
                );
            }
            if matches!(spec.sql, Sql::Check(_) | Sql::Unique(_) | Sql::Reconcile(_)) {
                assert!(
                    spec.table.is_some(),
                    "{} checks in SQL without a table",
                    spec.id
                );
            }
        }
    }
}
