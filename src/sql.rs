//! SQL for the databases users load data into: DDL for PostgreSQL, SQLite and DuckDB
//! built from the schema tables, with the keys, uniqueness and checks the data model
//! states where SQL can state them, and the encoding of rows as COPY data or INSERTs.

use crate::generate::Entity;
use crate::generate::orders::ITEMS_FILE;
use crate::schema::{Field, FieldType, FileSpec, Key};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// PostgreSQL (data as COPY blocks that `psql -f` runs).
    #[default]
    Postgres,
    /// SQLite (data as INSERTs, one transaction per table, for the sqlite3 shell).
    Sqlite,
    /// DuckDB (data as INSERTs, one transaction per table, for the duckdb shell).
    Duckdb,
}

impl Dialect {
    /// The database's own name, as SQL comments name it.
    pub fn product_name(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL",
            Dialect::Sqlite => "SQLite",
            Dialect::Duckdb => "DuckDB",
        }
    }
}

/// Tables in load order: parents first, order items right after orders.
pub fn tables() -> Vec<FileSpec> {
    let mut tables = Vec::new();
    for entity in crate::generate::plan::dependency_order() {
        tables.push(FileSpec {
            name: entity.name(),
            row_tag: entity.row_tag(),
            fields: entity.fields(),
        });
        if entity == Entity::Orders {
            tables.push(ITEMS_FILE);
        }
    }
    tables
}

fn column_type(ty: FieldType, dialect: Dialect) -> &'static str {
    use Dialect::*;
    use FieldType as F;
    match (ty, dialect) {
        (F::Uuid, Postgres | Duckdb) => "UUID",
        (F::Uuid | F::Text, _) => "TEXT",
        (F::Integer, Sqlite) => "INTEGER",
        (F::Integer, _) => "BIGINT",
        (F::Boolean, Sqlite) => "INTEGER",
        (F::Boolean, _) => "BOOLEAN",
        (F::Money, Duckdb) => "DECIMAL(12,2)",
        (F::Money, _) => "NUMERIC(12,2)",
        // SQLite has no date type; ISO text sorts and compares correctly.
        (F::Timestamp | F::Date, Sqlite) => "TEXT",
        (F::Timestamp, _) => "TIMESTAMP",
        (F::Date, _) => "DATE",
    }
}

/// Checks of single columns.
fn column_check(table: &str, field: &Field) -> Option<String> {
    let name = field.name;
    let check = match (table, name) {
        ("reviews", "rating") => "rating BETWEEN 1 AND 5".to_string(),
        ("order_items", "quantity") => "quantity >= 1".to_string(),
        ("products", "price") | ("order_items", "unit_price") => format!("{name} > 0"),
        ("returns", "refund_amount") => "refund_amount > 0".to_string(),
        ("categories", "level") => "level BETWEEN 1 AND 3".to_string(),
        _ if field.ty == FieldType::Money || field.ty == FieldType::Integer => {
            format!("{name} >= 0")
        }
        _ if !field.values.is_empty() => {
            let list: Vec<String> = field.values.iter().map(|v| format!("'{v}'")).collect();
            format!("{name} IN ({})", list.join(", "))
        }
        _ => return None,
    };
    Some(check)
}

/// Constraints across columns of one table.
fn table_constraints(table: &str) -> &'static [&'static str] {
    match table {
        "users" => &["CHECK (updated_at >= created_at)"],
        "inventory" => &["UNIQUE (product_id, warehouse_id)"],
        "promotions" => &[
            "CHECK (start_date <= end_date)",
            "CHECK ((product_id IS NULL) <> (category_id IS NULL))",
            // CASE, not OR: a database may evaluate both sides of OR.
            "CHECK (CASE discount_type \
             WHEN 'percentage' THEN discount_value NOT LIKE '%.%' AND CAST(discount_value AS NUMERIC(12,2)) BETWEEN 1 AND 90 \
             WHEN 'fixed' THEN CAST(discount_value AS NUMERIC(12,2)) > 0 ELSE FALSE END)",
        ],
        // Within half a cent rather than equal: SQLite does this arithmetic in floating
        // point; NUMERIC databases see an exact zero.
        "orders" => &["CHECK (ABS(total - (subtotal + tax + shipping_cost - discount)) < 0.005)"],
        "order_items" => &["CHECK (ABS(total - unit_price * quantity) < 0.005)"],
        "payments" => &["CHECK ((status IN ('completed', 'refunded')) = (paid_at IS NOT NULL))"],
        "shipping" => &[
            "UNIQUE (order_id)",
            "CHECK (delivered_at IS NULL OR delivered_at >= shipped_at)",
            "CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))",
        ],
        "returns" => &[
            "UNIQUE (order_item_id)",
            "CHECK (resolved_at IS NULL OR resolved_at >= requested_at)",
        ],
        "support_tickets" => &["CHECK (resolved_at IS NULL OR resolved_at >= created_at)"],
        "wishlists" => &["UNIQUE (user_id, product_id)"],
        "notifications" => &["CHECK (read_at IS NULL OR read_at >= created_at)"],
        "user_analytics" => &[
            "CHECK ((total_orders = 0) = (first_order_at IS NULL))",
            "CHECK (first_order_at IS NULL OR first_order_at <= last_order_at)",
        ],
        "product_analytics" => &[
            "CHECK ((review_count = 0) = (average_rating IS NULL))",
            "CHECK (average_rating IS NULL OR average_rating BETWEEN 1 AND 5)",
        ],
        _ => &[],
    }
}

/// The table and column a foreign key points to.
fn references(table: &str, field: &Field) -> Option<(&'static str, &'static str)> {
    if table == "returns" && field.name == "order_item_id" {
        return Some(("order_items", "order_item_id"));
    }
    match field.key {
        Key::Foreign(to) => Some((to.name(), to.fields()[0].name)),
        _ => None,
    }
}

/// `CREATE TABLE` statements for every table, in load order.
pub fn ddl(dialect: Dialect) -> String {
    ddl_of(dialect, None)
}

/// The DDL of one entity's tables (orders come with their items), or of every table.
pub fn ddl_of(dialect: Dialect, only: Option<Entity>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "-- ecomgen {} schema ({})",
        env!("CARGO_PKG_VERSION"),
        dialect.product_name()
    );
    if dialect == Dialect::Sqlite {
        out.push_str("PRAGMA foreign_keys = ON;\n");
    }
    let wanted = |table: &FileSpec| match only {
        None => true,
        Some(Entity::Orders) => {
            table.name == Entity::Orders.name() || table.name == ITEMS_FILE.name
        }
        Some(entity) => table.name == entity.name(),
    };
    for table in tables().into_iter().filter(wanted) {
        let _ = writeln!(out, "\nCREATE TABLE {} (", table.name);
        let mut lines = Vec::new();
        for (i, field) in table.fields.iter().enumerate() {
            let mut line = format!("    {} {}", field.name, column_type(field.ty, dialect));
            // The first field is the key: its own id, or (analytics) the id it summarises.
            if i == 0 {
                line.push_str(" PRIMARY KEY");
            } else if !field.nullable {
                line.push_str(" NOT NULL");
            }
            if field.key == Key::Unique {
                line.push_str(" UNIQUE");
            }
            if let Some((to, column)) = references(table.name, field) {
                let _ = write!(line, " REFERENCES {to} ({column})");
            }
            if dialect == Dialect::Sqlite && field.ty == FieldType::Boolean {
                let _ = write!(line, " CHECK ({} IN (0, 1))", field.name);
            }
            if let Some(check) = column_check(table.name, field) {
                let _ = write!(line, " CHECK ({check})");
            }
            lines.push(line);
        }
        for constraint in table_constraints(table.name) {
            lines.push(format!("    {constraint}"));
        }
        out.push_str(&lines.join(",\n"));
        out.push_str("\n);\n");
    }
    out
}

/// What a data file holds before its first row.
pub fn prologue(dialect: Dialect, file: &FileSpec) -> String {
    let columns: Vec<&str> = file.fields.iter().map(|f| f.name).collect();
    match dialect {
        Dialect::Postgres => format!("COPY {} ({}) FROM stdin;\n", file.name, columns.join(", ")),
        Dialect::Sqlite | Dialect::Duckdb => "BEGIN;\n".to_string(),
    }
}

pub fn epilogue(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Postgres => "\\.\n",
        Dialect::Sqlite | Dialect::Duckdb => "COMMIT;\n",
    }
}

/// Appends one row: a line of COPY text, or an INSERT statement.
pub fn encode_row(dialect: Dialect, file: &FileSpec, row: &serde_json::Value, out: &mut Vec<u8>) {
    let value = |field: &Field| match row.get(field.name) {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(v),
    };
    match dialect {
        Dialect::Postgres => {
            for (i, field) in file.fields.iter().enumerate() {
                if i > 0 {
                    out.push(b'\t');
                }
                match value(field) {
                    None => out.extend_from_slice(b"\\N"),
                    Some(serde_json::Value::String(s)) => copy_escape(s, out),
                    Some(other) => out.extend_from_slice(other.to_string().as_bytes()),
                }
            }
            out.push(b'\n');
        }
        Dialect::Sqlite | Dialect::Duckdb => {
            let columns: Vec<&str> = file.fields.iter().map(|f| f.name).collect();
            let _ = write!(
                Bytes(out),
                "INSERT INTO {} ({}) VALUES (",
                file.name,
                columns.join(", ")
            );
            for (i, field) in file.fields.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b", ");
                }
                match value(field) {
                    None => out.extend_from_slice(b"NULL"),
                    Some(serde_json::Value::Bool(b)) => {
                        let text: &[u8] = match (dialect, b) {
                            (Dialect::Sqlite, true) => b"1",
                            (Dialect::Sqlite, false) => b"0",
                            (_, true) => b"TRUE",
                            (_, false) => b"FALSE",
                        };
                        out.extend_from_slice(text);
                    }
                    Some(serde_json::Value::String(s)) if field.ty == FieldType::Money => {
                        out.extend_from_slice(s.as_bytes())
                    }
                    Some(serde_json::Value::String(s)) => {
                        out.push(b'\'');
                        out.extend_from_slice(s.replace('\'', "''").as_bytes());
                        out.push(b'\'');
                    }
                    Some(other) => out.extend_from_slice(other.to_string().as_bytes()),
                }
            }
            out.extend_from_slice(b");\n");
        }
    }
}

/// COPY's text format: backslash escapes for the characters that end a field or row.
fn copy_escape(s: &str, out: &mut Vec<u8>) {
    for b in s.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

struct Bytes<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Bytes<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// A query that recomputes what SQL constraints cannot state (totals from items,
/// analytics from facts, payments from totals and refunds) and counts mismatches per
/// check: every count is 0 for data ecomgen wrote. Portable across the three dialects.
pub const RECONCILE: &str = "\
SELECT 'orders: subtotal = sum of items' AS name, COUNT(*) AS mismatches FROM orders o
 WHERE ABS(o.subtotal - (SELECT SUM(i.total) FROM order_items i WHERE i.order_id = o.order_id)) > 0.005
UNION ALL SELECT 'payments: completed = total', COUNT(*) FROM orders o
 WHERE o.status IN ('processing', 'shipped', 'delivered', 'returned')
   AND ABS(o.total - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.order_id = o.order_id AND p.status = 'completed'), 0)) > 0.005
UNION ALL SELECT 'payments: refunds = refunded returns', COUNT(*) FROM orders o
 WHERE ABS(COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.order_id = o.order_id AND p.status = 'refunded'), 0)
         - COALESCE((SELECT SUM(r.refund_amount) FROM returns r WHERE r.order_id = o.order_id AND r.status = 'refunded'), 0)) > 0.005
UNION ALL SELECT 'user_analytics: total_orders', COUNT(*) FROM user_analytics a
 WHERE a.total_orders <> (SELECT COUNT(*) FROM orders o WHERE o.user_id = a.user_id AND o.status <> 'cancelled')
UNION ALL SELECT 'user_analytics: total_spent', COUNT(*) FROM user_analytics a
 WHERE ABS(a.total_spent - COALESCE((SELECT SUM(o.total) FROM orders o WHERE o.user_id = a.user_id AND o.status <> 'cancelled'), 0)) > 0.005
UNION ALL SELECT 'user_analytics: total_reviews', COUNT(*) FROM user_analytics a
 WHERE a.total_reviews <> (SELECT COUNT(*) FROM reviews r WHERE r.user_id = a.user_id)
UNION ALL SELECT 'product_analytics: units_sold', COUNT(*) FROM product_analytics p
 WHERE p.units_sold <> COALESCE((SELECT SUM(i.quantity) FROM order_items i JOIN orders o ON o.order_id = i.order_id
                                 WHERE i.product_id = p.product_id AND o.status <> 'cancelled'), 0)
UNION ALL SELECT 'product_analytics: revenue', COUNT(*) FROM product_analytics p
 WHERE ABS(p.revenue - COALESCE((SELECT SUM(i.total) FROM order_items i JOIN orders o ON o.order_id = i.order_id
                                 WHERE i.product_id = p.product_id AND o.status <> 'cancelled'), 0)) > 0.005
UNION ALL SELECT 'product_analytics: review_count', COUNT(*) FROM product_analytics p
 WHERE p.review_count <> (SELECT COUNT(*) FROM reviews r WHERE r.product_id = p.product_id)
UNION ALL SELECT 'product_analytics: return_count', COUNT(*) FROM product_analytics p
 WHERE p.return_count <> (SELECT COUNT(*) FROM returns r WHERE r.product_id = p.product_id);
";

/// The script that creates the tables and loads every data file of a run, run from
/// the output directory: `psql -f load.sql`, `sqlite3 shop.db < load.sql`,
/// `duckdb shop.duckdb < load.sql`.
pub fn load_script(dialect: Dialect, files: &[String]) -> String {
    let mut out = String::new();
    match dialect {
        Dialect::Postgres => {
            out.push_str("\\set ON_ERROR_STOP on\n\\ir schema.sql\n");
            for file in files {
                let _ = writeln!(out, "\\ir {file}");
            }
        }
        Dialect::Sqlite | Dialect::Duckdb => {
            out.push_str(".bail on\n.read schema.sql\n");
            for file in files {
                let _ = writeln!(out, ".read {file}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_a_primary_key_and_resolvable_references() {
        let names: Vec<&str> = tables().iter().map(|t| t.name).collect();
        for dialect in [Dialect::Postgres, Dialect::Sqlite, Dialect::Duckdb] {
            let ddl = ddl(dialect);
            assert_eq!(
                ddl.matches("PRIMARY KEY").count(),
                names.len(),
                "{dialect:?}"
            );
            for line in ddl.lines().filter(|l| l.contains("REFERENCES")) {
                let to = line
                    .split("REFERENCES ")
                    .nth(1)
                    .unwrap()
                    .split(' ')
                    .next()
                    .unwrap();
                let at = names.iter().position(|n| *n == to).expect("a known table");
                let table = ddl[..ddl.find(line).unwrap()]
                    .rsplit("CREATE TABLE ")
                    .next()
                    .unwrap()
                    .split(' ')
                    .next()
                    .unwrap();
                let own = names.iter().position(|n| *n == table).unwrap();
                assert!(
                    at < own || to == table,
                    "{table} references {to}, created later"
                );
            }
        }
    }

    #[test]
    fn copy_text_escapes_field_and_row_ends() {
        let mut out = Vec::new();
        copy_escape("a\tb\\c\nd", &mut out);
        assert_eq!(out, b"a\\tb\\\\c\\nd");
    }

    #[test]
    fn inserts_quote_text_and_spell_nulls() {
        const FIELDS: &[Field] = &[
            Field::new("a", FieldType::Text, ""),
            Field::new("b", FieldType::Money, ""),
            Field::new("c", FieldType::Boolean, ""),
            Field::new("d", FieldType::Text, "").nullable(),
        ];
        let file = FileSpec {
            name: "t",
            row_tag: "t",
            fields: FIELDS,
        };
        let row = serde_json::json!({"a": "O'Brien", "b": "1.50", "c": true, "d": null});
        let mut out = Vec::new();
        encode_row(Dialect::Sqlite, &file, &row, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "INSERT INTO t (a, b, c, d) VALUES ('O''Brien', 1.50, 1, NULL);\n"
        );
    }
}
