//! The API's endpoints: one path per table, the paths of the service ecomgen began as
//! (`/api/v1/support-tickets`, `/api/v1/analytics/users`), and the formats each can
//! answer in. Everything else about an endpoint (fields, docs) comes from the registry.

use crate::output::Format;
use crate::schema::{Table, TableSpec};

/// One page endpoint: the rows of one table.
pub struct Endpoint {
    pub path: &'static str,
    pub table: Table,
}

/// Every table once, in the order the documentation lists them.
pub static ENDPOINTS: [Endpoint; Table::COUNT] = [
    endpoint("/api/v1/users", Table::Users),
    endpoint("/api/v1/categories", Table::Categories),
    endpoint("/api/v1/vendors", Table::Vendors),
    endpoint("/api/v1/warehouses", Table::Warehouses),
    endpoint("/api/v1/products", Table::Products),
    endpoint("/api/v1/inventory", Table::Inventory),
    endpoint("/api/v1/promotions", Table::Promotions),
    endpoint("/api/v1/orders", Table::Orders),
    endpoint("/api/v1/order-items", Table::OrderItems),
    endpoint("/api/v1/payments", Table::Payments),
    endpoint("/api/v1/shipping", Table::Shipping),
    endpoint("/api/v1/returns", Table::Returns),
    endpoint("/api/v1/reviews", Table::Reviews),
    endpoint("/api/v1/support-tickets", Table::SupportTickets),
    endpoint("/api/v1/wishlists", Table::Wishlists),
    endpoint("/api/v1/notifications", Table::Notifications),
    endpoint("/api/v1/analytics/users", Table::UserAnalytics),
    endpoint("/api/v1/analytics/products", Table::ProductAnalytics),
];

const fn endpoint(path: &'static str, table: Table) -> Endpoint {
    Endpoint { path, table }
}

/// The formats a page can be written in: those that stream as text.
const TEXT_FORMATS: &[Format] = &[Format::Json, Format::Jsonl, Format::Csv, Format::Xml];

/// A child table (order items) is a file of its own only in flat formats: tree formats
/// nest it in its parent's rows, so it has no JSON or XML file a page could match.
const FLAT_FORMATS: &[Format] = &[Format::Csv];

impl Endpoint {
    pub fn find(path: &str) -> Option<&'static Endpoint> {
        ENDPOINTS.iter().find(|e| e.path == path)
    }

    pub fn spec(&self) -> &'static TableSpec {
        self.table.spec()
    }

    /// Whether the table nests in its parent's rows (order items in orders).
    pub fn is_child(&self) -> bool {
        self.spec().nesting.is_some()
    }

    pub fn formats(&self) -> &'static [Format] {
        if self.is_child() {
            FLAT_FORMATS
        } else {
            TEXT_FORMATS
        }
    }

    /// What the endpoint serves, in one line.
    pub fn doc(&self) -> String {
        let entity = self.table.entity().spec();
        match self.spec().nesting {
            None => entity.doc.to_string(),
            Some(nesting) => format!(
                "The {} of {}, one row each, as in {}.csv; JSON, JSON Lines and XML nest them in {} under `{}`.",
                self.spec().name.replace('_', " "),
                entity.name,
                self.spec().name,
                entity.name,
                nesting.wrapper
            ),
        }
    }

    /// A short name for links and operation ids: the path after `/api/v1/`.
    pub fn name(&self) -> &'static str {
        self.path.trim_start_matches("/api/v1/")
    }
}

/// The media type a page of `format` is sent as.
pub fn content_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Jsonl => "application/x-ndjson",
        Format::Csv => "text/csv; charset=utf-8",
        Format::Xml => "application/xml",
        // Not served (see `TEXT_FORMATS`); named for completeness of the match.
        Format::Sql | Format::Parquet | Format::Sqlite => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_exactly_one_endpoint() {
        for table in Table::ALL {
            let n = ENDPOINTS.iter().filter(|e| e.table == table).count();
            assert_eq!(n, 1, "{}", table.name());
        }
        for e in &ENDPOINTS {
            assert_eq!(Endpoint::find(e.path).map(|f| f.table), Some(e.table));
            assert!(!e.formats().is_empty() && !e.doc().is_empty());
        }
        assert_eq!(
            Endpoint::find("/api/v1/support-tickets").map(|e| e.table),
            Some(Table::SupportTickets)
        );
        assert_eq!(
            Endpoint::find("/api/v1/order-items").unwrap().formats(),
            [Format::Csv]
        );
    }
}
