//! Invariant 1 across files: every foreign key names a row of its table (primary keys
//! are checked while indexing), and the fields the schema marks unique hold no value
//! twice, each under the rule that states it.

use super::super::index::repeats;
use super::super::report::Findings;
use super::super::table::{Column, Id, Rows, Text};
use super::super::value::shown;
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::{Key, Table};
use std::collections::HashMap;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    for rows in joined.tables() {
        for field in rows.fields() {
            match field.key {
                Key::Unique => unique(rows, rows.column(field.name)?, found),
                Key::Foreign(target) => {
                    if let Some(index) = joined.index(target) {
                        let column: Column<Id> = rows.column(field.name)?;
                        for row in 0..rows.len() {
                            if let Some(id) = column.at(row)
                                && !index.contains_key(id)
                            {
                                found.at(
                                    rows,
                                    row,
                                    Rule::ForeignKey,
                                    format!(
                                        "{} {id} matches no row of {}",
                                        field.name,
                                        target.name()
                                    ),
                                );
                            }
                        }
                    }
                }
                Key::Primary | Key::None => {}
            }
        }
    }
    Ok(())
}

/// The rule a unique field's repeats break: the data model names some.
fn unique_rule(table: Table) -> Rule {
    match table {
        Table::Users => Rule::UsersUnique,
        Table::Products => Rule::ProductsSku,
        Table::Promotions => Rule::PromotionsCode,
        _ => Rule::SchemaUnique,
    }
}

fn unique(rows: &Rows, column: Column<Text>, found: &mut Findings) {
    let rule = unique_rule(rows.spec.table);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in 0..rows.len() {
        let Some(v) = column.at(row) else { continue };
        if let Some(first) = repeats(&mut seen, v, row) {
            found.at(
                rows,
                row,
                rule,
                format!(
                    "{} {} repeats record {}",
                    column.name(),
                    shown(v),
                    first + 1
                ),
            );
        }
    }
}
