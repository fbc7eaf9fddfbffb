//! The pass over orders: when a directory run plans several entities whose rows hang
//! on orders, each order's facts are drawn once and feed all of them, and the pass adds
//! up what analytics need. The bytes are those of writing the entities one
//! by one.

use super::commit::TempFile;
use super::files::FileOut;
use super::{Job, Output, Parts, begin_files, chunks, end_files, progress, workers, write_rows};
use crate::error::Result;
use crate::generate::orders::Orders;
use crate::generate::{RowSource, World};
use crate::output::Writer;
use crate::schema::Entity;
use std::path::Path;

/// The entities of the plan written by one pass over orders, in plan order, orders
/// first: those whose rows hang on orders, when more than one is planned. Standard
/// output gets every entity in turn instead, since its stream is one sequence; an
/// entity with units beyond the orders (notifications' customers) joins only a whole
/// run, where its part of the units is the orders' part.
pub(super) fn fed_by_one_pass(job: &Job) -> Vec<Entity> {
    // Standard output is one stream. The SQLite database takes the pass too: the
    // pages of its tables then interleave in the file, which changes no row, and
    // drawing each order once (tallying for analytics on the way) made a
    // load about a quarter faster.
    if job.output == Output::Stdout {
        return Vec::new();
    }
    let world = &job.plan.world;
    let orders = world.count(Entity::Orders);
    let fed: Vec<Entity> = job
        .plan
        .entities
        .iter()
        .copied()
        .filter(|&e| {
            let source = (e.spec().source)(world);
            source.fed_by_orders().is_some()
                && (source.units() == orders || job.parts == Parts::WHOLE)
        })
        .collect();
    if fed.len() > 1 { fed } else { Vec::new() }
}

/// Writes every entity of `fed` (orders first) from one drawing of each order's
/// facts, then the units some of them have beyond the orders.
pub(super) fn write_order_pass<'w>(
    world: &World,
    fed: &[Entity],
    writer: &'w dyn Writer,
    job: &Job,
    dir: Option<&Path>,
    single: Option<&TempFile>,
) -> Result<Vec<FileOut<'w>>> {
    let orders = Orders::new(world);
    let order_units = job.parts.range(orders.count());
    let sources: Vec<Box<dyn RowSource>> = fed.iter().map(|e| (e.spec().source)(world)).collect();
    let mut files = Vec::new();
    let mut counts = Vec::new();
    for (&entity, source) in fed.iter().zip(&sources) {
        let units = job.parts.range(source.units());
        let opened = begin_files(entity, source.as_ref(), &units, writer, job, dir, single)?;
        counts.push(opened.len());
        files.push(opened);
    }
    writer.begin_entity()?;
    let progress = progress::bar(
        fed[0].name(),
        order_units.end - order_units.start,
        job.quiet,
    );
    let encoders = (0..workers(job, &order_units))
        .map(|_| {
            let members = members(fed, &sources, &counts, writer, job, order_units.end);
            Box::new(chunks::OrderChunks {
                orders: &orders,
                tally: &world.tally,
                orders_end: order_units.end,
                members,
                last_customer: Default::default(),
            }) as Box<dyn chunks::ChunkEncoder>
        })
        .collect();
    let mut all: Vec<FileOut> = files.into_iter().flatten().collect();
    let mut delivery = chunks::Delivery {
        files: &mut all,
        leading_separator: job.format.spec().leading_separator,
        progress: &progress,
    };
    // A whole run adds every order up once (and every review, when the pass writes
    // them), for the analytics after it.
    let tallied = job.parts == Parts::WHOLE;
    if tallied {
        let analytics = job
            .plan
            .entities
            .iter()
            .any(|e| matches!(e, Entity::UserAnalytics | Entity::ProductAnalytics));
        world
            .tally
            .begin_orders(world, analytics, fed.contains(&Entity::Reviews));
    }
    chunks::run(order_units.clone(), encoders, &mut delivery)?;
    if tallied {
        world.tally.end_orders();
    }
    // The rest of the units past the orders (a whole run's customer messages).
    for ((&entity, source), mine) in fed.iter().zip(&sources).zip(each_entity(&mut all, &counts)) {
        let units = job.parts.range(source.units());
        if units.end > order_units.end {
            let start = chunks::beyond_orders(&order_units, units.end);
            write_rows(entity, source.as_ref(), start..units.end, mine, writer, job)?
                .finish_and_clear();
        }
    }
    let written: Vec<(&'static str, u64)> = fed
        .iter()
        .zip(each_entity(&mut all, &counts))
        .map(|(entity, mine)| (entity.name(), mine[0].rows))
        .collect();
    progress.done_together(&written);
    writer.end_entity()?;
    for mine in each_entity(&mut all, &counts) {
        end_files(mine, writer, job)?;
    }
    Ok(all)
}

/// The files of the pass cut back into each entity's, `counts[i]` for entity i.
fn each_entity<'f, 'w>(
    mut all: &'f mut [FileOut<'w>],
    counts: &[usize],
) -> Vec<&'f mut [FileOut<'w>]> {
    counts
        .iter()
        .map(|&count| {
            let (mine, rest) = std::mem::take(&mut all).split_at_mut(count);
            all = rest;
            mine
        })
        .collect()
}

/// One worker's encoders of the pass, an entity each.
fn members<'a>(
    fed: &[Entity],
    sources: &'a [Box<dyn RowSource + 'a>],
    counts: &[usize],
    writer: &dyn Writer,
    job: &Job,
    orders_end: u64,
) -> Vec<chunks::OrderMember<'a>> {
    fed.iter()
        .zip(sources)
        .zip(counts)
        .map(|((entity, source), &files)| {
            let end = job.parts.range(source.units()).end;
            chunks::OrderMember {
                feed: source
                    .fed_by_orders()
                    .expect("chosen for feeding by orders")
                    .feeder(),
                encoder: writer.encoder(entity.spec().tables),
                files,
                beyond: (end > orders_end).then_some((source.as_ref(), end)),
            }
        })
        .collect()
}
