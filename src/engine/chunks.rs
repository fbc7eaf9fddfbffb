//! The chunk engine: units are split into chunks of 2,048; with N workers, worker w
//! encodes chunks w, w+N, ... and hands them over a bounded channel, and one writer
//! takes them round-robin, so the bytes never depend on N and memory stays bounded.
//! Knows no format: encoders and files come from the caller. A chunk may feed the
//! files of several entities at once (the pass over orders), one after another.

use super::files::FileOut;
use crate::error::{Error, Result};
use crate::generate::orders::{LastCustomer, Orders};
use crate::generate::tally::Tally;
use crate::generate::{OrderFeeder, RowSource};
use crate::model::cells::RowCells;
use crate::output::{Encoded, Encoder};
use indicatif::ProgressBar;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Units per chunk: big enough to amortise hand-offs, small enough to keep memory flat.
pub const CHUNK_UNITS: u64 = 2048;

/// Set by the Ctrl-C handler; the writer stops at the next chunk and the temporary
/// files are removed as the run unwinds.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Asks a running generation to stop (from a signal handler).
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn check_interrupt() -> Result<()> {
    if INTERRUPTED.load(Ordering::Relaxed) {
        Err(Error::Interrupted)
    } else {
        Ok(())
    }
}

/// One worker's way of turning a range of units into encoded rows, one `Encoded` per
/// file it feeds.
pub trait ChunkEncoder: Send {
    fn encode(&mut self, units: Range<u64>, files: &mut [Encoded]) -> Result<()>;
}

/// The rows of one entity.
pub struct EntityChunks<'a> {
    pub source: &'a dyn RowSource,
    pub encoder: Box<dyn Encoder>,
}

impl ChunkEncoder for EntityChunks<'_> {
    fn encode(&mut self, units: Range<u64>, files: &mut [Encoded]) -> Result<()> {
        let mut failure = None;
        let encoder = self.encoder.as_mut();
        self.source
            .cells(units, &mut encode_each(encoder, files, &mut failure));
        if let Some(e) = failure {
            return Err(e);
        }
        self.encoder.finish_chunk(files)
    }
}

/// The rows of every entity that hangs on orders, from one drawing of each order's
/// facts: the orders' own files, then each other entity's, in the order given.
pub struct OrderChunks<'a> {
    pub orders: &'a Orders<'a>,
    /// Adds each order up for reviews and analytics, when the pass covers them all.
    pub tally: &'a Tally,
    /// Where the pass's orders end: its last chunk stops there.
    pub orders_end: u64,
    pub members: Vec<OrderMember<'a>>,
    /// The customer of the last order drawn, for the next of theirs.
    pub last_customer: LastCustomer,
}

/// One entity fed by the pass over orders.
pub struct OrderMember<'a> {
    pub feed: OrderFeeder<'a>,
    pub encoder: Box<dyn Encoder>,
    /// How many files the entity writes.
    pub files: usize,
    /// The entity's rows and where its units end, when they go on past the orders.
    pub beyond: Option<(&'a dyn RowSource, u64)>,
}

impl ChunkEncoder for OrderChunks<'_> {
    fn encode(&mut self, units: Range<u64>, files: &mut [Encoded]) -> Result<()> {
        let mut failure = None;
        for order in units.clone() {
            let facts = self.orders.facts_after(order, &mut self.last_customer);
            self.tally.add_order(&facts);
            let mut rest = &mut *files;
            for member in &mut self.members {
                let mine = split_off(&mut rest, member.files);
                let encoder = member.encoder.as_mut();
                (member.feed)(order, &facts, &mut encode_each(encoder, mine, &mut failure));
            }
            if let Some(e) = failure {
                return Err(e);
            }
        }
        let mut rest = &mut *files;
        for member in &mut self.members {
            let mine = split_off(&mut rest, member.files);
            // The last chunk fills up with the units past the orders, so that every
            // chunk (a Parquet batch) spans the units it spans when written alone.
            if let Some((source, end)) = member.beyond
                && units.end == self.orders_end
            {
                let stop = (units.start + CHUNK_UNITS).min(end);
                let encoder = member.encoder.as_mut();
                source.cells(
                    self.orders_end..stop,
                    &mut encode_each(encoder, mine, &mut failure),
                );
                if let Some(e) = failure.take() {
                    return Err(e);
                }
            }
            member.encoder.finish_chunk(mine)?;
        }
        Ok(())
    }
}

/// Encodes each row given into `files`. The rows come through callbacks that cannot
/// return an error: the first one is kept in `failure` and later rows are skipped.
fn encode_each<'e>(
    encoder: &'e mut dyn Encoder,
    files: &'e mut [Encoded],
    failure: &'e mut Option<Error>,
) -> impl FnMut(&RowCells) + 'e {
    move |row| {
        if failure.is_none()
            && let Err(e) = encoder.encode(row, files)
        {
            *failure = Some(e);
        }
    }
}

/// The first `n` files of `rest`, which keeps the others.
fn split_off<'f>(rest: &mut &'f mut [Encoded], n: usize) -> &'f mut [Encoded] {
    let (mine, after) = std::mem::take(rest).split_at_mut(n);
    *rest = after;
    mine
}

/// Where units past the orders start being written on their own: after the pass's
/// last chunk, which `OrderChunks` fills up with them.
pub fn beyond_orders(orders: &Range<u64>, end: u64) -> u64 {
    let chunks = (orders.end - orders.start).div_ceil(CHUNK_UNITS);
    (orders.start + chunks * CHUNK_UNITS).clamp(orders.end, end)
}

/// What the writer does with each chunk, in order.
pub struct Delivery<'a, 'w> {
    pub files: &'a mut [FileOut<'w>],
    pub leading_separator: usize,
    pub progress: &'a ProgressBar,
}

impl Delivery<'_, '_> {
    fn deliver(&mut self, chunk: Vec<Encoded>, units: u64) -> Result<()> {
        for (file, encoded) in self.files.iter_mut().zip(chunk) {
            file.write_chunk(encoded, self.leading_separator)?;
        }
        self.progress.inc(units);
        check_interrupt()
    }
}

/// Encodes `units` with one worker per encoder and delivers the chunks in order.
pub fn run<'a>(
    units: Range<u64>,
    mut encoders: Vec<Box<dyn ChunkEncoder + 'a>>,
    delivery: &mut Delivery,
) -> Result<()> {
    let files = delivery.files.len();
    let chunks = (units.end - units.start).div_ceil(CHUNK_UNITS);
    let chunk_range = |c: u64| {
        let start = units.start + c * CHUNK_UNITS;
        start..(start + CHUNK_UNITS).min(units.end)
    };
    // Even one worker gets a thread of its own: the writer's side (SQLite's inserts,
    // Parquet's encoding) then runs beside generation rather than after it.
    encoders.truncate(chunks.max(1) as usize);
    let workers = encoders.len() as u64;
    std::thread::scope(|scope| -> Result<()> {
        let mut receivers = Vec::with_capacity(encoders.len());
        for (worker, mut encoder) in encoders.into_iter().enumerate() {
            // Two chunks in flight per worker bound memory while keeping it busy.
            let (tx, rx) = mpsc::sync_channel::<Result<Vec<Encoded>>>(2);
            receivers.push(rx);
            scope.spawn(move || {
                let mut c = worker as u64;
                let mut sizes = vec![0; files];
                while c < chunks {
                    let chunk = encode(chunk_range(c), encoder.as_mut(), &mut sizes);
                    let failed = chunk.is_err();
                    if tx.send(chunk).is_err() || failed {
                        return;
                    }
                    c += workers;
                }
            });
        }
        for c in 0..chunks {
            let chunk = receivers[(c % workers) as usize].recv().map_err(|_| {
                Error::Runtime("a worker thread stopped unexpectedly".to_string())
            })??;
            let range = chunk_range(c);
            delivery.deliver(chunk, range.end - range.start)?;
        }
        Ok(())
    })
}

/// Encodes one chunk. `sizes` holds the byte sizes of the worker's last chunk: a
/// buffer that starts that big is not copied over and over as it grows.
fn encode(
    range: Range<u64>,
    encoder: &mut dyn ChunkEncoder,
    sizes: &mut [usize],
) -> Result<Vec<Encoded>> {
    let mut chunk: Vec<Encoded> = sizes
        .iter()
        .map(|&size| Encoded {
            bytes: Vec::with_capacity(size + size / 8),
            ..Encoded::default()
        })
        .collect();
    encoder.encode(range, &mut chunk)?;
    for (size, encoded) in sizes.iter_mut().zip(&chunk) {
        *size = encoded.bytes.len();
    }
    Ok(chunk)
}

/// True when some unit before `start` yields a row (so a part's first row is not the
/// file's first).
pub fn rows_before(source: &dyn RowSource, start: u64) -> bool {
    (0..start).rev().any(|unit| {
        let mut found = false;
        source.cells(unit..unit + 1, &mut |_| found = true);
        found
    })
}
