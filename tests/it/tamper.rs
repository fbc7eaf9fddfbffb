//! A tamper case for every rule of the data model: each takes a small generated
//! dataset, edits its files to break exactly one rule (with whatever consistent edits
//! keep every other rule whole), runs `ecomgen validate` and expects that rule and no
//! other. A rule no case can break alone is a rule the validator cannot enforce.

use crate::harness::*;
use ecomgen::model::Timestamp;
use ecomgen::rules::Rule;
use std::collections::BTreeSet;
use std::ops::Index;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The generated dataset a case starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    Csv,
    Json,
    Jsonl,
    Xml,
    #[cfg(feature = "parquet")]
    Parquet,
    #[cfg(feature = "sqlite")]
    Sqlite,
}

impl Base {
    const ALL: &[Base] = &[
        Base::Csv,
        Base::Json,
        Base::Jsonl,
        Base::Xml,
        #[cfg(feature = "parquet")]
        Base::Parquet,
        #[cfg(feature = "sqlite")]
        Base::Sqlite,
    ];

    fn name(self) -> &'static str {
        match self {
            Base::Csv => "csv",
            Base::Json => "json",
            Base::Jsonl => "jsonl",
            Base::Xml => "xml",
            #[cfg(feature = "parquet")]
            Base::Parquet => "parquet",
            #[cfg(feature = "sqlite")]
            Base::Sqlite => "sqlite",
        }
    }

    /// Generated once per test run: seed 7 of the small counts has cancelled,
    /// processing, shipped, delivered and returned orders, refunded and rejected
    /// returns, an unsold product, and notifications of every order kind.
    fn dir(self) -> &'static Path {
        static DIRS: [OnceLock<tempfile::TempDir>; 6] = [const { OnceLock::new() }; 6];
        DIRS[self as usize]
            .get_or_init(|| {
                let dir = tempdir();
                generate(
                    dir.path(),
                    &[SMALL, &["--seed", "7", "--format", self.name()]].concat(),
                );
                dir
            })
            .path()
    }
}

/// A copy of a base dataset to tamper with.
fn copy_of(base: Base) -> (tempfile::TempDir, PathBuf) {
    let temp = tempdir();
    let dir = temp.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    for (name, bytes) in read_dir(base.dir()) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    (temp, dir)
}

/// The rule ids `ecomgen validate` reports, with its exit code and what it said.
fn reported(dir: &Path) -> (Option<i32>, BTreeSet<String>, String) {
    let output = ecomgen(&["validate", dir.to_str().unwrap(), "--max-shown", "100000"]);
    let err = stderr(&output);
    let ids = err
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.strip_prefix("ecomgen: ")?.split_once(": [")?;
            Some(rest.split_once("] ")?.0.to_string())
        })
        .collect();
    (output.status.code(), ids, err)
}

fn run_case(rule: Rule, base: Base, tamper: fn(&Path)) {
    let (_temp, dir) = copy_of(base);
    tamper(&dir);
    let (code, ids, err) = reported(&dir);
    let expected = BTreeSet::from([rule.id().to_string()]);
    assert_eq!(ids, expected, "{}:\n{err}", rule.id());
    assert_eq!(code, Some(1), "{err}");
}

/// A CSV file held in memory for editing, its fields read by name.
struct Csv {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

struct Row<'a>(&'a Csv, usize);

impl Index<&str> for Row<'_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.0.get(self.1, name)
    }
}

impl Csv {
    fn open(dir: &Path, table: &str) -> Csv {
        let path = dir.join(format!("{table}.csv"));
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        Csv { path, header, rows }
    }

    fn col(&self, name: &str) -> usize {
        let at = self.header.iter().position(|h| h == name);
        at.unwrap_or_else(|| panic!("{} has no field {name}", self.path.display()))
    }

    fn get(&self, row: usize, name: &str) -> &str {
        &self.rows[row][self.col(name)]
    }

    fn set(&mut self, row: usize, name: &str, value: impl ToString) {
        let col = self.col(name);
        self.rows[row][col] = value.to_string();
    }

    /// Rows that `pred` holds for.
    fn all(&self, pred: impl Fn(&Row) -> bool) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&r| pred(&Row(self, r)))
            .collect()
    }

    /// The first row `pred` holds for: the base dataset is fixed, so it has one.
    fn find(&self, what: &str, pred: impl Fn(&Row) -> bool) -> usize {
        let found = self.all(pred).first().copied();
        found.unwrap_or_else(|| panic!("the base dataset has {what}"))
    }

    /// The row whose field `name` is `value`.
    fn by(&self, name: &str, value: &str) -> usize {
        self.find(&format!("{name} {value}"), |r| &r[name] == value)
    }

    /// Appends a copy of `row` with a fresh key; returns its index.
    fn push_copy(&mut self, row: usize, key: &str) -> usize {
        self.rows.push(self.rows[row].clone());
        let new = self.rows.len() - 1;
        self.set(new, key, fresh_id(new));
        new
    }

    fn remove(&mut self, rows: &[usize]) {
        let mut i = 0;
        self.rows.retain(|_| {
            i += 1;
            !rows.contains(&(i - 1))
        });
    }

    /// Adds `cents` to a money field.
    fn add_money(&mut self, row: usize, name: &str, cents: i64) {
        let value = money(to_cents(self.get(row, name)) + cents);
        self.set(row, name, value);
    }

    /// Adds `n` to an integer field.
    fn add_int(&mut self, row: usize, name: &str, n: i64) {
        let value = self.get(row, name).parse::<i64>().unwrap() + n;
        self.set(row, name, value);
    }

    fn save(&self) {
        let mut writer = csv::Writer::from_path(&self.path).unwrap();
        writer.write_record(&self.header).unwrap();
        for row in &self.rows {
            writer.write_record(row).unwrap();
        }
        writer.flush().unwrap();
    }
}

/// A well-formed id no generated row has.
fn fresh_id(n: usize) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

fn to_cents(s: &str) -> i64 {
    ecomgen::model::Money::parse(s).unwrap().cents()
}

fn money(cents: i64) -> String {
    ecomgen::model::Money(cents).to_string()
}

/// A timestamp `seconds` later (earlier when negative).
fn shift(ts: &str, seconds: i64) -> String {
    Timestamp::parse(ts).unwrap().plus(seconds).to_string()
}

/// Whether a timestamp is after the first day of the default window: moving it a
/// day earlier keeps it inside.
fn after_first_day(ts: &str) -> bool {
    ts > "2023-01-02T00:00:00"
}

/// Edits one CSV table of a dataset and saves it.
fn edit(dir: &Path, table: &str, change: impl FnOnce(&mut Csv)) {
    let mut csv = Csv::open(dir, table);
    change(&mut csv);
    csv.save();
}

/// Rewrites a text file of a dataset.
fn rewrite(dir: &Path, file: &str, change: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, change(text)).unwrap();
}

/// A cancelled order (row in orders.csv, and its id): it has no completed payment,
/// shipment, return or review, and analytics do not count it, so its items and
/// totals can change without touching another file.
fn cancelled_order(orders: &Csv) -> (usize, String) {
    let row = orders.find("a cancelled order", |o| &o["status"] == "cancelled");
    (row, orders.get(row, "order_id").to_string())
}

macro_rules! cases {
    ($($(#[$attr:meta])* $rule:ident in $base:ident => $tamper:ident,)*) => {
        /// Every tamper case: the rule it breaks, the dataset it starts from.
        const CASES: &[(Rule, Base, &str)] = &[
            $($(#[$attr])* (Rule::$rule, Base::$base, stringify!($tamper)),)*
        ];

        /// One test per case, named after its tampering.
        mod case {
            $(
                $(#[$attr])*
                #[test]
                fn $tamper() {
                    super::run_case(ecomgen::rules::Rule::$rule, super::Base::$base, super::$tamper);
                }
            )*
        }
    };
}

cases! {
    FormatFile in Json => truncated_json,
    FormatFile in Jsonl => a_json_line_cut_short,
    FormatFile in Xml => unclosed_xml,
    FormatFile in Csv => a_csv_header_without_a_field,
    FormatFields in Csv => a_csv_record_with_an_extra_value,
    FormatFields in Json => a_json_object_without_a_field,
    FormatFields in Xml => an_xml_row_with_an_unknown_element,
    FormatJsonType in Json => an_integer_written_as_a_string,
    FormatRequired in Csv => an_empty_phone_number,
    FormatUuid in Csv => an_uppercase_wishlist_id,
    FormatText in Csv => a_first_name_of_spaces,
    FormatInteger in Csv => loyalty_points_in_words,
    FormatBoolean in Csv => is_active_yes,
    FormatMoney in Csv => a_price_with_one_decimal,
    FormatTimestamp in Csv => a_thirteenth_month,
    FormatDate in Csv => the_thirtieth_of_february,
    FormatEnum in Csv => an_unknown_priority,
    FormatRange in Csv => negative_loyalty_points,
    FormatRange in Csv => a_fourth_category_level,
    ManifestFile in Csv => a_listed_file_removed,
    PrimaryKey in Csv => a_repeated_wishlist_id,
    ForeignKey in Csv => a_wishlist_of_an_unknown_product,
    UsersUnique in Csv => a_repeated_email,
    UsersUpdatedAt in Csv => updated_before_created,
    UsersClosedAt in Csv => an_active_account_with_closed_at,
    UsersClosedAt in Csv => an_order_after_the_account_closed,
    CategoriesTree in Csv => a_department_under_its_child,
    ProductsSku in Csv => a_repeated_sku,
    ProductsPrice in Csv => an_unsold_product_for_free,
    ProductsDiscontinued in Csv => an_inactive_product_never_discontinued,
    ProductsDiscontinued in Csv => a_product_sold_once_discontinued,
    InventoryPair in Csv => a_product_stocked_twice_in_a_warehouse,
    InventoryQuantity in Csv => negative_stock,
    OrdersCreatedAt in Csv => an_order_before_its_user_signed_up,
    OrdersItems in Csv => an_order_without_items,
    OrdersQuantity in Csv => an_item_of_quantity_zero,
    OrdersUnitPrice in Csv => an_item_sold_above_its_price,
    OrdersItemTotal in Csv => an_item_total_off_by_a_cent,
    OrdersSubtotal in Csv => a_subtotal_off_by_a_cent,
    OrdersTotal in Csv => an_order_total_off_by_a_cent,
    OrdersPromotion in Csv => a_discount_without_a_promotion,
    OrdersPromotion in Csv => free_shipping_that_charges_shipping,
    OrdersPromotion in Csv => a_code_used_before_it_started,
    PaymentsMissing in Csv => an_order_without_payments,
    PaymentsCompleted in Csv => a_capture_off_by_a_cent,
    PaymentsPending in Csv => a_paid_order_marked_pending,
    PaymentsCancelled in Csv => a_cancelled_order_captured,
    PaymentsPaidAt in Csv => a_capture_without_paid_at,
    PaymentsRefund in Csv => a_refund_of_nothing,
    PaymentsRefunds in Csv => a_refund_short_by_a_cent,
    ShippingOnePerOrder in Csv => an_order_shipped_twice,
    ShippingShippedAt in Csv => shipped_before_placed,
    ShippingDeliveredAt in Csv => delivered_before_shipped,
    ShippingStatus in Csv => delivered_but_in_transit,
    ReturnsMissing in Csv => a_returned_order_without_returns,
    ReturnsOrder in Csv => returns_of_a_delivered_order,
    ReturnsItem in Csv => a_return_of_another_product,
    ReturnsOnePerItem in Csv => an_item_returned_twice,
    ReturnsUser in Csv => a_return_by_another_user,
    ReturnsRequestedAt in Csv => a_return_requested_before_delivery,
    ReturnsRequestedAt in Csv => a_return_resolved_before_requested,
    ReturnsRefundAmount in Csv => a_refund_above_the_item_total,
    ReturnsRefundAmount in Csv => a_return_refunding_nothing,
    ReviewsPurchase in Csv => a_review_by_someone_else,
    ReviewsDelivery in Csv => a_review_before_delivery,
    ReviewsRating in Csv => a_rating_of_six,
    ReviewsOnePerPurchase in Csv => a_purchase_reviewed_twice,
    TicketsOrder in Csv => a_ticket_about_another_users_order,
    TicketsOrder in Csv => a_ticket_before_its_order,
    TicketsResolvedAt in Csv => a_ticket_resolved_before_opened,
    PromotionsCode in Csv => a_repeated_code,
    PromotionsDates in Csv => a_promotion_ending_before_it_starts,
    PromotionsWindow in Csv => a_promotion_of_2020,
    PromotionsDiscount in Csv => ninety_five_percent_off,
    PromotionsDiscount in Csv => a_percentage_of_nothing,
    PromotionsTarget in Csv => a_promotion_of_a_product_and_a_category,
    WishlistsPair in Csv => a_product_saved_twice,
    WishlistsAddedAt in Csv => saved_before_signup,
    UserAnalyticsOneRow in Csv => a_user_without_analytics,
    UserAnalyticsTotalOrders in Csv => one_order_too_many,
    UserAnalyticsTotalSpent in Csv => spent_a_cent_more,
    UserAnalyticsAverage in Csv => an_average_a_cent_off,
    UserAnalyticsFirstOrder in Csv => a_first_order_a_second_late,
    UserAnalyticsLastOrder in Csv => a_last_order_a_second_early,
    UserAnalyticsTotalReviews in Csv => one_review_too_many,
    ProductAnalyticsOneRow in Csv => a_product_without_analytics,
    ProductAnalyticsUnits in Csv => one_unit_too_many,
    ProductAnalyticsRevenue in Csv => revenue_a_cent_more,
    ProductAnalyticsReviews in Csv => one_product_review_too_many,
    ProductAnalyticsRating in Csv => a_rating_a_cent_off,
    ProductAnalyticsReturns in Csv => one_return_too_many,
    Window in Jsonl => saved_after_the_window,
    Window in Csv => an_account_older_than_the_shop,
    NotificationsOrder in Csv => a_promotion_naming_an_order,
    NotificationsEvent in Csv => shipping_news_before_shipping,
    NotificationsCreatedAt in Csv => news_before_signup,
    NotificationsReadAt in Csv => read_before_sent,
    NotificationsConfirmation in Csv => an_order_confirmed_twice,
    NotificationsConfirmation in Csv => an_order_never_confirmed,
    #[cfg(feature = "parquet")]
    OrdersTotal in Parquet => a_parquet_order_total_off_by_a_cent,
    #[cfg(feature = "parquet")]
    FormatColumnType in Parquet => loyalty_points_as_parquet_text,
    #[cfg(feature = "sqlite")]
    PaymentsCompleted in Sqlite => a_sqlite_capture_off_by_a_cent,
    #[cfg(feature = "sqlite")]
    FormatColumnType in Sqlite => a_sqlite_boolean_stored_as_text,
    #[cfg(feature = "sqlite")]
    FormatInteger in Sqlite => sqlite_loyalty_points_in_words,
}

/// Rules no edit of a dataset can break alone, with the reason.
const UNREACHABLE: &[(Rule, &str)] = &[
    #[cfg(not(any(feature = "parquet", feature = "sqlite")))]
    (
        Rule::FormatColumnType,
        "only the binary formats have typed columns, and this build reads neither",
    ),
    (
        Rule::SchemaUnique,
        "every field the schema marks unique has a rule of its own",
    ),
];

#[test]
fn every_rule_has_a_tamper_case() {
    for rule in Rule::ALL {
        let cases = CASES.iter().filter(|c| c.0 == *rule).count();
        let unreachable = UNREACHABLE.iter().any(|u| u.0 == *rule);
        assert!(
            cases > 0 || unreachable,
            "no tamper case breaks {}",
            rule.id()
        );
    }
    let mut names: Vec<&str> = CASES.iter().map(|c| c.2).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "every case has its own name");
}

/// The reason given for "schema: unique" holds: it falls back for unique fields of
/// tables without a uniqueness rule of their own, and today's schema has none.
#[test]
fn schema_unique_has_no_field_to_check() {
    use ecomgen::schema::{Key, Table};
    for table in Table::ALL {
        for field in table.spec().fields.iter().filter(|f| f.key == Key::Unique) {
            assert!(
                matches!(table, Table::Users | Table::Products | Table::Promotions),
                "{}.{} is unique: give \"schema: unique\" a tamper case",
                table.name(),
                field.name
            );
        }
    }
}

#[test]
fn untouched_datasets_hold_every_rule() {
    for &base in Base::ALL {
        let output = ecomgen(&["validate", base.dir().to_str().unwrap()]);
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{base:?}: {}", stderr(&output));
        assert!(
            out.starts_with("ok: ") && out.contains("every invariant holds"),
            "{out}"
        );
    }
}

#[test]
fn records_count_from_one_in_locations_and_messages() {
    let (_temp, dir) = copy_of(Base::Csv);
    a_repeated_email(&dir);
    let (_, _, err) = reported(&dir);
    let line = err.lines().next().unwrap();
    assert!(
        line.starts_with("ecomgen: users record 4: [2 users: unique] email "),
        "{err}"
    );
    assert!(line.ends_with(" repeats record 1"), "{err}");
    // Records a message names count from 1 too.
    let (_temp, dir) = copy_of(Base::Csv);
    a_user_without_analytics(&dir);
    let (_, _, err) = reported(&dir);
    assert!(err.contains(" (users record 1) has no row"), "{err}");
    let (_temp, dir) = copy_of(Base::Csv);
    a_promotion_naming_an_order(&dir);
    edit(&dir, "notifications", |n| {
        let row = n.find("an order notification", |x| &x["kind"] == "review_reminder");
        n.set(row, "order_id", "");
    });
    let (_, _, err) = reported(&dir);
    assert!(
        err.contains("] a promotion notification names order "),
        "{err}"
    );
    assert!(
        err.contains("] a review_reminder notification names no order"),
        "{err}"
    );
}

#[test]
fn a_window_that_takes_in_the_day_accepts_it() {
    let (_temp, dir) = copy_of(Base::Jsonl);
    saved_after_the_window(&dir);
    let dir = dir.to_str().unwrap();
    let output = ecomgen(&["validate", dir, "--end-date", "2024-01-01"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_subset_is_checked_without_its_missing_parents() {
    let dir = tempdir();
    let args = [
        "--seed",
        "3",
        "--format",
        "xml",
        "--entities",
        "orders,payments",
    ];
    generate(dir.path(), &[SMALL, &args].concat());
    let output = ecomgen(&["validate", dir.path().to_str().unwrap()]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.starts_with("ok: 2 files, "), "{out}");
}

// What validate could not check.

/// Validates `dir` expecting no violation; returns what it printed.
fn validated_ok(dir: &Path) -> String {
    let output = ecomgen(&["validate", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_subset_says_which_keys_and_rules_it_could_not_check() {
    let temp = tempdir();
    let dir = temp.path().join("orders");
    generate(
        &dir,
        &[SMALL, &["--seed", "7", "--entities", "orders"]].concat(),
    );
    let out = validated_ok(&dir);
    assert!(!out.contains("every invariant holds"), "{out}");
    for unchecked in [
        "orders.user_id -> users",
        "orders.promotion_id -> promotions",
        "order_items.product_id -> products",
        "5 orders: created_at (users)",
        "5 orders: unit_price (products)",
    ] {
        assert!(out.contains(unchecked), "{unchecked}: {out}");
    }
    assert!(!out.contains("order_items.order_id"), "{out}");
    // A user_id that names no user cannot be found without users.csv: it says so.
    edit(&dir, "orders", |orders| {
        orders.set(0, "user_id", fresh_id(1))
    });
    let out = validated_ok(&dir);
    assert!(out.contains("a key that names no row goes unseen"), "{out}");
}

#[test]
fn a_whole_dataset_holds_every_invariant_and_names_no_gap() {
    let out = validated_ok(Base::Csv.dir());
    assert!(out.contains("every invariant holds"), "{out}");
    assert!(!out.contains("not checked"), "{out}");
}

#[test]
fn files_edited_since_they_were_generated_are_named() {
    let (_temp, dir) = copy_of(Base::Csv);
    assert!(!validated_ok(&dir).contains("edited"));
    edit(&dir, "users", |users| users.set(0, "first_name", "Zed"));
    let out = validated_ok(&dir);
    let note = out
        .lines()
        .find(|l| l.contains("users.csv"))
        .unwrap_or_default();
    assert!(
        note.starts_with("note: users.csv was edited since"),
        "{out}"
    );
    assert_eq!(out.matches(" was edited since").count(), 1, "{out}");
    // The same bytes again are the generated file, whatever its modification time.
    std::fs::write(
        dir.join("users.csv"),
        &read_dir(Base::Csv.dir())["users.csv"],
    )
    .unwrap();
    assert!(!validated_ok(&dir).contains("edited"));
}

/// 12345 as "12,345".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_summary_counts_rows_as_generate_does() {
    let items = csv_rows(&Base::Csv.dir().join("order_items.csv")).len();
    let nested = format!(
        "and {} order items nested in the orders",
        thousands(items as u64)
    );
    for (format, files, items) in [
        ("csv", 18, "(order items included)"),
        ("xml", 17, nested.as_str()),
    ] {
        let temp = tempdir();
        let dir = temp.path().join(format);
        let args = [&["generate", "--seed", "7", "--format", format][..], SMALL].concat();
        let output = ecomgen(&[&args[..], &["--out", dir.to_str().unwrap()]].concat());
        let wrote: u64 = stderr(&output)
            .lines()
            .filter_map(|l| {
                l.split_once(" (")?
                    .1
                    .split_once(" rows")?
                    .0
                    .parse::<u64>()
                    .ok()
            })
            .sum();
        let out = validated_ok(&dir);
        let expected = format!(
            "ok: {files} files, 400 orders with {} rows in all {items}, every invariant holds",
            thousands(wrote)
        );
        assert_eq!(out.lines().next(), Some(expected.as_str()), "{format}");
    }
}

// Parts of a partitioned run.

/// Every part of a run in a window that is not the default one, into one directory.
fn parts_of_a_run(dir: &Path, format: &str) {
    for part in ["1", "2"] {
        let args = [
            "--seed",
            "7",
            "--format",
            format,
            "--parts",
            "2",
            "--part",
            part,
            "--start-date",
            "2024-02-01",
            "--end-date",
            "2024-03-31",
        ];
        generate(dir, &[SMALL, &args].concat());
    }
}

#[test]
fn the_parts_of_a_run_are_checked_in_the_window_their_manifests_give() {
    for format in ["csv", "json", "xml"] {
        let temp = tempdir();
        let dir = temp.path().join(format);
        parts_of_a_run(&dir, format);
        let out = validated_ok(&dir);
        assert!(out.contains("every invariant holds"), "{format}: {out}");
        // An edited part is named, like an edited file.
        let part = format!("users.part-0002-of-0002.{format}");
        rewrite(&dir, &part, |text| text.replacen("@", "@x", 1));
        let out = validated_ok(&dir);
        assert!(
            out.contains(&format!("note: {part} was edited since")),
            "{out}"
        );
    }
}

#[test]
fn parts_concatenated_back_are_checked_in_their_window() {
    let temp = tempdir();
    let dir = temp.path().join("data");
    parts_of_a_run(&dir, "csv");
    let names: Vec<String> = read_dir(&dir).into_keys().collect();
    for name in &names {
        let Some((stem, rest)) = name.split_once(".part-") else {
            continue;
        };
        if rest.ends_with(".csv") {
            let mut whole = std::fs::read(dir.join(format!("{stem}.csv"))).unwrap_or_default();
            whole.extend(std::fs::read(dir.join(name)).unwrap());
            std::fs::write(dir.join(format!("{stem}.csv")), whole).unwrap();
            std::fs::remove_file(dir.join(name)).unwrap();
        }
    }
    let out = validated_ok(&dir);
    assert!(out.contains("every invariant holds"), "{out}");
    // Without the part manifests, the window must be given again.
    for name in names.iter().filter(|n| n.starts_with("manifest.part-")) {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    let output = ecomgen(&["validate", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("[14 window]"));
}

#[test]
fn a_missing_part_is_named() {
    let temp = tempdir();
    let dir = temp.path().join("data");
    parts_of_a_run(&dir, "jsonl");
    for name in read_dir(&dir).into_keys() {
        if name.contains(".part-0001-of-0002.") {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
    }
    let output = ecomgen(&["validate", dir.to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("holds parts of a partitioned run") && err.contains("part 1 of 2"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

// Files and values.

fn truncated_json(dir: &Path) {
    rewrite(dir, "orders.json", |text| {
        text[..text.len() / 2].to_string()
    });
}

fn a_json_line_cut_short(dir: &Path) {
    rewrite(dir, "vendors.jsonl", |text| {
        let cut = text.find('\n').unwrap() - 3;
        format!("{}\n{}", &text[..cut], &text[cut + 3..])
    });
}

fn unclosed_xml(dir: &Path) {
    rewrite(dir, "warehouses.xml", |text| {
        text.replace("</warehouses>", "")
    });
}

fn a_csv_header_without_a_field(dir: &Path) {
    rewrite(dir, "vendors.csv", |text| {
        text.replacen("contact_email", "email", 1)
    });
}

fn a_csv_record_with_an_extra_value(dir: &Path) {
    rewrite(dir, "wishlists.csv", |text| {
        let second = text.find('\n').unwrap() + 1;
        let end = second + text[second..].find('\n').unwrap();
        format!("{},extra{}", &text[..end], &text[end..])
    });
}

fn a_json_object_without_a_field(dir: &Path) {
    rewrite(dir, "vendors.json", |text| {
        let mut vendors: serde_json::Value = serde_json::from_str(&text).unwrap();
        vendors[0].as_object_mut().unwrap().remove("city");
        vendors.to_string()
    });
}

fn an_xml_row_with_an_unknown_element(dir: &Path) {
    rewrite(dir, "vendors.xml", |text| {
        text.replacen("</city>", "</city><region>North</region>", 1)
    });
}

fn an_integer_written_as_a_string(dir: &Path) {
    rewrite(dir, "users.json", |text| {
        let mut users: serde_json::Value = serde_json::from_str(&text).unwrap();
        let points = users[0]["loyalty_points"].to_string();
        users[0]["loyalty_points"] = serde_json::Value::from(points);
        users.to_string()
    });
}

fn an_empty_phone_number(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "phone_number", ""));
}

fn an_uppercase_wishlist_id(dir: &Path) {
    edit(dir, "wishlists", |w| {
        let id = w.get(0, "wishlist_id").to_uppercase();
        w.set(0, "wishlist_id", id);
    });
}

fn a_first_name_of_spaces(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "first_name", "   "));
}

fn loyalty_points_in_words(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "loyalty_points", "many"));
}

fn is_active_yes(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "is_active", "yes"));
}

fn a_price_with_one_decimal(dir: &Path) {
    edit(dir, "products", |products| products.set(0, "price", "12.5"));
}

fn a_thirteenth_month(dir: &Path) {
    edit(dir, "wishlists", |w| {
        w.set(0, "added_at", "2023-13-01T00:00:00")
    });
}

fn the_thirtieth_of_february(dir: &Path) {
    edit(dir, "promotions", |p| p.set(0, "start_date", "2023-02-30"));
}

fn an_unknown_priority(dir: &Path) {
    edit(dir, "support_tickets", |t| t.set(0, "priority", "extreme"));
}

fn negative_loyalty_points(dir: &Path) {
    edit(dir, "users", |users| users.set(0, "loyalty_points", "-5"));
}

fn a_fourth_category_level(dir: &Path) {
    edit(dir, "categories", |c| c.set(0, "level", 4));
}

fn a_listed_file_removed(dir: &Path) {
    std::fs::remove_file(dir.join("wishlists.csv")).unwrap();
}

// 1: keys.

fn a_repeated_wishlist_id(dir: &Path) {
    edit(dir, "wishlists", |w| {
        let id = w.get(0, "wishlist_id").to_string();
        w.set(1, "wishlist_id", id);
    });
}

fn a_wishlist_of_an_unknown_product(dir: &Path) {
    edit(dir, "wishlists", |w| w.set(0, "product_id", fresh_id(1)));
}

// 2: users.

fn a_repeated_email(dir: &Path) {
    edit(dir, "users", |users| {
        let email = users.get(0, "email").to_string();
        users.set(3, "email", email);
    });
}

fn updated_before_created(dir: &Path) {
    edit(dir, "users", |users| {
        let row = users.find("a user who signed up after new year", |u| {
            after_first_day(&u["created_at"])
        });
        let earlier = shift(users.get(row, "created_at"), -1);
        users.set(row, "updated_at", earlier);
    });
}

fn an_active_account_with_closed_at(dir: &Path) {
    edit(dir, "users", |users| {
        let row = users.find("an open account", |u| &u["is_active"] == "true");
        let updated = users.get(row, "updated_at").to_string();
        users.set(row, "closed_at", updated);
    });
}

fn an_order_after_the_account_closed(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "users", |users| {
        let order = orders.find("an order placed a while after its user signed up", |o| {
            let user = users.by("user_id", &o["user_id"]);
            o["created_at"] > *shift(users.get(user, "created_at"), 2).as_str()
                && users.get(user, "is_active") == "true"
        });
        let user = users.by("user_id", orders.get(order, "user_id"));
        let closed = shift(orders.get(order, "created_at"), -1);
        users.set(user, "is_active", "false");
        users.set(user, "closed_at", &closed);
        if users.get(user, "updated_at") > closed.as_str() {
            users.set(user, "updated_at", &closed);
        }
    });
}

// 3 and 4: catalog.

fn a_department_under_its_child(dir: &Path) {
    edit(dir, "categories", |c| {
        let child = c.find("a subcategory", |r| !r["parent_category_id"].is_empty());
        let department = c.by("category_id", c.get(child, "parent_category_id"));
        let child_id = c.get(child, "category_id").to_string();
        c.set(department, "parent_category_id", child_id);
    });
}

fn an_inactive_product_never_discontinued(dir: &Path) {
    edit(dir, "products", |p| {
        let row = p.find("a product on sale", |r| r["discontinued_at"].is_empty());
        p.set(row, "is_active", "false");
    });
}

fn a_product_sold_once_discontinued(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    let items = Csv::open(dir, "order_items");
    edit(dir, "products", |p| {
        let item = items.find("an item of a product on sale", |i| {
            p.get(p.by("product_id", &i["product_id"]), "discontinued_at")
                .is_empty()
        });
        let order = orders.by("order_id", items.get(item, "order_id"));
        let row = p.by("product_id", items.get(item, "product_id"));
        let day = &orders.get(order, "created_at")[..10];
        p.set(row, "discontinued_at", day);
        p.set(row, "is_active", "false");
    });
}

fn a_repeated_sku(dir: &Path) {
    edit(dir, "products", |p| {
        let sku = p.get(0, "sku").to_string();
        p.set(1, "sku", sku);
    });
}

fn an_unsold_product_for_free(dir: &Path) {
    let items = Csv::open(dir, "order_items");
    edit(dir, "products", |p| {
        let unsold = p.find("an unsold product", |r| {
            items.all(|i| i["product_id"] == r["product_id"]).is_empty()
        });
        p.set(unsold, "price", "0.00");
    });
}

fn a_product_stocked_twice_in_a_warehouse(dir: &Path) {
    edit(dir, "inventory", |inv| {
        let product = inv.get(0, "product_id").to_string();
        let warehouse = inv.get(0, "warehouse_id").to_string();
        inv.set(1, "product_id", product);
        inv.set(1, "warehouse_id", warehouse);
    });
}

fn negative_stock(dir: &Path) {
    edit(dir, "inventory", |inv| inv.set(0, "quantity_on_hand", "-3"));
}

// 5: orders.

fn an_order_before_its_user_signed_up(dir: &Path) {
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

fn a_discount_without_a_promotion(dir: &Path) {
    edit(dir, "orders", |orders| {
        let row = orders.find("a cancelled order without a code", |o| {
            &o["status"] == "cancelled" && o["promotion_id"].is_empty()
        });
        orders.add_money(row, "discount", 1);
        orders.add_money(row, "total", -1);
    });
}

fn free_shipping_that_charges_shipping(dir: &Path) {
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

fn a_code_used_before_it_started(dir: &Path) {
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

fn an_order_without_items(dir: &Path) {
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

fn an_item_of_quantity_zero(dir: &Path) {
    change_a_cancelled_item(dir, |items, item| {
        let total = to_cents(items.get(item, "total"));
        items.set(item, "quantity", 0);
        items.set(item, "total", "0.00");
        -total
    });
}

fn an_item_sold_above_its_price(dir: &Path) {
    change_a_cancelled_item(dir, |items, item| {
        let quantity: i64 = items.get(item, "quantity").parse().unwrap();
        items.add_money(item, "unit_price", 100);
        items.add_money(item, "total", 100 * quantity);
        100 * quantity
    });
}

fn an_item_total_off_by_a_cent(dir: &Path) {
    change_a_cancelled_item(dir, |items, item| {
        items.add_money(item, "total", 1);
        1
    });
}

fn a_subtotal_off_by_a_cent(dir: &Path) {
    edit(dir, "orders", |orders| {
        let (row, _) = cancelled_order(orders);
        orders.add_money(row, "subtotal", 1);
        orders.add_money(row, "total", 1);
    });
}

fn an_order_total_off_by_a_cent(dir: &Path) {
    edit(dir, "orders", |orders| {
        let (row, _) = cancelled_order(orders);
        orders.add_money(row, "total", 1);
    });
}

// 6: payments.

fn an_order_without_payments(dir: &Path) {
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

fn a_capture_off_by_a_cent(dir: &Path) {
    let id = order_without_returns(dir, "delivered");
    edit(dir, "payments", |p| {
        let row = p.find("a capture", |r| {
            r["order_id"] == *id && &r["status"] == "completed"
        });
        p.add_money(row, "amount", 1);
    });
}

fn a_paid_order_marked_pending(dir: &Path) {
    edit(dir, "orders", |orders| {
        let row = orders.find("a processing order", |o| &o["status"] == "processing");
        orders.set(row, "status", "pending");
    });
}

fn a_cancelled_order_captured(dir: &Path) {
    let (_, id) = cancelled_order(&Csv::open(dir, "orders"));
    edit(dir, "payments", |p| {
        let row = p.by("order_id", &id);
        let at = p.get(row, "created_at").to_string();
        p.set(row, "status", "completed");
        p.set(row, "paid_at", at);
    });
}

fn a_capture_without_paid_at(dir: &Path) {
    let id = order_without_returns(dir, "delivered");
    edit(dir, "payments", |p| {
        let row = p.find("a capture", |r| {
            r["order_id"] == *id && &r["status"] == "completed"
        });
        p.set(row, "paid_at", "");
    });
}

fn a_refund_of_nothing(dir: &Path) {
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

fn a_refund_short_by_a_cent(dir: &Path) {
    edit(dir, "payments", |p| {
        let row = p.find("a refund", |r| &r["status"] == "refunded");
        p.add_money(row, "amount", -1);
    });
}

// 7: shipping.

fn an_order_shipped_twice(dir: &Path) {
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

fn shipped_before_placed(dir: &Path) {
    let (mut shipping, row, placed) = a_delivered_shipment(dir);
    shipping.set(row, "shipped_at", shift(&placed, -1));
    shipping.save();
}

fn delivered_before_shipped(dir: &Path) {
    let (mut shipping, row, _) = a_delivered_shipment(dir);
    let shipped = shipping.get(row, "shipped_at").to_string();
    shipping.set(row, "delivered_at", shift(&shipped, -1));
    shipping.save();
}

fn delivered_but_in_transit(dir: &Path) {
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

fn a_returned_order_without_returns(dir: &Path) {
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

fn returns_of_a_delivered_order(dir: &Path) {
    let returns = Csv::open(dir, "returns");
    edit(dir, "orders", |orders| {
        let row = orders.by("order_id", returns.get(0, "order_id"));
        orders.set(row, "status", "delivered");
    });
}

fn a_return_of_another_product(dir: &Path) {
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

fn an_item_returned_twice(dir: &Path) {
    edit(dir, "returns", |r| {
        let row = an_unrefunded_return(r);
        count_returns(dir, r.get(row, "product_id"), 1);
        r.push_copy(row, "return_id");
    });
}

fn a_return_by_another_user(dir: &Path) {
    edit(dir, "returns", |r| {
        let user = r.get(0, "user_id").to_string();
        let row = r.find("a return of another user", |x| x["user_id"] != *user);
        r.set(row, "user_id", user);
    });
}

fn a_return_requested_before_delivery(dir: &Path) {
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

fn a_return_resolved_before_requested(dir: &Path) {
    edit(dir, "returns", |r| {
        let row = r.find("a rejected return", |x| &x["status"] == "rejected");
        let requested = r.get(row, "requested_at").to_string();
        r.set(row, "resolved_at", shift(&requested, -1));
    });
}

fn a_refund_above_the_item_total(dir: &Path) {
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

fn a_return_refunding_nothing(dir: &Path) {
    edit(dir, "returns", |r| {
        let row = an_unrefunded_return(r);
        r.set(row, "refund_amount", "0.00");
    });
}

// 9: reviews.

fn a_review_by_someone_else(dir: &Path) {
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

fn a_purchase_reviewed_twice(dir: &Path) {
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

fn a_review_before_delivery(dir: &Path) {
    let shipping = Csv::open(dir, "shipping");
    edit(dir, "reviews", |v| {
        let delivered = shipping.get(
            shipping.by("order_id", v.get(0, "order_id")),
            "delivered_at",
        );
        v.set(0, "created_at", shift(delivered, -1));
    });
}

fn a_rating_of_six(dir: &Path) {
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

fn a_ticket_about_another_users_order(dir: &Path) {
    let users = Csv::open(dir, "users");
    edit(dir, "support_tickets", |t| {
        let row = t.find("a ticket about an order", |x| !x["order_id"].is_empty());
        let other = users.find("another user", |u| u["user_id"] != *t.get(row, "user_id"));
        t.set(row, "user_id", users.get(other, "user_id"));
    });
}

fn a_ticket_before_its_order(dir: &Path) {
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

fn a_ticket_resolved_before_opened(dir: &Path) {
    edit(dir, "support_tickets", |t| {
        let row = t.find("a resolved ticket", |x| !x["resolved_at"].is_empty());
        let opened = t.get(row, "created_at").to_string();
        t.set(row, "resolved_at", shift(&opened, -1));
    });
}

// 11: promotions.

fn a_repeated_code(dir: &Path) {
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

fn a_promotion_ending_before_it_starts(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = unused_promotion(dir, p);
        p.set(row, "start_date", "2023-06-10");
        p.set(row, "end_date", "2023-06-09");
    });
}

fn a_promotion_of_2020(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = unused_promotion(dir, p);
        p.set(row, "start_date", "2020-01-01");
        p.set(row, "end_date", "2020-02-01");
    });
}

fn ninety_five_percent_off(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = p.find("a percentage", |r| &r["discount_type"] == "percentage");
        p.set(row, "discount_value", 95);
    });
}

fn a_percentage_of_nothing(dir: &Path) {
    edit(dir, "promotions", |p| {
        let row = p.find("a percentage code", |r| &r["discount_type"] == "percentage");
        p.set(row, "discount_value", "");
    });
}

fn a_promotion_of_a_product_and_a_category(dir: &Path) {
    let category = Csv::open(dir, "categories")
        .get(0, "category_id")
        .to_string();
    edit(dir, "promotions", |p| {
        let row = p.find("a product promotion", |r| !r["product_id"].is_empty());
        p.set(row, "category_id", category);
    });
}

// 12: wishlists.

fn a_product_saved_twice(dir: &Path) {
    edit(dir, "wishlists", |w| {
        for field in ["user_id", "product_id", "added_at"] {
            let value = w.get(0, field).to_string();
            w.set(1, field, value);
        }
    });
}

fn saved_before_signup(dir: &Path) {
    let users = Csv::open(dir, "users");
    edit(dir, "wishlists", |w| {
        let row = w.find("a wishlist of a user who signed up after new year", |x| {
            after_first_day(users.get(users.by("user_id", &x["user_id"]), "created_at"))
        });
        let signup = users.get(users.by("user_id", w.get(row, "user_id")), "created_at");
        w.set(row, "added_at", shift(signup, -1));
    });
}

// 13: analytics.

/// A user_analytics row of a user with orders and reviews.
fn active_user(a: &Csv) -> usize {
    a.find("a user with orders and reviews", |r| {
        &r["total_orders"] != "0" && &r["total_reviews"] != "0"
    })
}

fn a_user_without_analytics(dir: &Path) {
    edit(dir, "user_analytics", |a| a.remove(&[0]));
}

fn one_order_too_many(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_int(active_user(a), "total_orders", 1)
    });
}

fn spent_a_cent_more(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_money(active_user(a), "total_spent", 1)
    });
}

fn an_average_a_cent_off(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_money(active_user(a), "average_order_value", 1)
    });
}

fn a_first_order_a_second_late(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        let row = active_user(a);
        let first = a.get(row, "first_order_at").to_string();
        a.set(row, "first_order_at", shift(&first, 1));
    });
}

fn a_last_order_a_second_early(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        let row = active_user(a);
        let last = a.get(row, "last_order_at").to_string();
        a.set(row, "last_order_at", shift(&last, -1));
    });
}

fn one_review_too_many(dir: &Path) {
    edit(dir, "user_analytics", |a| {
        a.add_int(active_user(a), "total_reviews", 1)
    });
}

/// A product_analytics row of a product sold, reviewed and returned.
fn busy_product(a: &Csv) -> usize {
    a.find("a product sold, reviewed and returned", |r| {
        &r["units_sold"] != "0" && &r["review_count"] != "0" && &r["return_count"] != "0"
    })
}

fn a_product_without_analytics(dir: &Path) {
    edit(dir, "product_analytics", |a| a.remove(&[0]));
}

fn one_unit_too_many(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_int(busy_product(a), "units_sold", 1)
    });
}

fn revenue_a_cent_more(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_money(busy_product(a), "revenue", 1)
    });
}

fn one_product_review_too_many(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_int(busy_product(a), "review_count", 1)
    });
}

fn a_rating_a_cent_off(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_money(busy_product(a), "average_rating", 1)
    });
}

fn one_return_too_many(dir: &Path) {
    edit(dir, "product_analytics", |a| {
        a.add_int(busy_product(a), "return_count", 1)
    });
}

// 14: the window.

fn saved_after_the_window(dir: &Path) {
    rewrite(dir, "wishlists.jsonl", |text| {
        let (first, rest) = text.split_once('\n').unwrap();
        let mut row: serde_json::Value = serde_json::from_str(first).unwrap();
        row["added_at"] = serde_json::Value::from("2024-01-01T00:00:00");
        format!("{row}\n{rest}")
    });
}

fn an_account_older_than_the_shop(dir: &Path) {
    // The manifest records the opening: four years before the window, 2019-01-01.
    edit(dir, "users", |users| {
        users.set(0, "created_at", "2018-12-31T12:00:00")
    });
}

// 16: notifications.

fn a_promotion_naming_an_order(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "notifications", |n| {
        let row = n.find("a promotion to a customer", |x| {
            &x["kind"] == "promotion" && !orders.all(|o| o["user_id"] == x["user_id"]).is_empty()
        });
        let order = orders.by("user_id", n.get(row, "user_id"));
        n.set(row, "order_id", orders.get(order, "order_id"));
    });
}

fn shipping_news_before_shipping(dir: &Path) {
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

fn news_before_signup(dir: &Path) {
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

fn read_before_sent(dir: &Path) {
    edit(dir, "notifications", |n| {
        let row = n.find("a notification that was read", |x| !x["read_at"].is_empty());
        let sent = n.get(row, "created_at").to_string();
        n.set(row, "read_at", shift(&sent, -1));
    });
}

fn an_order_confirmed_twice(dir: &Path) {
    edit(dir, "notifications", |n| {
        let row = n.find("a confirmation", |x| &x["kind"] == "order_confirmed");
        n.push_copy(row, "notification_id");
    });
}

fn an_order_never_confirmed(dir: &Path) {
    edit(dir, "notifications", |n| {
        let row = n.find("a confirmation", |x| &x["kind"] == "order_confirmed");
        n.remove(&[row]);
    });
}

// Binary formats.

/// Rewrites a table's Parquet file with `change` applied to each record batch.
#[cfg(feature = "parquet")]
fn edit_parquet(
    dir: &Path,
    table: &str,
    mut change: impl FnMut(&arrow_array::RecordBatch) -> arrow_array::RecordBatch,
) {
    use parquet::arrow::ArrowWriter;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let path = dir.join(format!("{table}.parquet"));
    let file = std::fs::File::open(&path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(|b| change(&b.unwrap())).collect();
    let mut writer = ArrowWriter::try_new(
        std::fs::File::create(&path).unwrap(),
        batches[0].schema(),
        None,
    )
    .unwrap();
    for batch in &batches {
        writer.write(batch).unwrap();
    }
    writer.close().unwrap();
}

/// A batch with one column replaced, its type taken from the new values.
#[cfg(feature = "parquet")]
fn with_column(
    batch: &arrow_array::RecordBatch,
    name: &str,
    values: arrow_array::ArrayRef,
) -> arrow_array::RecordBatch {
    let schema = batch.schema();
    let at = schema.index_of(name).unwrap();
    let mut fields: Vec<arrow_schema::Field> =
        schema.fields().iter().map(|f| f.as_ref().clone()).collect();
    fields[at] = arrow_schema::Field::new(name, values.data_type().clone(), true);
    let mut columns = batch.columns().to_vec();
    columns[at] = values;
    let schema = std::sync::Arc::new(arrow_schema::Schema::new(fields));
    arrow_array::RecordBatch::try_new(schema, columns).unwrap()
}

#[cfg(feature = "parquet")]
fn a_parquet_order_total_off_by_a_cent(dir: &Path) {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Decimal128Type;
    let mut changed = false;
    edit_parquet(dir, "orders", |batch| {
        let status = batch.column_by_name("status").unwrap().as_string::<i32>();
        let total = batch
            .column_by_name("total")
            .unwrap()
            .as_primitive::<Decimal128Type>();
        let mut cents: Vec<i128> = total.values().to_vec();
        if let Some(row) = (0..batch.num_rows()).find(|&r| status.value(r) == "cancelled")
            && !changed
        {
            cents[row] += 1;
            changed = true;
        }
        let total = arrow_array::Decimal128Array::from(cents)
            .with_precision_and_scale(12, 2)
            .unwrap();
        with_column(batch, "total", std::sync::Arc::new(total))
    });
    assert!(changed, "the base dataset has a cancelled order");
}

#[cfg(feature = "parquet")]
fn loyalty_points_as_parquet_text(dir: &Path) {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    edit_parquet(dir, "users", |batch| {
        let points = batch.column_by_name("loyalty_points").unwrap();
        let text: arrow_array::StringArray = points
            .as_primitive::<Int64Type>()
            .iter()
            .map(|v| v.map(|v| v.to_string()))
            .collect();
        with_column(batch, "loyalty_points", std::sync::Arc::new(text))
    });
}

/// Runs SQL on a dataset's database, its CHECK constraints off, as a tool that edits
/// it without them would.
#[cfg(feature = "sqlite")]
fn sql(dir: &Path, statement: &str) {
    let db = rusqlite::Connection::open(dir.join("ecomgen.db")).unwrap();
    db.execute_batch(&format!(
        "PRAGMA ignore_check_constraints = ON; {statement}"
    ))
    .unwrap();
    assert_eq!(db.changes(), 1, "{statement}");
}

#[cfg(feature = "sqlite")]
fn a_sqlite_capture_off_by_a_cent(dir: &Path) {
    sql(
        dir,
        "UPDATE payments SET amount = amount + 0.01 WHERE payment_id = (
            SELECT p.payment_id FROM payments p JOIN orders o ON o.order_id = p.order_id
            WHERE o.status = 'delivered' AND p.status = 'completed'
              AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.order_id)
            ORDER BY p.rowid LIMIT 1)",
    );
}

#[cfg(feature = "sqlite")]
fn a_sqlite_boolean_stored_as_text(dir: &Path) {
    sql(
        dir,
        "UPDATE users SET is_active = 'true' WHERE rowid = (SELECT min(rowid) FROM users)",
    );
}

#[cfg(feature = "sqlite")]
fn sqlite_loyalty_points_in_words(dir: &Path) {
    sql(
        dir,
        "UPDATE users SET loyalty_points = 'many' WHERE rowid = (SELECT min(rowid) FROM users)",
    );
}

// Damaged files: whatever a file holds, validate answers without panicking.

/// How a file is damaged.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut at this fraction of its length.
    Truncate(f64),
    /// Bytes at these fractions of its length xor-ed with these masks.
    Flip(Vec<(f64, u8)>),
    /// Random bytes written over it from this fraction of its length on.
    Overwrite(f64, Vec<u8>),
    /// The whole file replaced by random bytes.
    Garbage(Vec<u8>),
}

impl Damage {
    fn apply(&self, bytes: &mut Vec<u8>) {
        let at = |f: f64, len: usize| ((len as f64 * f) as usize).min(len.saturating_sub(1));
        match self {
            Damage::Truncate(f) => bytes.truncate((bytes.len() as f64 * f) as usize),
            Damage::Flip(flips) => {
                for &(f, mask) in flips {
                    if !bytes.is_empty() {
                        let i = at(f, bytes.len());
                        bytes[i] ^= mask;
                    }
                }
            }
            Damage::Overwrite(f, noise) => {
                let start = at(*f, bytes.len());
                for (i, b) in noise.iter().enumerate() {
                    match bytes.get_mut(start + i) {
                        Some(slot) => *slot = *b,
                        None => bytes.push(*b),
                    }
                }
            }
            Damage::Garbage(noise) => *bytes = noise.clone(),
        }
    }
}

fn damage() -> impl proptest::strategy::Strategy<Value = Damage> {
    use proptest::prelude::*;
    prop_oneof![
        (0.0..1.0f64).prop_map(Damage::Truncate),
        proptest::collection::vec((0.0..1.0f64, 1u8..=255), 1..8).prop_map(Damage::Flip),
        (0.0..1.0f64, proptest::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(f, noise)| Damage::Overwrite(f, noise)),
        proptest::collection::vec(any::<u8>(), 0..256).prop_map(Damage::Garbage),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 64,
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn damaged_files_never_make_validate_panic_or_pass_unnoticed(
        base in 0..Base::ALL.len(),
        file in 0..64usize,
        damage in damage(),
    ) {
        let base = Base::ALL[base];
        let (_temp, dir) = copy_of(base);
        // The data files: not the manifest, nor the SQLite format's reconcile.sql,
        // a query to run, which validate does not read.
        let names: Vec<String> = read_dir(&dir)
            .into_keys()
            .filter(|n| !n.starts_with("manifest") && n != "reconcile.sql")
            .collect();
        let name = &names[file % names.len()];
        let mut bytes = std::fs::read(dir.join(name)).unwrap();
        let before = bytes.clone();
        damage.apply(&mut bytes);
        std::fs::write(dir.join(name), &bytes).unwrap();
        let output = ecomgen(&["validate", dir.to_str().unwrap()]);
        let (out, err) = (String::from_utf8_lossy(&output.stdout), stderr(&output));
        let code = output.status.code();
        proptest::prop_assert!(!err.contains("panicked"), "{base:?} {name}: {err}");
        proptest::prop_assert!(matches!(code, Some(0..=2)), "{base:?} {name}: {code:?} {err}");
        match code {
            Some(2) => proptest::prop_assert!(
                err.starts_with("ecomgen: ") && err.lines().count() == 1,
                "{err}"
            ),
            Some(1) => proptest::prop_assert!(
                err.lines().all(|l| l.starts_with("ecomgen: ")) && !err.is_empty(),
                "{err}"
            ),
            _ => {
                proptest::prop_assert!(out.starts_with("ok: "), "{out}");
                if bytes != before {
                    let note = format!("note: {name} was edited since it was generated");
                    proptest::prop_assert!(out.contains(&note), "{base:?} {name}: {out}");
                }
            }
        }
    }
}
