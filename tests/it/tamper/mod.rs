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

mod analytics;
mod damage;
mod delivery;
mod formats;
mod keys;
mod orders;
mod promotions;
mod reports;

// The cases live with their rule family; the table below names them all.
use analytics::*;
use delivery::*;
use formats::*;
use keys::*;
use orders::*;
use promotions::*;

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
