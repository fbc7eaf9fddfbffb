//! Invariants 3 and 4 across rows: the category tree, discontinued goods that no
//! longer sell, and one inventory row per product and warehouse (skus are checked
//! with the keys, prices and stock with the values' ranges).

use super::super::index::repeats;
use super::super::report::Findings;
use super::super::table::{Day, Id, Moment, Rows, Text};
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;
use std::collections::HashMap;

/// Following parents from any category ends at a department.
pub fn check_categories(joined: &Joined, found: &mut Findings) -> Result<()> {
    let (Some(t), Some(index)) = (
        joined.table(Table::Categories),
        joined.index(Table::Categories),
    ) else {
        return Ok(());
    };
    let id = t.column::<Id>("category_id")?;
    let parent_id = t.column::<Id>("parent_category_id")?;
    let parent: Vec<Option<usize>> = (0..t.len())
        .map(|r| parent_id.at(r).and_then(|id| index.get(id).copied()))
        .collect();
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; t.len()];
    let mut path = Vec::new();
    for start in 0..t.len() {
        let mut node = Some(start);
        while let Some(x) = node {
            match state[x] {
                DONE => break,
                ON_PATH => {
                    let cycle = &path[path.iter().position(|&p| p == x).unwrap_or(0)..];
                    report_cycle(t, cycle, found, |r| id.text(r));
                    break;
                }
                _ => {
                    state[x] = ON_PATH;
                    path.push(x);
                    node = parent[x];
                }
            }
        }
        for &x in &path {
            state[x] = DONE;
        }
        path.clear();
    }
    Ok(())
}

/// Reports a cycle once, at its first row.
fn report_cycle<'t>(
    t: &Rows,
    cycle: &[usize],
    found: &mut Findings,
    id: impl Fn(usize) -> Option<&'t str>,
) {
    let first = cycle.iter().copied().min().unwrap_or(0);
    let ids: Vec<&str> = cycle.iter().filter_map(|&r| id(r)).collect();
    found.at(
        t,
        first,
        Rule::CategoriesTree,
        format!(
            "the category is its own ancestor: parents form a cycle of {} ({})",
            cycle.len(),
            ids.join(" -> ")
        ),
    );
}

/// A discontinued product is inactive and is not sold from that day on.
pub fn check_products(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(t) = joined.table(Table::Products) else {
        return Ok(());
    };
    let active = t.column::<Text>("is_active")?;
    let stopped = t.column::<Day>("discontinued_at")?;
    for row in 0..t.len() {
        let problem = match (active.at(row), stopped.at(row)) {
            (Some("true"), Some(day)) => Some(format!(
                "the product is active but discontinued_at is {day}"
            )),
            (Some("false"), None) if stopped.text(row).is_none() => {
                Some("the product is not active but has no discontinued_at".to_string())
            }
            _ => None,
        };
        if let Some(problem) = problem {
            found.at(t, row, Rule::ProductsDiscontinued, problem);
        }
    }
    let (Some(orders), Some(items), Some(groups)) = (
        joined.table(Table::Orders),
        joined.table(Table::OrderItems),
        &joined.items_of,
    ) else {
        return Ok(());
    };
    let placed = orders.column::<Moment>("created_at")?;
    let product = items.column::<Id>("product_id")?;
    for order in 0..orders.len() {
        let Some(at) = placed.at(order) else { continue };
        for &item in groups.of(order) {
            if let Some(p) = joined.find(Table::Products, product.at(item))
                && let Some(day) = stopped.at(p)
                && at.date() >= day
            {
                found.at(
                    items,
                    item,
                    Rule::ProductsDiscontinued,
                    format!(
                        "the order was placed at {at}, once its product was discontinued on {day}"
                    ),
                );
            }
        }
    }
    Ok(())
}

pub fn check_inventory(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(t) = joined.table(Table::Inventory) else {
        return Ok(());
    };
    let product = t.column::<Id>("product_id")?;
    let warehouse = t.column::<Id>("warehouse_id")?;
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for row in 0..t.len() {
        if let (Some(p), Some(w)) = (product.at(row), warehouse.at(row))
            && let Some(first) = repeats(&mut seen, (p, w), row)
        {
            found.at(
                t,
                row,
                Rule::InventoryPair,
                format!("product {p} in warehouse {w} repeats record {}", first + 1),
            );
        }
    }
    Ok(())
}
