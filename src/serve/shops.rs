//! One shop per seed, kept for the next page: its world (the customer book, stock,
//! demand and, once asked for, the analytics totals, all sized by users or products)
//! and its row indexes. Building a world costs time in
//! proportion to users and products, so the last few seeds asked for stay built; the
//! oldest is dropped once more are asked for (pages still streaming from it keep it
//! until they end).

use super::index::{RowIndex, Start};
use super::query::PageQuery;
use crate::generate::{Plan, PlanInput};
use crate::schema::{Entity, Table, TableSpec};
use std::sync::{Arc, Mutex, OnceLock};

/// Seeds kept built at once.
pub const SEEDS_KEPT: usize = 4;

/// The data of one seed.
pub struct Shop {
    pub plan: Plan,
    indexes: [RowIndex; Table::COUNT],
}

impl Shop {
    pub fn new(plan: Plan) -> Self {
        Shop {
            plan,
            indexes: std::array::from_fn(|_| RowIndex::default()),
        }
    }

    /// Where the page of `table` that starts at row `offset` starts.
    pub fn locate(&self, table: &TableSpec, offset: u64) -> Start {
        let world = &self.plan.world;
        let source = (table.table.entity().spec().source)(world);
        self.indexes[table.table.index()].locate(source.as_ref(), table, world.threads, offset)
    }
}

type Slot = Arc<OnceLock<Result<Arc<Shop>, String>>>;

/// The shops of the seeds asked for last, most recent first.
pub struct Shops {
    /// Every setting but the seed.
    input: PlanInput,
    kept: Mutex<Vec<(u64, Slot)>>,
}

impl Shops {
    pub fn new(mut input: PlanInput) -> Self {
        input.entities = Entity::ALL.to_vec();
        Shops {
            input,
            kept: Mutex::new(Vec::with_capacity(SEEDS_KEPT + 1)),
        }
    }

    /// The shop of `page`'s seed, built on first use (once, however many pages ask at
    /// the same time), or why the server's counts cannot be met with that seed.
    pub fn get(&self, page: &PageQuery) -> Result<Arc<Shop>, String> {
        let slot = {
            let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
            let slot = match kept.iter().position(|(seed, _)| *seed == page.seed) {
                Some(at) => kept.remove(at).1,
                None => Arc::default(),
            };
            kept.insert(0, (page.seed, slot.clone()));
            kept.truncate(SEEDS_KEPT);
            slot
        };
        slot.get_or_init(|| {
            let mut input = self.input.clone();
            input.seed = page.seed;
            Plan::new(&input)
                .map(|plan| Arc::new(Shop::new(plan)))
                .map_err(|e| e.to_string())
        })
        .clone()
    }

    /// How many seeds are built or being built.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.kept.lock().unwrap().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;

    fn page(seed: u64) -> PageQuery {
        PageQuery {
            format: Format::Json,
            offset: 0,
            limit: 1,
            seed,
        }
    }

    #[test]
    fn the_last_seeds_stay_built_and_the_oldest_goes() {
        let mut input = PlanInput::new(1);
        input.counts = crate::generate::Counts::scaled(0.01).unwrap();
        let shops = Shops::new(input);
        let first = shops.get(&page(1)).unwrap();
        assert!(Arc::ptr_eq(&first, &shops.get(&page(1)).unwrap()));
        for seed in 2..=SEEDS_KEPT as u64 + 1 {
            shops.get(&page(seed)).unwrap();
        }
        assert_eq!(shops.len(), SEEDS_KEPT);
        assert!(
            !Arc::ptr_eq(&first, &shops.get(&page(1)).unwrap()),
            "seed 1 was the oldest"
        );
        assert_eq!(first.plan.world.seed, 1);
    }
}
