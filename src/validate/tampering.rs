//! The validator against datasets generated in every format and then tampered with.

use super::*;
use crate::config::Config;
use crate::model::time::days_from_civil;
use crate::output::Format;
use crate::schema::Entity;
use serde_json::Value;
use std::path::Path;
use std::path::PathBuf;
use value::{money_text, parse_money};

/// A small full dataset: enough orders for returns, refunds and reviews to occur.
fn generate(format: Format) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().expect("a temporary directory");
    let dir = temp.path().join("data");
    let mut config = Config::new(11, &dir);
    config.format = format;
    for (entity, n) in [
        (Entity::Users, 150),
        (Entity::Categories, 12),
        (Entity::Vendors, 6),
        (Entity::Warehouses, 3),
        (Entity::Products, 80),
        (Entity::Inventory, 120),
        (Entity::Promotions, 12),
        (Entity::Orders, 500),
        (Entity::SupportTickets, 40),
        (Entity::Wishlists, 80),
        (Entity::Notifications, 80),
    ] {
        config.input.counts.set(entity, n);
    }
    crate::run(&config).expect("the dataset is generated");
    (temp, dir)
}

fn violations(dir: &Path) -> Vec<Violation> {
    validate_dir(dir, Window::default())
        .expect("the dataset is readable")
        .violations
}

fn listed(violations: &[Violation]) -> String {
    let lines: Vec<String> = violations.iter().take(20).map(|v| v.to_string()).collect();
    format!("{} violations:\n{}", violations.len(), lines.join("\n"))
}

fn rules(violations: &[Violation]) -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = violations.iter().map(|v| v.rule.id()).collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

fn assert_clean(format: Format) {
    let (_temp, dir) = generate(format);
    let report = validate_dir(&dir, Window::default()).expect("the dataset is readable");
    assert!(
        report.violations.is_empty(),
        "{format:?}: {}",
        listed(&report.violations)
    );
    assert_eq!(report.format, format);
    assert!(report.rows > 1_000, "{} rows", report.rows);
    let expected_files = if format == Format::Csv { 18 } else { 17 };
    assert_eq!(report.files, expected_files);
}

#[test]
fn generated_csv_holds_every_invariant() {
    assert_clean(Format::Csv);
}

#[test]
fn generated_json_holds_every_invariant() {
    assert_clean(Format::Json);
}

#[test]
fn generated_jsonl_holds_every_invariant() {
    assert_clean(Format::Jsonl);
}

#[test]
fn generated_xml_holds_every_invariant() {
    assert_clean(Format::Xml);
}

/// Rewrites a CSV file through the csv crate, so quoting stays right.
fn edit_csv(path: &Path, edit: impl FnOnce(&[String], &mut Vec<Vec<String>>)) {
    let mut reader = csv::Reader::from_path(path).expect("a CSV file");
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a record").iter().map(String::from).collect())
        .collect();
    edit(&header, &mut rows);
    let mut writer = csv::Writer::from_path(path).expect("writable");
    writer.write_record(&header).expect("written");
    for row in rows {
        writer.write_record(&row).expect("written");
    }
    writer.flush().expect("flushed");
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .expect("a known column")
}

fn cents(text: &str) -> i64 {
    parse_money(text).expect("money")
}

#[test]
fn a_changed_order_total_is_caught() {
    let (_temp, dir) = generate(Format::Csv);
    edit_csv(&dir.join("orders.csv"), |h, rows| {
        let total = column(h, "total");
        rows[0][total] = money_text(cents(&rows[0][total]) + 100);
    });
    let found = violations(&dir);
    assert!(
        found
            .iter()
            .any(|v| v.rule.id() == "5 orders: total" && v.entity == "orders" && v.row == Some(0)),
        "{}",
        listed(&found)
    );
}

#[test]
fn notifications_before_their_event_or_for_another_user_are_caught() {
    let (_temp, dir) = generate(Format::Csv);
    let (mut early, mut stolen, mut marketing) = (0, 0, 0);
    edit_csv(&dir.join("notifications.csv"), |h, rows| {
        let (user, order, kind, created) = (
            column(h, "user_id"),
            column(h, "order_id"),
            column(h, "kind"),
            column(h, "created_at"),
        );
        let mut about_orders = (0..rows.len()).filter(|&r| !rows[r][order].is_empty());
        early = about_orders.next().expect("an order notification");
        stolen = about_orders
            .find(|&r| rows[r][user] != rows[early][user])
            .expect("another user's order notification");
        marketing = (0..rows.len())
            .find(|&r| rows[r][order].is_empty())
            .expect("a marketing notification");
        rows[early][created] = "2023-01-01T00:00:00".to_string();
        rows[stolen][user] = rows[early][user].clone();
        rows[marketing][order] = rows[early][order].clone();
        rows[marketing][kind] = "promotion".to_string();
    });
    let found = violations(&dir);
    let at = |row: usize, rule: &str| {
        let row = row as u64;
        found
            .iter()
            .any(|v| v.entity == "notifications" && v.row == Some(row) && v.rule.id() == rule)
    };
    assert!(at(early, "16 notifications: event"), "{}", listed(&found));
    assert!(at(stolen, "16 notifications: order"), "{}", listed(&found));
    assert!(
        at(marketing, "16 notifications: order"),
        "{}",
        listed(&found)
    );
}

#[test]
fn a_repeated_email_is_caught() {
    let (_temp, dir) = generate(Format::Json);
    let path = dir.join("users.json");
    let mut users: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
    let first = users[0]["email"].clone();
    users[3]["email"] = first;
    std::fs::write(&path, serde_json::to_string(&users).expect("JSON")).expect("written");
    let found = violations(&dir);
    assert_eq!(rules(&found), ["2 users: unique"], "{}", listed(&found));
    assert_eq!(found[0].row, Some(3));
    // Records count from 1 in messages as in their location.
    assert!(
        found[0].message.ends_with("repeats record 1"),
        "{}",
        found[0]
    );
    assert!(found[0].to_string().starts_with("users record 4: "));
}

#[test]
fn a_rating_of_six_is_caught() {
    let (_temp, dir) = generate(Format::Xml);
    let path = dir.join("reviews.xml");
    let text = std::fs::read_to_string(&path).expect("readable");
    let start = text.find("<rating>").expect("a rating") + "<rating>".len();
    let end = start + text[start..].find("</rating>").expect("closed");
    let text = format!("{}6{}", &text[..start], &text[end..]);
    std::fs::write(&path, text).expect("written");
    let found = violations(&dir);
    assert!(
        found
            .iter()
            .any(|v| v.rule.id() == "9 reviews: rating" && v.row == Some(0)),
        "{}",
        listed(&found)
    );
    // The product's average no longer matches the reviews either.
    assert!(
        rules(&found)
            .iter()
            .all(|r| *r == "9 reviews: rating" || *r == "13 product_analytics: average_rating")
    );
}

#[test]
fn a_timestamp_outside_the_window_is_caught() {
    let (_temp, dir) = generate(Format::Jsonl);
    let path = dir.join("wishlists.jsonl");
    let text = std::fs::read_to_string(&path).expect("readable");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let mut row: Value = serde_json::from_str(&lines[0]).expect("JSON");
    row["added_at"] = Value::from("2024-01-01T00:00:00");
    lines[0] = row.to_string();
    std::fs::write(&path, lines.join("\n") + "\n").expect("written");
    let found = violations(&dir);
    assert_eq!(rules(&found), ["14 window"], "{}", listed(&found));
    assert_eq!((found[0].entity, found[0].row), ("wishlists", Some(0)));
    // The same file is fine in a window that takes in that day.
    let longer = Window::new(
        Date(days_from_civil(2023, 1, 1)),
        Date(days_from_civil(2024, 1, 1)),
    );
    let report = validate_dir(&dir, longer).expect("readable");
    assert!(
        report.violations.is_empty(),
        "{}",
        listed(&report.violations)
    );
}

#[test]
fn an_analytics_total_off_by_a_cent_is_caught() {
    let (_temp, dir) = generate(Format::Csv);
    let mut changed = None;
    edit_csv(&dir.join("user_analytics.csv"), |h, rows| {
        let (orders, spent) = (column(h, "total_orders"), column(h, "total_spent"));
        let row = rows
            .iter()
            .position(|r| r[orders] != "0")
            .expect("a user with orders");
        rows[row][spent] = money_text(cents(&rows[row][spent]) + 1);
        changed = Some(row as u64);
    });
    let found = violations(&dir);
    assert_eq!(
        rules(&found),
        ["13 user_analytics: total_spent"],
        "{}",
        listed(&found)
    );
    assert_eq!(found[0].row, changed);
}

#[test]
fn a_missing_payment_of_a_delivered_order_is_caught() {
    let (_temp, dir) = generate(Format::Csv);
    let mut order = (String::new(), 0);
    edit_csv(&dir.join("orders.csv"), |h, rows| {
        let (id, status) = (column(h, "order_id"), column(h, "status"));
        let row = rows
            .iter()
            .position(|r| r[status] == "delivered")
            .expect("a delivered order");
        order = (rows[row][id].clone(), row as u64);
    });
    edit_csv(&dir.join("payments.csv"), |h, rows| {
        let (id, status) = (column(h, "order_id"), column(h, "status"));
        let before = rows.len();
        rows.retain(|r| !(r[id] == order.0 && r[status] == "completed"));
        assert_eq!(rows.len() + 1, before);
    });
    let found = violations(&dir);
    assert!(!found.is_empty());
    for v in &found {
        assert!(
            matches!(v.rule.id(), "6 payments: missing" | "6 payments: completed"),
            "{}",
            listed(&found)
        );
        assert_eq!((v.entity, v.row), ("orders", Some(order.1)));
    }
}

#[test]
fn values_in_the_wrong_format_are_caught_once_each() {
    let (_temp, dir) = generate(Format::Csv);
    edit_csv(&dir.join("products.csv"), |h, rows| {
        rows[0][column(h, "price")] = "12.5".to_string();
        rows[1][column(h, "product_id")] = rows[1][column(h, "product_id")].to_uppercase();
        rows[2][column(h, "is_active")] = "yes".to_string();
    });
    edit_csv(&dir.join("payments.csv"), |h, rows| {
        rows[0][column(h, "status")] = "settled".to_string();
    });
    let found = violations(&dir);
    let has = |rule: &str, entity: &str, row: u64| {
        found
            .iter()
            .any(|v| v.rule.id() == rule && v.entity == entity && v.row == Some(row))
    };
    assert!(has("format: money", "products", 0), "{}", listed(&found));
    assert!(has("format: uuid", "products", 1), "{}", listed(&found));
    assert!(has("format: boolean", "products", 2), "{}", listed(&found));
    assert!(has("format: enum", "payments", 0), "{}", listed(&found));
    // A price that does not parse is reported once, not again by every check using it.
    let about_price: Vec<&Violation> = found
        .iter()
        .filter(|v| v.rule.id() == "format: money" || v.rule.id().contains("price"))
        .collect();
    assert_eq!(about_price.len(), 1, "{}", listed(&found));
}

#[test]
fn a_file_that_does_not_parse_is_a_violation_not_a_panic() {
    let (_temp, dir) = generate(Format::Json);
    let path = dir.join("orders.json");
    let text = std::fs::read_to_string(&path).expect("readable");
    std::fs::write(&path, &text[..text.len() / 2]).expect("written");
    let found = violations(&dir);
    assert_eq!(rules(&found), ["format: file"], "{}", listed(&found));
    assert_eq!(found[0].entity, "orders");
}

#[test]
fn a_subset_is_checked_without_its_missing_parents() {
    let temp = tempfile::tempdir().expect("a temporary directory");
    let mut config = Config::new(3, temp.path());
    config.format = Format::Xml;
    config.input.counts.set(Entity::Orders, 200);
    config.input.entities = vec![Entity::Orders, Entity::Payments];
    crate::run(&config).expect("the subset is generated");
    let report = validate_dir(temp.path(), Window::default()).expect("readable");
    assert!(
        report.violations.is_empty(),
        "{}",
        listed(&report.violations)
    );
    assert_eq!(report.files, 2);
}
