//! Turns the records a reader parsed (named values, in any order) into rows in schema
//! order, reporting records whose set of fields is wrong; for tree formats, also the
//! rows of the child table nested in each record, with the parent key each child
//! takes from its parent.

use super::super::report::Findings;
use super::super::table::{RowBuilder, Rows};
use super::super::value::shown;
use crate::rules::Rule;
use crate::schema::{Field, Nesting, TableSpec};

/// A record's values by field name; `None` for a missing value.
pub type Pairs<'a> = [(&'a str, Option<&'a str>)];

/// Builds the table of one file, and for a tree format the table nested in it.
pub struct Loader {
    rows: Rows,
    /// Field names a record must have: the schema's, plus the nested wrapper.
    expected: Vec<&'static str>,
    child: Option<Child>,
    builder: RowBuilder,
}

/// The child table nested in each record (order items in orders).
struct Child {
    rows: Rows,
    nesting: Nesting,
    /// Field names a nested record must have: the schema's but the parent's key.
    expected: Vec<&'static str>,
}

impl Loader {
    /// A loader of `spec`'s file; `nested` is the child table written inside each of
    /// its records, for tree formats.
    pub fn new(spec: &'static TableSpec, nested: Option<&'static TableSpec>) -> Loader {
        let mut expected: Vec<&'static str> = spec.fields.iter().map(|f| f.name).collect();
        let child = nested.and_then(|child| {
            let nesting = child.nesting?;
            expected.push(nesting.wrapper);
            Some(Child {
                rows: Rows::new(child),
                nesting,
                expected: child.nested_fields().map(|(_, f)| f.name).collect(),
            })
        });
        Loader {
            rows: Rows::new(spec),
            expected,
            child,
            builder: RowBuilder::default(),
        }
    }

    pub fn name(&self) -> &'static str {
        self.rows.name()
    }

    pub fn spec(&self) -> &'static TableSpec {
        self.rows.spec
    }

    pub fn fields(&self) -> &'static [Field] {
        self.rows.fields()
    }

    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }

    /// Rows read so far: the index the next record gets.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// How the child table nests, when this file holds one.
    pub fn nesting(&self) -> Option<Nesting> {
        self.child.as_ref().map(|c| c.nesting)
    }

    pub fn child_spec(&self) -> Option<&'static TableSpec> {
        self.child.as_ref().map(|c| c.rows.spec)
    }

    pub fn child_len(&self) -> usize {
        self.child.as_ref().map_or(0, |c| c.rows.len())
    }

    pub fn mark_misshapen(&mut self, row: usize) {
        self.rows.mark_misshapen(row);
    }

    /// Adds a record whose values come in schema order (CSV's columns).
    pub fn push_in_order<'v>(
        &mut self,
        values: impl Iterator<Item = Option<&'v str>>,
    ) -> Result<(), String> {
        for value in values {
            self.builder.push(value)?;
        }
        self.rows.push(self.builder.finish());
        Ok(())
    }

    /// Adds a record; `names` are the field names the source record had (the nested
    /// wrapper included), `pairs` its values.
    pub fn add_row(
        &mut self,
        names: &[&str],
        pairs: &Pairs,
        found: &mut Findings,
    ) -> Result<(), String> {
        let row = self.rows.len();
        if let Some(problem) = shape_problem(&self.expected, names) {
            found.at(
                &self.rows,
                row,
                Rule::FormatFields,
                format!("the row {problem}"),
            );
            self.rows.mark_misshapen(row);
        }
        for field in self.rows.fields() {
            let value = pairs.iter().find(|p| p.0 == field.name).and_then(|p| p.1);
            self.builder.push(value)?;
        }
        self.rows.push(self.builder.finish());
        Ok(())
    }

    /// Adds a record of the nested table, inside the record last added, whose key
    /// is `parent_key`.
    pub fn add_child(
        &mut self,
        parent_key: Option<&str>,
        pairs: &Pairs,
        found: &mut Findings,
    ) -> Result<(), String> {
        let Some(child) = &mut self.child else {
            return Ok(());
        };
        let row = child.rows.len();
        let names: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        if let Some(problem) = shape_problem(&child.expected, &names) {
            // The parent's own row is already in: children are added after it.
            let parent_record = self.rows.len();
            found.at(
                &child.rows,
                row,
                Rule::FormatFields,
                format!(
                    "the {} (of {} record {parent_record}) {problem}",
                    child.nesting.tag,
                    self.rows.name()
                ),
            );
            child.rows.mark_misshapen(row);
        }
        for (i, field) in child.rows.fields().iter().enumerate() {
            let value = if i == child.nesting.parent_field {
                parent_key
            } else {
                pairs.iter().find(|p| p.0 == field.name).and_then(|p| p.1)
            };
            self.builder.push(value)?;
        }
        child.rows.push(self.builder.finish());
        Ok(())
    }

    /// The file's rows, and the nested table's when it has one.
    pub fn finish(self) -> (Rows, Option<Rows>) {
        (self.rows, self.child.map(|c| c.rows))
    }
}

/// What is wrong with a record's (or a header's) set of fields, if anything.
pub fn shape_problem(expected: &[&str], names: &[&str]) -> Option<String> {
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|e| !names.contains(e))
        .collect();
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !expected.contains(name) {
            unknown.push(*name);
        } else if names[..i].contains(name) && !repeated.contains(name) {
            repeated.push(*name);
        }
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("lacks {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        let unknown: Vec<String> = unknown.iter().map(|n| shown(n)).collect();
        parts.push(format!("has unknown fields {}", unknown.join(", ")));
    }
    if !repeated.is_empty() {
        parts.push(format!("repeats {}", repeated.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
