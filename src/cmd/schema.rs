//! `ecomgen entities` and `ecomgen schema`: the registry and the schema as a reader
//! wants them, rendered from the code so they always describe it as it is.

use crate::generate::{CountRule, dependency_order};
use crate::schema::{Entity, Field, Key, TableSpec};
use serde_json::{Value, json};
use std::fmt::Write;

pub fn entities_table() -> String {
    let parents = |entity: Entity| match entity.parents() {
        [] => "-".to_string(),
        parents => parents
            .iter()
            .map(|p| p.name())
            .collect::<Vec<_>>()
            .join(","),
    };
    let width = Entity::ALL
        .map(|e| parents(e).len())
        .into_iter()
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<18} {:<width$} {:>8}  COUNT",
        "ENTITY", "PARENTS", "DEFAULT"
    );
    for entity in dependency_order() {
        let parents = parents(entity);
        let (default, how) = match entity.count_rule() {
            CountRule::Set(n) => (n.to_string(), "set (--count, --scale)".to_string()),
            CountRule::SetRoot(n) => (
                n.to_string(),
                "set (--count; --scale grows it as its square root)".to_string(),
            ),
            CountRule::Derived(how) => ("-".to_string(), format!("derived: {how}")),
            CountRule::DerivedOrSet(how) => (
                "-".to_string(),
                format!("derived: {how}; or set with --count"),
            ),
        };
        let _ = writeln!(
            out,
            "{:<18} {:<width$} {:>8}  {how}",
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

fn chosen(only: Option<Entity>) -> impl Iterator<Item = Entity> {
    Entity::ALL
        .into_iter()
        .filter(move |e| only.is_none_or(|o| o == *e))
}

pub fn schema_text(only: Option<Entity>) -> String {
    let mut out = String::new();
    for entity in chosen(only) {
        let spec = entity.spec();
        let _ = writeln!(
            out,
            "{} ({}.csv/.json/.jsonl/.xml): {}",
            spec.name, spec.name, spec.doc
        );
        write_fields(&mut out, spec.tables[0].fields);
        for child in &spec.tables[1..] {
            let nesting = child.nesting.expect("a child table nests");
            let _ = writeln!(
                out,
                "  {:<15} nested list of {} (JSON, JSONL, XML); CSV writes them to {}.csv:",
                nesting.wrapper,
                child.name.replace('_', " "),
                child.name
            );
            write_fields(&mut out, child.fields);
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

fn field_json(field: &Field) -> Value {
    let key = match field.key {
        Key::None => json!({"kind": "none"}),
        Key::Primary => json!({"kind": "primary"}),
        Key::Unique => json!({"kind": "unique"}),
        Key::Foreign(to) => json!({"kind": "foreign", "references": to.name()}),
    };
    let mut value = json!({
        "name": field.name,
        "type": field.ty.name(),
        "key": key,
        "nullable": field.nullable,
        "doc": field.doc,
    });
    if !field.values.is_empty() {
        value["values"] = json!(field.values);
    }
    value
}

fn fields_json(table: &TableSpec) -> Value {
    Value::Array(table.fields.iter().map(field_json).collect())
}

pub fn schema_json(only: Option<Entity>) -> String {
    let entities: Vec<Value> = chosen(only)
        .map(|e| {
            let spec = e.spec();
            let mut value = json!({
                "entity": spec.name,
                "description": spec.doc,
                "parents": spec.parents.iter().map(|p| p.name()).collect::<Vec<_>>(),
                "fields": fields_json(spec.tables[0]),
            });
            for child in &spec.tables[1..] {
                let nesting = child.nesting.expect("a child table nests");
                value[nesting.wrapper] = json!({
                    "csv_file": child.name,
                    "fields": fields_json(child),
                });
            }
            value
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&entities).expect("schema serializes");
    text.push('\n');
    text
}

/// The field reference of every table, as Markdown: the generated part of
/// DATA_MODEL.md (a test keeps the document equal to it).
pub fn fields_markdown() -> String {
    let mut out = String::new();
    for table in crate::schema::Table::load_order() {
        let entity = table.table.entity().spec();
        let nested = table
            .nesting
            .map(|n| format!(" Nested under `{}` in JSON, JSON Lines and XML.", n.wrapper))
            .unwrap_or_default();
        let doc = if table.name == entity.name {
            entity.doc
        } else {
            ""
        };
        let _ = writeln!(out, "### {}\n\n{doc}{nested}\n", table.name);
        out.push_str("| field | type | key | meaning |\n|---|---|---|---|\n");
        for f in table.fields {
            let ty = if f.nullable {
                format!("{}, may be empty", f.ty.name())
            } else {
                f.ty.name().to_string()
            };
            let mut doc = f.doc.replace('|', "\\|");
            if !f.values.is_empty() {
                let _ = write!(doc, " One of: {}.", f.values.join(", "));
            }
            let _ = writeln!(out, "| `{}` | {ty} | {} | {doc} |", f.name, key_text(f));
        }
        out.push('\n');
    }
    out
}

/// Every rule by its id, as Markdown: the other generated part of DATA_MODEL.md.
pub fn rules_markdown() -> String {
    let mut out =
        String::from("| rule | table | what holds | also checked by |\n|---|---|---|---|\n");
    for rule in crate::rules::Rule::ALL {
        let spec = rule.spec();
        let table = spec
            .table
            .map_or("any".to_string(), |t| format!("`{}`", t.name()));
        let sql = match spec.sql {
            crate::rules::Sql::None => "",
            crate::rules::Sql::Check(_) => "SQL CHECK",
            crate::rules::Sql::Unique(_) => "SQL UNIQUE",
            crate::rules::Sql::Reconcile(_) => "reconcile.sql",
        };
        let _ = writeln!(out, "| `{}` | {table} | {} | {sql} |", spec.id, spec.text);
    }
    out
}
