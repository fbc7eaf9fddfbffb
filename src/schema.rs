//! The data model as the code has it: every entity's fields, types, keys and meaning.
//! CSV headers come from here, `ecomgen schema` prints it, and unit tests check that
//! each generated row serializes exactly these fields, so the three cannot drift.

use crate::generate::Entity;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// Lowercase hyphenated UUID.
    Uuid,
    Text,
    Integer,
    Boolean,
    /// Decimal string with two places.
    Money,
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
            FieldType::Timestamp => "timestamp",
            FieldType::Date => "date",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "references")]
pub enum Key {
    None,
    Primary,
    /// Unique across the file, but not the primary key.
    Unique,
    Foreign(Entity),
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Field {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: FieldType,
    pub key: Key,
    /// Whether the value may be missing (empty in CSV, null in JSON, empty in XML).
    pub nullable: bool,
    /// The only values the field takes, for enumerations; empty otherwise.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub values: &'static [&'static str],
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
            doc,
        }
    }

    pub const fn primary(name: &'static str, doc: &'static str) -> Field {
        Field {
            key: Key::Primary,
            ..Field::new(name, FieldType::Uuid, doc)
        }
    }

    pub const fn foreign(name: &'static str, to: Entity, doc: &'static str) -> Field {
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
}

/// One output file: an entity's own file, or a child file a flat format needs
/// (order items in CSV).
#[derive(Clone, Copy, Debug)]
pub struct FileSpec {
    /// File stem and XML root element: `orders`.
    pub name: &'static str,
    /// XML row element: `order`.
    pub row_tag: &'static str,
    pub fields: &'static [Field],
}

pub fn header_names(fields: &[Field]) -> impl Iterator<Item = &'static str> + '_ {
    fields.iter().map(|f| f.name)
}
