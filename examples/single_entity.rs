//! Using ecomgen as a library: build the rows of one entity in memory, here the first
//! orders of a run with small counts, and print a line per order. Only the generation
//! core is used: no command line, no formats, no files.

use ecomgen::generate::orders::Orders;
use ecomgen::generate::{Generator, Plan, PlanInput};
use ecomgen::schema::Entity;

fn main() -> Result<(), ecomgen::Error> {
    let mut input = PlanInput::new(42);
    input.counts.set(Entity::Users, 100);
    input.counts.set(Entity::Orders, 1_000);
    // The plan checks the counts; its world is what every generator shares.
    let plan = Plan::new(&input)?;
    let orders = Orders::new(&plan.world);
    orders.generate(0..5, &mut |order| {
        let o = &order.header;
        println!(
            "{} {} {:>10} {:>3} items  total {}",
            o.created_at,
            o.order_id,
            o.status,
            order.items.len(),
            o.total
        );
    });
    Ok(())
}
