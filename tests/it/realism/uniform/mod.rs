//! Negative controls: synthetic datasets in the tables' shapes (every field a measure
//! reads, the new ones included) where everything is uniform and independent: a
//! customer drawn uniformly for each order, timestamps spread evenly over the window,
//! products, methods, reasons, ratings and texts drawn uniformly, tables that do not
//! influence each other. A check that passes on this is no check.
//!
//! Two checks guard against the opposite of uniform, and have their own control:
//! January's share (uniform timestamps give it 8.5%; the failure it catches is a shop
//! that opens with the window, `OpensWithTheWindow`) and week against week (uniform
//! days have no steps; the failure it catches is months drawn as blocks,
//! `MonthlySteps`).

use super::check::Control;
use super::tables::*;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

mod contact;
mod orders;
mod pools;
mod shop;

use pools::*;

/// The synthetic dataset for a control, built once per test run.
pub fn control(kind: Control) -> Data {
    static BUILT: OnceLock<BTreeMap<&'static str, BTreeMap<String, Arc<Table>>>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        [
            ("uniform", build(Control::Uniform)),
            ("opens", build(Control::OpensWithTheWindow)),
            ("steps", build(Control::MonthlySteps)),
        ]
        .into_iter()
        .collect()
    });
    let key = match kind {
        Control::Uniform => "uniform",
        Control::OpensWithTheWindow => "opens",
        Control::MonthlySteps => "steps",
    };
    Data {
        label: format!("{kind:?} control"),
        window: Window::default_year(),
        // Sized like `--scale 20` for the measures that only apply there.
        scale: 20.0,
        tables: built[key].clone(),
    }
}

const USERS: usize = 4_000;
/// Orders go to the first 1,000 users (40 each on average); the others never order.
const BUYERS: usize = 1_000;
const PRODUCTS: usize = 2_000;
const ORDERS: usize = 40_000;
fn build(kind: Control) -> BTreeMap<String, Arc<Table>> {
    let mut rng = Rng(0x5eed_0000 + kind as u64);
    let window = Window::default_year();
    let mut tables: BTreeMap<String, Arc<Table>> = BTreeMap::new();
    // Each stage draws from the one generator in turn, so the order below is the
    // order of the draws.
    let mut out = Vec::new();
    let shop = shop::build(&mut rng, &window, &mut out);
    let (order_ids, order_users) = orders::build(kind, &mut rng, &window, &shop, &mut out);
    contact::build(
        &mut rng,
        &window,
        &shop,
        (&order_ids, &order_users),
        &mut out,
    );
    for table in out {
        tables.insert(table.name.clone(), Arc::new(table));
    }
    tables
}
