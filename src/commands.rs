//! The informational commands: `entities` and `schema`, rendered from the registry and
//! the schema tables so they always describe the code as it is.

use crate::generate::{CountRule, Entity, plan::dependency_order};
use crate::schema::{Field, Key};
use std::fmt::Write;

pub fn entities_table() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<18} {:<32} {:>8}  COUNT",
        "ENTITY", "PARENTS", "DEFAULT"
    );
    for entity in dependency_order() {
        let parents: Vec<_> = entity.parents().iter().map(|p| p.name()).collect();
        let parents = if parents.is_empty() {
            "-".to_string()
        } else {
            parents.join(",")
        };
        let (default, how) = match entity.count_rule() {
            CountRule::Set(n) => (n.to_string(), "set (--count, --scale)".to_string()),
            CountRule::Derived(how) => ("-".to_string(), format!("derived: {how}")),
            CountRule::DerivedOrSet(how) => (
                "-".to_string(),
                format!("derived: {how}; or set with --count"),
            ),
        };
        let _ = writeln!(
            out,
            "{:<18} {:<32} {:>8}  {how}",
            entity.name(),
            parents,
            default
        );
    }
    out
}

fn key_text(field: &Field) -> String {
    match field.key {
        Key::None => String::new(),
        Key::Primary => "primary key".to_string(),
        Key::Unique => "unique".to_string(),
        Key::Foreign(to) => format!("-> {}", to.name()),
    }
}

pub fn schema_text(only: Option<Entity>) -> String {
    let mut out = String::new();
    for entity in Entity::ALL
        .into_iter()
        .filter(|e| only.is_none_or(|o| o == *e))
    {
        let _ = writeln!(
            out,
            "{} ({}.csv/.json/.jsonl/.xml): {}",
            entity.name(),
            entity.name(),
            entity.doc()
        );
        write_fields(&mut out, entity.fields());
        if entity == Entity::Orders {
            let _ = writeln!(
                out,
                "  items           nested list of order items (JSON, JSONL, XML); CSV writes them to order_items.csv:"
            );
            write_fields(&mut out, crate::generate::orders::ITEM_FIELDS);
        }
        out.push('\n');
    }
    out
}

fn write_fields(out: &mut String, fields: &[Field]) {
    for f in fields {
        let ty = if f.nullable {
            format!("{}?", f.ty.name())
        } else {
            f.ty.name().to_string()
        };
        let _ = write!(
            out,
            "  {:<20} {:<11} {:<18} {}",
            f.name,
            ty,
            key_text(f),
            f.doc
        );
        if !f.values.is_empty() {
            let _ = write!(out, " One of: {}.", f.values.join(", "));
        }
        out.push('\n');
    }
}

pub fn schema_json(only: Option<Entity>) -> String {
    let entities: Vec<serde_json::Value> = Entity::ALL
        .into_iter()
        .filter(|e| only.is_none_or(|o| o == *e))
        .map(|e| {
            let mut value = serde_json::json!({
                "entity": e.name(),
                "description": e.doc(),
                "parents": e.parents().iter().map(|p| p.name()).collect::<Vec<_>>(),
                "fields": e.fields(),
            });
            if e == Entity::Orders {
                value["items"] = serde_json::json!({
                    "csv_file": "order_items",
                    "fields": crate::generate::orders::ITEM_FIELDS,
                });
            }
            value
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&entities).expect("schema serializes");
    text.push('\n');
    text
}

/// The completion script of `shell`, generated from the clap definition.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = <crate::cli::Args as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "ecomgen", &mut out);
    String::from_utf8(out).expect("completion scripts are UTF-8")
}

/// The man page in roff.
pub fn man_page() -> String {
    let command = <crate::cli::Args as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("the man page is UTF-8")
}

/// A count with its noun, for people: "1 row", "2 rows".
pub fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
