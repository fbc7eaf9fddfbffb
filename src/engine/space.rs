//! Whether a run fits on its disk, asked before anything is written: a count with a few
//! zeros too many would otherwise fill the disk for hours before failing.
//!
//! The estimate must cost next to nothing, so it never builds what the run itself
//! would (the customer book, the index of delivered purchases): it generates and
//! encodes a small shop of the same settings, at most [`SAMPLE_ROWS`] rows per counted
//! entity, and scales each entity's bytes by how much bigger the real run is.

use super::{Job, Output, lock};
use crate::error::{Error, Result};
use crate::generate::{CountRule, Plan, PlanInput, World};
use crate::output::{self, Encoded, Format, Writer};
use crate::schema::Entity;
use std::path::Path;

/// Rows per counted entity in the small shop the estimate is measured on.
pub const SAMPLE_ROWS: u64 = 1000;

/// Refuses a run whose files will not fit in the free space of their directory
/// (counting what earlier, killed runs left there, which the run removes first).
pub fn check(job: &Job) -> Result<()> {
    let Output::Dir(dir) = &job.output else {
        return Ok(());
    };
    let Some(free) = free_bytes(dir) else {
        return Ok(());
    };
    let free = free.saturating_add(lock::leftover_bytes(dir));
    let Some(needed) = estimate(job)?.filter(|&needed| needed > free) else {
        return Ok(());
    };
    Err(Error::Runtime(format!(
        "this run would write about {} into {}, which has {} free: lower the counts, free some space, or give --force to start anyway",
        indicatif::DecimalBytes(needed),
        dir.display(),
        indicatif::DecimalBytes(free)
    )))
}

/// Bytes free for this user on the filesystem `dir` is (or will be created) on.
fn free_bytes(dir: &Path) -> Option<u64> {
    // A directory not yet created lands on the filesystem of its nearest ancestor.
    let existing = dir
        .ancestors()
        .find(|p| p.is_dir() || p.as_os_str().is_empty())?;
    let existing = if existing.as_os_str().is_empty() {
        Path::new(".")
    } else {
        existing
    };
    #[cfg(unix)]
    {
        let stat = rustix::fs::statvfs(existing).ok()?;
        // Nothing fits on a read-only filesystem: the first write says so better.
        if stat.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY) {
            return None;
        }
        Some(stat.f_bavail.saturating_mul(stat.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = existing;
        None
    }
}

/// About how many bytes the data files of `job` take; `None` when the small shop
/// cannot be made (the check then stays out of the way).
pub fn estimate(job: &Job) -> Result<Option<u64>> {
    let full = &job.plan.world;
    let Ok((small, input)) = small_plan(job.plan) else {
        return Ok(None);
    };
    // Binary formats encode to bytes only in their sinks: they are measured as CSV,
    // times what they write for CSV's bytes in the default shop (Parquet compresses,
    // SQLite adds its indexes).
    let (format, factor) = match job.format {
        Format::Parquet => (Format::Csv, 0.45),
        Format::Sqlite => (Format::Csv, 1.45),
        text => (text, 1.0),
    };
    let writer = output::writer(
        format,
        output::WriterSetup {
            dialect: job.dialect,
            single_file: None,
        },
    )?;
    let mut total: f64 = 0.0;
    for &entity in &job.plan.entities {
        let (rows, bytes) = sample(&small.world, entity, writer.as_ref())?;
        total += bytes as f64 * growth(full, &small.world, &input, entity, rows);
    }
    // One part of P holds a P-th of the units.
    let total = total * factor / job.parts.count as f64;
    Ok(Some(if total >= u64::MAX as f64 {
        u64::MAX
    } else {
        total as u64
    }))
}

/// The run's plan with every set count at most [`SAMPLE_ROWS`], and the input it is
/// made from.
fn small_plan(plan: &Plan) -> Result<(Plan, PlanInput)> {
    let world = &plan.world;
    let mut input = PlanInput::new(world.seed);
    input.window = world.window;
    input.opened = Some(world.opened);
    input.currency = world.currency;
    input.entities = plan.entities.clone();
    for entity in Entity::ALL {
        input
            .counts
            .set(entity, world.count(entity).min(SAMPLE_ROWS));
    }
    // A set review count is scaled from the derived one.
    input.review_count = None;
    let small = Plan::new(&input)?;
    Ok((small, input))
}

/// Own rows and bytes (with child files) of one entity in the small shop.
fn sample(world: &World, entity: Entity, writer: &dyn Writer) -> Result<(u64, u64)> {
    let source = (entity.spec().source)(world);
    let tables = entity.spec().tables;
    let mut encoder = writer.encoder(tables);
    let mut files: Vec<Encoded> = tables.iter().map(|_| Encoded::default()).collect();
    let mut failure = None;
    source.cells(0..source.units(), &mut |row| {
        if failure.is_none()
            && let Err(e) = encoder.encode(row, &mut files)
        {
            failure = Some(e);
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    encoder.finish_chunk(&mut files)?;
    let bytes = files.iter().map(|f| f.bytes.len() as u64).sum();
    Ok((files[0].rows, bytes))
}

/// How many times the small shop's rows of `entity` the run has: a counted entity's
/// count over the small one's, a derived entity's units over the small one's (its
/// generator knows them from the counts), and reviews, whose count follows from every
/// order's fate, as many more as there are orders.
fn growth(full: &World, small: &World, input: &PlanInput, entity: Entity, rows: u64) -> f64 {
    let ratio = |f: u64, s: u64| if s == 0 { 0.0 } else { f as f64 / s as f64 };
    match entity.count_rule() {
        CountRule::Set(_) | CountRule::SetRoot(_) => {
            ratio(full.count(entity), input.counts.get(entity))
        }
        CountRule::DerivedOrSet(_) => match full.review_count_override {
            Some(set) => ratio(set, rows),
            None => ratio(full.count(Entity::Orders), input.counts.get(Entity::Orders)),
        },
        CountRule::Derived(_) => {
            let units = |world| (entity.spec().source)(world).units();
            ratio(units(full), units(small))
        }
    }
}
