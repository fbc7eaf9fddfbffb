//! The vocabulary of the data model: which entities and tables exist, and what a field
//! is (name, type, key, nullability, meaning). Identifiers only: what each entity is
//! and how its rows are made is declared beside its generator (`generate::registry`),
//! so this module depends on nothing and everything can depend on it.

use serde::Serialize;

/// Every entity ecomgen writes. Declaration order is the order files are listed in;
/// generation order follows from each entity's parents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    Users,
    Categories,
    Vendors,
    Warehouses,
    Products,
    Inventory,
    Promotions,
    Orders,
    Payments,
    Shipping,
    Returns,
    Reviews,
    SupportTickets,
    Wishlists,
    Notifications,
    UserAnalytics,
    ProductAnalytics,
}

impl Entity {
    pub const COUNT: usize = 17;

    pub const ALL: [Entity; Entity::COUNT] = [
        Entity::Users,
        Entity::Categories,
        Entity::Vendors,
        Entity::Warehouses,
        Entity::Products,
        Entity::Inventory,
        Entity::Promotions,
        Entity::Orders,
        Entity::Payments,
        Entity::Shipping,
        Entity::Returns,
        Entity::Reviews,
        Entity::SupportTickets,
        Entity::Wishlists,
        Entity::Notifications,
        Entity::UserAnalytics,
        Entity::ProductAnalytics,
    ];

    /// Position in `ALL`, for tables indexed by entity.
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Every table of the data model: one per entity, plus order items, which nest inside
/// orders in tree formats and are a file of their own in flat ones. A key can point at
/// any table, order items included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    Users,
    Categories,
    Vendors,
    Warehouses,
    Products,
    Inventory,
    Promotions,
    Orders,
    OrderItems,
    Payments,
    Shipping,
    Returns,
    Reviews,
    SupportTickets,
    Wishlists,
    Notifications,
    UserAnalytics,
    ProductAnalytics,
}

impl Table {
    pub const COUNT: usize = 18;

    pub const ALL: [Table; Table::COUNT] = [
        Table::Users,
        Table::Categories,
        Table::Vendors,
        Table::Warehouses,
        Table::Products,
        Table::Inventory,
        Table::Promotions,
        Table::Orders,
        Table::OrderItems,
        Table::Payments,
        Table::Shipping,
        Table::Returns,
        Table::Reviews,
        Table::SupportTickets,
        Table::Wishlists,
        Table::Notifications,
        Table::UserAnalytics,
        Table::ProductAnalytics,
    ];

    /// The entity whose generator writes this table's rows.
    pub const fn entity(self) -> Entity {
        match self {
            Table::Users => Entity::Users,
            Table::Categories => Entity::Categories,
            Table::Vendors => Entity::Vendors,
            Table::Warehouses => Entity::Warehouses,
            Table::Products => Entity::Products,
            Table::Inventory => Entity::Inventory,
            Table::Promotions => Entity::Promotions,
            Table::Orders | Table::OrderItems => Entity::Orders,
            Table::Payments => Entity::Payments,
            Table::Shipping => Entity::Shipping,
            Table::Returns => Entity::Returns,
            Table::Reviews => Entity::Reviews,
            Table::SupportTickets => Entity::SupportTickets,
            Table::Wishlists => Entity::Wishlists,
            Table::Notifications => Entity::Notifications,
            Table::UserAnalytics => Entity::UserAnalytics,
            Table::ProductAnalytics => Entity::ProductAnalytics,
        }
    }

    pub const fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// Lowercase hyphenated UUID.
    Uuid,
    Text,
    Integer,
    Boolean,
    /// Decimal string with two places: an amount in the row's currency.
    Money,
    /// Decimal string with two places that is not money (an average rating).
    Decimal,
    /// `YYYY-MM-DDTHH:MM:SS`.
    Timestamp,
    /// `YYYY-MM-DD`.
    Date,
}

impl FieldType {
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Uuid => "uuid",
            FieldType::Text => "text",
            FieldType::Integer => "integer",
            FieldType::Boolean => "boolean",
            FieldType::Money => "money",
            FieldType::Decimal => "decimal",
            FieldType::Timestamp => "timestamp",
            FieldType::Date => "date",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    None,
    Primary,
    /// Unique across the table, but not the primary key.
    Unique,
    /// Points at the primary key of a table.
    Foreign(Table),
}

/// The range a number must lie in. Money and integers are never negative unless a
/// field says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    NonNegative,
    /// Above zero (a price).
    Positive,
    AtLeast(i64),
    Between(i64, i64),
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub key: Key,
    /// Whether the value may be missing (empty in CSV, null in JSON, empty in XML).
    pub nullable: bool,
    /// The only values the field takes, for enumerations; empty otherwise.
    pub values: &'static [&'static str],
    /// For numbers, a range other than "0 or more".
    pub bound: Option<Bound>,
    pub doc: &'static str,
}

impl Field {
    pub const fn new(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
        Field {
            name,
            ty,
            key: Key::None,
            nullable: false,
            values: &[],
            bound: None,
            doc,
        }
    }

    pub const fn primary(name: &'static str, doc: &'static str) -> Field {
        Field {
            key: Key::Primary,
            ..Field::new(name, FieldType::Uuid, doc)
        }
    }

    pub const fn foreign(name: &'static str, to: Table, doc: &'static str) -> Field {
        Field {
            key: Key::Foreign(to),
            ..Field::new(name, FieldType::Uuid, doc)
        }
    }

    pub const fn unique(self) -> Field {
        Field {
            key: Key::Unique,
            ..self
        }
    }

    pub const fn one_of(self, values: &'static [&'static str]) -> Field {
        Field { values, ..self }
    }

    pub const fn nullable(self) -> Field {
        Field {
            nullable: true,
            ..self
        }
    }

    pub const fn bounded(self, bound: Bound) -> Field {
        Field {
            bound: Some(bound),
            ..self
        }
    }

    /// The range a number field's values lie in; `None` for other types.
    pub fn range(&self) -> Option<Bound> {
        match self.ty {
            FieldType::Integer | FieldType::Money | FieldType::Decimal => {
                Some(self.bound.unwrap_or(Bound::NonNegative))
            }
            _ => None,
        }
    }
}

/// How a child table's rows sit inside their parent's in tree formats (JSON, XML):
/// `<items><item>...</item></items>`, without the column that names the parent.
#[derive(Clone, Copy, Debug)]
pub struct Nesting {
    /// Field name (JSON) and wrapper element (XML): `items`.
    pub wrapper: &'static str,
    /// Element of one child (XML): `item`.
    pub tag: &'static str,
    /// Position of the field naming the parent row, left out when nested.
    pub parent_field: usize,
}

/// One table: its file stem, XML tags and fields.
#[derive(Clone, Copy, Debug)]
pub struct TableSpec {
    pub table: Table,
    /// File stem, SQL table and XML root element: `orders`.
    pub name: &'static str,
    /// XML row element: `order`.
    pub row_tag: &'static str,
    pub fields: &'static [Field],
    /// For a child table, how tree formats nest it in its parent's rows.
    pub nesting: Option<Nesting>,
}

impl TableSpec {
    /// The position of a field, by name.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// The field that holds the row's own key (its id, or for analytics the id it
    /// summarises): always the first.
    pub fn key_field(&self) -> &'static Field {
        &self.fields[0]
    }

    /// Fields as a child nested in its parent's row writes them.
    pub fn nested_fields(&self) -> impl Iterator<Item = (usize, &'static Field)> {
        let skip = self.nesting.map(|n| n.parent_field);
        self.fields
            .iter()
            .enumerate()
            .filter(move |(i, _)| Some(*i) != skip)
    }
}
