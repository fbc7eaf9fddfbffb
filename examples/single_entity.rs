//! Using ecomgen as a library: build the rows of one entity in memory, here the first
//! orders of a run with small counts, and print a line per order.

use ecomgen::Config;
use ecomgen::generate::orders::Orders;
use ecomgen::generate::{Entity, Generator, Plan};

fn main() -> Result<(), ecomgen::Error> {
    let mut config = Config::new(42, "unused");
    config.counts.set(Entity::Users, 100);
    config.counts.set(Entity::Orders, 1_000);
    // The plan checks the counts; its world is what every generator shares.
    let plan = Plan::new(&config)?;
    let orders = Orders::new(&plan.world);
    orders.generate(0..5, &mut |order| {
        let o = &order.header;
        println!(
            "{} {} {:>10} {:>3} items  total {}",
            o.created_at,
            o.order_id,
            serde_json::to_string(&o.status).unwrap_or_default(),
            order.items.len(),
            o.total
        );
    });
    Ok(())
}
