//! Categories: a tree of departments, their subcategories, and specialised leaves
//! below those ("Travel Headphones"). The shape is a formula of the index, so any
//! category's parent and department are known without generating it.

use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record};
use crate::model::Id;
use crate::schema::{Bound, Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::catalog::{DEPARTMENTS, Department, Subcategory};
use serde::Serialize;
use std::fmt::Write;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("category_id", "Primary key."),
    Field::new("name", F::Text, "Display name."),
    Field::new("slug", F::Text, "URL path of the category, unique."),
    Field::foreign(
        "parent_category_id",
        Table::Categories,
        "Parent; empty for a department.",
    )
    .nullable(),
    Field::new(
        "level",
        F::Integer,
        "1 for departments, 2 for their subcategories, 3 below.",
    )
    .bounded(Bound::Between(1, 3)),
    Field::new("description", F::Text, "One-line description."),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Categories,
    name: "categories",
    row_tag: "category",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Categories,
    stable_id: 2,
    name: "categories",
    doc: "A category tree: departments, subcategories, specialised leaves.",
    parents: &[],
    requires: &[],
    count: CountRule::SetRoot(190),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Categories::new(world))
}

#[derive(Debug, Default, Serialize)]
pub struct Category {
    pub category_id: Id,
    pub name: String,
    pub slug: String,
    pub parent_category_id: Option<Id>,
    pub level: u32,
    pub description: String,
}

flat_record!(Category);

/// Where a category sits in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub department: usize,
    /// `None` for a department itself.
    pub subcategory: Option<usize>,
    /// For a third-level category, the kind of product it holds: an index into its
    /// subcategory's nouns ("Wireless Earbuds" under Headphones).
    pub noun: Option<usize>,
    pub parent: Option<u64>,
}

/// The third-level categories in the order the tree adds them: each subcategory's
/// first kind of product, then each one's second, and so on, so a small tree is
/// balanced. Every name in the tree is a different real kind of goods.
fn leaves() -> &'static [(usize, usize, usize)] {
    static LEAVES: std::sync::OnceLock<Vec<(usize, usize, usize)>> = std::sync::OnceLock::new();
    LEAVES.get_or_init(|| {
        let d = DEPARTMENTS.len();
        let subs = DEPARTMENTS[0].subcategories.len();
        let most = DEPARTMENTS
            .iter()
            .flat_map(|dept| dept.subcategories.iter().map(|s| s.nouns.len()))
            .max()
            .unwrap_or(0);
        let mut leaves = Vec::new();
        for round in 0..most {
            for slot in 0..d * subs {
                let (department, subcategory) = (slot % d, slot / d);
                if round
                    < DEPARTMENTS[department].subcategories[subcategory]
                        .nouns
                        .len()
                {
                    leaves.push((department, subcategory, round));
                }
            }
        }
        leaves
    })
}

/// The tree's shape for `count` categories.
#[derive(Clone, Copy, Debug)]
pub struct Tree {
    count: u64,
    departments: u64,
}

impl Tree {
    pub fn new(count: u64) -> Self {
        Tree {
            count: count.min(Tree::most()),
            departments: count.min(DEPARTMENTS.len() as u64),
        }
    }

    /// The most categories the catalog has distinct names for: departments, their
    /// subcategories, and every kind of product below those.
    pub fn most() -> u64 {
        let d = DEPARTMENTS.len() as u64;
        d + d * DEPARTMENTS[0].subcategories.len() as u64 + leaves().len() as u64
    }

    fn subcategory_count(&self) -> u64 {
        self.departments * DEPARTMENTS[0].subcategories.len() as u64
    }

    pub fn shape(&self, index: u64) -> Shape {
        let d = self.departments;
        if index < d {
            return Shape {
                department: index as usize,
                subcategory: None,
                noun: None,
                parent: None,
            };
        }
        let subcategories = self.subcategory_count();
        if index < d + subcategories {
            let department = ((index - d) % d) as usize;
            return Shape {
                department,
                subcategory: Some(((index - d) / d) as usize),
                noun: None,
                parent: Some(department as u64),
            };
        }
        let (department, subcategory, noun) = leaves()[(index - d - subcategories) as usize];
        Shape {
            department,
            subcategory: Some(subcategory),
            noun: Some(noun),
            parent: Some(d + subcategory as u64 * d + department as u64),
        }
    }

    /// Categories products are filed under: those without children, as shops file
    /// goods only in the most specific categories. A department's first child is at
    /// `index + d` and the leaves go to subcategories in index order, so the
    /// childless ones always form one range at the end.
    pub fn leaf_range(&self) -> Range<u64> {
        let (count, d) = (self.count, self.departments);
        let subcategories = self.subcategory_count();
        let start = if count <= d {
            0
        } else if count <= d + subcategories {
            (count - d).min(d)
        } else {
            (count - subcategories).min(d + subcategories)
        };
        start..count
    }

    /// How many departments (level-1 categories) there are; they come first.
    pub fn departments(&self) -> u64 {
        self.departments
    }

    /// The subcategories of department `department` that the tree holds.
    pub fn subcategories_of(&self, department: u64) -> Vec<u64> {
        let d = self.departments;
        let subs = DEPARTMENTS[department as usize].subcategories.len() as u64;
        (0..subs)
            .map(|s| d + s * d + department)
            .filter(|&c| c < self.count)
            .collect()
    }

    /// True when `ancestor` is `category` or one of its ancestors.
    pub fn is_within(&self, category: u64, ancestor: u64) -> bool {
        let mut current = Some(category);
        while let Some(c) = current {
            if c == ancestor {
                return true;
            }
            current = self.shape(c).parent;
        }
        false
    }
}

impl Shape {
    pub fn department(&self) -> &'static Department {
        &DEPARTMENTS[self.department]
    }

    pub fn subcategory(&self) -> Option<&'static Subcategory> {
        self.subcategory
            .map(|s| &self.department().subcategories[s])
    }

    pub fn level(&self) -> u32 {
        1 + self.subcategory.is_some() as u32 + self.noun.is_some() as u32
    }

    /// The kind of product a third-level category holds.
    pub fn noun(&self) -> Option<&'static crate::words::catalog::Noun> {
        Some(&self.subcategory()?.nouns[self.noun?])
    }

    pub fn write_name(&self, out: &mut String) {
        match (self.subcategory(), self.noun()) {
            (None, _) => out.push_str(self.department().name),
            (Some(sub), None) => out.push_str(sub.name),
            (Some(_), Some(noun)) => out.push_str(noun.name),
        }
    }
}

pub struct Categories<'w> {
    world: &'w World,
    tree: Tree,
}

impl<'w> Categories<'w> {
    pub fn new(world: &'w World) -> Self {
        Categories {
            world,
            tree: Tree::new(world.count(Entity::Categories)),
        }
    }

    fn fill(&self, index: u64, row: &mut Category) {
        let shape = self.tree.shape(index);
        let ids = self.world.ids(Table::Categories);
        row.category_id = ids.id(index);
        row.parent_category_id = shape.parent.map(|p| ids.id(p));
        row.level = shape.level();
        row.name.clear();
        shape.write_name(&mut row.name);
        row.slug.clear();
        // A path, as shop URLs have them: names are unique, so slugs are too.
        if let Some(parent) = shape.parent {
            let mut names = Vec::new();
            let mut at = Some(parent);
            while let Some(c) = at {
                let s = self.tree.shape(c);
                let mut name = String::new();
                s.write_name(&mut name);
                names.push(name);
                at = s.parent;
            }
            for name in names.iter().rev() {
                slugify(name, &mut row.slug);
                row.slug.push('/');
            }
        }
        slugify(&row.name, &mut row.slug);
        row.description.clear();
        match (shape.subcategory(), shape.noun()) {
            (_, Some(noun)) => {
                let sub = shape
                    .subcategory()
                    .expect("a kind of product has a subcategory");
                let _ = write!(
                    row.description,
                    "Every {} in {}, {}.",
                    noun.name.to_lowercase(),
                    sub.name,
                    shape.department().name
                );
            }
            (None, None) => {
                let _ = write!(
                    row.description,
                    "Everything in {}.",
                    shape.department().name
                );
            }
            (Some(sub), None) => {
                let _ = write!(
                    row.description,
                    "{} in {}, from {}.",
                    row.name,
                    shape.department().name,
                    sub.nouns
                        .iter()
                        .take(3)
                        .map(|n| n.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                        .to_lowercase()
                );
            }
        }
    }
}

pub fn slugify(name: &str, out: &mut String) {
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            dash = true;
        }
    }
}

impl Generator for Categories<'_> {
    type Row = Category;

    fn units(&self) -> u64 {
        self.world.count(Entity::Categories)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Category)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_go_exactly_to_the_categories_without_children() {
        for count in [
            0,
            1,
            5,
            10,
            11,
            15,
            20,
            21,
            40,
            69,
            70,
            71,
            100,
            120,
            129,
            130,
            190,
            Tree::most(),
        ] {
            let tree = Tree::new(count);
            let mut has_child = vec![false; count as usize];
            for c in 0..count {
                if let Some(parent) = tree.shape(c).parent {
                    has_child[parent as usize] = true;
                }
            }
            let childless: Vec<u64> = (0..count).filter(|&c| !has_child[c as usize]).collect();
            let leaves: Vec<u64> = tree.leaf_range().collect();
            assert_eq!(leaves, childless, "{count} categories");
        }
    }

    #[test]
    fn parents_come_first_so_the_tree_has_no_cycle() {
        for count in [0u64, 1, 5, 10, 11, 40, 70, 200, Tree::most()] {
            let tree = Tree::new(count);
            for i in 0..count {
                if let Some(p) = tree.shape(i).parent {
                    assert!(p < i, "category {i} of {count} has parent {p}");
                }
            }
        }
    }

    #[test]
    fn third_level_sits_below_its_subcategory() {
        let tree = Tree::new(200);
        let leaf = tree.shape(150);
        let parent = tree.shape(leaf.parent.unwrap());
        assert_eq!(leaf.department, parent.department);
        assert_eq!(leaf.subcategory, parent.subcategory);
        assert!(tree.is_within(150, leaf.department as u64));
    }

    #[test]
    fn every_leaf_is_a_different_kind_of_goods_up_to_the_largest_tree() {
        let most = Tree::most();
        let world = crate::generate::world::small_world(3, &[(Entity::Categories, most)]);
        let categories = Categories::new(&world);
        let tree = Tree::new(most);
        let mut names = std::collections::BTreeSet::new();
        let mut slugs = std::collections::BTreeSet::new();
        let mut index = 0;
        categories.generate(0..most, &mut |row| {
            let shape = tree.shape(index);
            index += 1;
            if shape.noun.is_some() {
                assert!(names.insert(row.name.clone()), "{}", row.name);
            }
            assert!(slugs.insert(row.slug.clone()), "{}", row.slug);
        });
        assert_eq!(slugs.len() as u64, most);
        // With the default 120 categories, one department already holds several kinds.
        let tree = Tree::new(120);
        let kinds = (10..120)
            .map(|i| tree.shape(i))
            .filter(|s| s.department == 5 && s.noun.is_some())
            .count();
        assert!(kinds >= 4, "{kinds}");
    }

    #[test]
    fn slugs_are_url_safe() {
        let mut s = String::new();
        slugify("Home & Kitchen", &mut s);
        assert_eq!(s, "home-kitchen");
        s.clear();
        slugify("Kids' Toys", &mut s);
        assert_eq!(s, "kids-toys");
    }
}
