//! Indexes that let the checks join tables without scanning them: the row of each
//! primary key, and the rows of a child table (items, payments, shipments, returns)
//! grouped by the order they belong to. Keys are borrowed from the rows in memory.

use super::report::Findings;
use super::table::{Column, Id, Rows};
use crate::rules::Rule;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

/// The first row of each key of a table.
pub type KeyIndex<'a> = HashMap<&'a str, usize>;

/// The row that first held `key`, when `row` repeats it; otherwise `row` is recorded
/// as the first.
pub fn repeats<K: Hash + Eq>(seen: &mut HashMap<K, usize>, key: K, row: usize) -> Option<usize> {
    match seen.entry(key) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(row);
            None
        }
    }
}

/// Indexes a table by `key`, reporting every key seen before (invariant 1).
pub fn key_index<'a>(rows: &'a Rows, key: Column<'a, Id>, found: &mut Findings) -> KeyIndex<'a> {
    let mut index = HashMap::with_capacity(rows.len());
    for row in 0..rows.len() {
        let Some(id) = key.at(row) else { continue };
        if let Some(first) = repeats(&mut index, id, row) {
            found.at(
                rows,
                row,
                Rule::PrimaryKey,
                format!("{} {id} repeats record {}", key.name(), first + 1),
            );
        }
    }
    index
}

/// Rows of a child table grouped by the parent row they point to, in one allocation
/// (offsets into a list of members), since orders have millions of children.
pub struct Groups {
    start: Vec<usize>,
    members: Vec<usize>,
}

impl Groups {
    /// Groups the rows of `child` by the row of `parents` their `parent` column names.
    pub fn new(parents: usize, child: Column<'_, Id>, rows: usize, index: &KeyIndex) -> Groups {
        let parent_of: Vec<Option<usize>> = (0..rows)
            .map(|r| child.at(r).and_then(|id| index.get(id).copied()))
            .collect();
        let mut start = vec![0; parents + 1];
        for p in parent_of.iter().flatten() {
            start[p + 1] += 1;
        }
        for i in 0..parents {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut members = vec![0; start[parents]];
        for (r, p) in parent_of.iter().enumerate() {
            if let Some(p) = p {
                members[next[*p]] = r;
                next[*p] += 1;
            }
        }
        Groups { start, members }
    }

    /// The child rows of parent row `parent`, in file order.
    pub fn of(&self, parent: usize) -> &[usize] {
        &self.members[self.start[parent]..self.start[parent + 1]]
    }
}
