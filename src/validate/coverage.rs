//! What a dataset without some of its tables leaves unchecked. A run of a few
//! entities (`--entities orders`) is valid on its own terms, but its keys point into
//! tables it does not hold and some rules read those tables: validate says which, so
//! "no violation" is never taken for "every invariant holds".

use super::read::Dataset;
use crate::rules::Rule;
use crate::schema::{Entity, Key, Table};

/// The checks a dataset's absent tables kept from running.
#[derive(Debug, Default)]
pub struct Gaps {
    /// Entities with no file: their rows are not checked at all.
    pub absent: Vec<&'static str>,
    /// Foreign keys into a table that was not read: one naming no row goes unseen.
    pub keys: Vec<UncheckedKey>,
    /// Rules of a table that was read, checked only in part or not at all for want
    /// of the tables listed with them.
    pub rules: Vec<(Rule, Vec<&'static str>)>,
}

#[derive(Debug)]
pub struct UncheckedKey {
    pub table: &'static str,
    pub field: &'static str,
    pub target: &'static str,
}

impl Gaps {
    pub fn is_empty(&self) -> bool {
        self.absent.is_empty() && self.keys.is_empty() && self.rules.is_empty()
    }
}

pub fn gaps(data: &Dataset) -> Gaps {
    let read = |table: Table| data.table(table).is_some();
    let absent = Entity::ALL
        .into_iter()
        .filter(|e| !read(e.table().table))
        .map(Entity::name)
        .collect();
    let mut keys = Vec::new();
    for rows in data.tables() {
        for field in rows.fields() {
            if let Key::Foreign(target) = field.key
                && !read(target)
            {
                keys.push(UncheckedKey {
                    table: rows.name(),
                    field: field.name,
                    target: target.name(),
                });
            }
        }
    }
    let rules = Rule::ALL
        .iter()
        .filter(|rule| rule.spec().table.is_some_and(read))
        .filter_map(|&rule| {
            let missing: Vec<&'static str> = reads(rule)
                .iter()
                .filter(|t| !read(**t))
                .map(|t| t.name())
                .collect();
            (!missing.is_empty()).then_some((rule, missing))
        })
        .collect();
    Gaps {
        absent,
        keys,
        rules,
    }
}

/// The tables a rule reads besides its own, as its check in `rules/` does.
fn reads(rule: Rule) -> &'static [Table] {
    use Rule::*;
    use Table as T;
    match rule {
        FormatFile | FormatFields | FormatJsonType | FormatRequired | FormatUuid | FormatText
        | FormatInteger | FormatBoolean | FormatMoney | FormatTimestamp | FormatDate
        | FormatEnum | FormatColumnType | FormatRange | ManifestFile | SchemaUnique
        | PrimaryKey | ForeignKey | Window => &[],
        UsersUnique | UsersUpdatedAt | CategoriesTree | ProductsSku | ProductsPrice
        | InventoryPair | InventoryQuantity => &[],
        OrdersCreatedAt => &[T::Users],
        UsersClosedAt => &[T::Orders],
        ProductsDiscontinued => &[T::Orders, T::OrderItems],
        OrdersPromotion => &[T::Promotions, T::OrderItems],
        OrdersItems | OrdersSubtotal => &[T::OrderItems],
        OrdersQuantity | OrdersItemTotal | OrdersTotal => &[],
        OrdersUnitPrice => &[T::Products],
        PaymentsMissing | PaymentsCompleted | PaymentsPending | PaymentsCancelled
        | PaymentsPaidAt => &[T::Orders],
        PaymentsRefund => &[],
        PaymentsRefunds => &[T::Orders, T::Returns],
        ShippingOnePerOrder | ShippingShippedAt | ShippingDeliveredAt => &[T::Orders],
        ShippingStatus => &[],
        ReturnsMissing | ReturnsOrder | ReturnsUser => &[T::Orders],
        ReturnsItem | ReturnsRefundAmount => &[T::OrderItems],
        ReturnsOnePerItem => &[],
        ReturnsRequestedAt => &[T::Orders, T::Shipping],
        ReviewsPurchase => &[T::Orders, T::OrderItems],
        ReviewsDelivery => &[T::Orders, T::Shipping],
        ReviewsRating | ReviewsOnePerPurchase => &[],
        TicketsOrder => &[T::Orders],
        TicketsResolvedAt => &[],
        PromotionsCode | PromotionsDates | PromotionsWindow | PromotionsDiscount
        | PromotionsTarget => &[],
        WishlistsPair => &[],
        WishlistsAddedAt => &[T::Users],
        UserAnalyticsOneRow => &[T::Users],
        UserAnalyticsTotalOrders
        | UserAnalyticsTotalSpent
        | UserAnalyticsAverage
        | UserAnalyticsFirstOrder
        | UserAnalyticsLastOrder => &[T::Orders],
        UserAnalyticsTotalReviews => &[T::Reviews],
        ProductAnalyticsOneRow => &[T::Products],
        ProductAnalyticsUnits | ProductAnalyticsRevenue => &[T::Orders, T::OrderItems],
        ProductAnalyticsReviews | ProductAnalyticsRating => &[T::Reviews],
        ProductAnalyticsReturns => &[T::Returns],
        NotificationsOrder | NotificationsConfirmation => &[T::Orders],
        NotificationsEvent => &[T::Orders, T::Shipping, T::Returns],
        NotificationsCreatedAt => &[T::Users],
        NotificationsReadAt => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_reads_other_tables_than_its_own() {
        for &rule in Rule::ALL {
            let own = rule.spec().table;
            assert!(
                reads(rule).iter().all(|t| Some(*t) != own),
                "{} reads its own table",
                rule.id()
            );
            assert!(
                own.is_some() || reads(rule).is_empty(),
                "{} has no table of its own, so no gap is reported for it",
                rule.id()
            );
        }
    }
}
