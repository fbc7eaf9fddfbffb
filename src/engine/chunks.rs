//! The chunk engine: units are split into chunks of 2,048; workers take the next chunk
//! as they come free, a few chunks ahead of the writer at most, and the writer takes
//! them in order, so the bytes never depend on the workers and memory stays bounded.
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
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

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
    /// Adds each order up for analytics, when the pass covers them all.
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

/// Chunks handed out and not yet delivered, per worker (the window is shared): as many
/// as one chunk being encoded and two queued per worker were, which bounds memory
/// while keeping every worker busy.
const IN_FLIGHT_PER_WORKER: u64 = 3;

/// Which chunk a worker encodes next. Workers take the next chunk as they come free
/// rather than every N-th, so a slow chunk delays one worker and not the other's next
/// ones; a worker waits only when the chunks ahead of the writer fill the window.
struct Handout {
    state: Mutex<HandoutState>,
    changed: Condvar,
    chunks: u64,
    window: u64,
}

struct HandoutState {
    next: u64,
    delivered: u64,
    stopped: bool,
}

impl Handout {
    /// The next chunk to encode, once it is within the window; None when there is none
    /// left or the run stopped.
    fn take(&self) -> Option<u64> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.stopped
            && state.next < self.chunks
            && state.next >= state.delivered + self.window
        {
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if state.stopped || state.next >= self.chunks {
            return None;
        }
        state.next += 1;
        Some(state.next - 1)
    }

    fn delivered(&self, count: u64) {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .delivered = count;
        self.changed.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).stopped = true;
        self.changed.notify_all();
    }
}

/// Stops the hand-out when dropped. The writer holds one: when it returns early, no
/// worker is left waiting for a window that will not move. Each worker holds one: when
/// it fails or unwinds, the writer is not left waiting for a chunk that will not come
/// while the others wait for the window, and every chunk before the one it failed on
/// is handed out already, so the writer still gets them. A worker that runs out of
/// chunks stops nothing that was not over.
struct StopOnDrop<'h>(&'h Handout);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Encodes `units` with one worker per encoder (on this thread when there is one) and
/// delivers the chunks in order.
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
    encoders.truncate(chunks.max(1) as usize);
    if encoders.len() == 1 {
        // One worker encodes on the calling thread: a one-thread run then keeps one
        // core busy and no more, so a cluster task given one core is not throttled.
        let mut encoder = encoders.pop().expect("one encoder");
        let mut sizes = vec![0; files];
        for c in 0..chunks {
            let range = chunk_range(c);
            let chunk = encode(range.clone(), encoder.as_mut(), &mut sizes)?;
            delivery.deliver(chunk, range.end - range.start)?;
        }
        return Ok(());
    }
    let handout = Handout {
        state: Mutex::new(HandoutState {
            next: 0,
            delivered: 0,
            stopped: false,
        }),
        changed: Condvar::new(),
        chunks,
        window: IN_FLIGHT_PER_WORKER * encoders.len() as u64,
    };
    let handout = &handout;
    std::thread::scope(|scope| -> Result<()> {
        let _stop = StopOnDrop(handout);
        // Unbounded, but never holds more than the window's chunks.
        let (tx, rx) = mpsc::channel::<(u64, Result<Vec<Encoded>>)>();
        for mut encoder in encoders {
            let tx = tx.clone();
            scope.spawn(move || {
                let _stop = StopOnDrop(handout);
                let mut sizes = vec![0; files];
                while let Some(c) = handout.take() {
                    let chunk = encode(chunk_range(c), encoder.as_mut(), &mut sizes);
                    let failed = chunk.is_err();
                    if tx.send((c, chunk)).is_err() || failed {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Chunks that came before their turn, at most a window of them.
        let mut early = BTreeMap::new();
        for c in 0..chunks {
            let chunk = loop {
                if let Some(chunk) = early.remove(&c) {
                    break chunk;
                }
                let (k, chunk) = rx.recv().map_err(|_| {
                    Error::Runtime("a worker thread stopped unexpectedly".to_string())
                })?;
                early.insert(k, chunk);
            }?;
            let range = chunk_range(c);
            delivery.deliver(chunk, range.end - range.start)?;
            handout.delivered(c + 1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::users;
    use crate::output::Sink;
    use crate::schema::Entity;
    use std::sync::Arc;
    use std::time::Duration;

    /// Keeps every chunk's bytes in the order they are written.
    struct Collect(Arc<Mutex<Vec<u8>>>);

    impl Sink for Collect {
        fn write(&mut self, chunk: Encoded) -> Result<()> {
            self.0.lock().unwrap().extend_from_slice(&chunk.bytes);
            Ok(())
        }

        fn finish(&mut self) -> Result<()> {
            Ok(())
        }
    }

    /// Writes each unit's number; some chunks take longer, so they come in late, and
    /// the chunk holding `fail_at` fails.
    struct Numbers {
        fail_at: Option<u64>,
    }

    impl ChunkEncoder for Numbers {
        fn encode(&mut self, units: Range<u64>, files: &mut [Encoded]) -> Result<()> {
            if (units.start / CHUNK_UNITS).is_multiple_of(3) {
                std::thread::sleep(Duration::from_millis(3));
            }
            if self.fail_at.is_some_and(|u| units.contains(&u)) {
                return Err(Error::Runtime(format!("unit {}", units.start)));
            }
            for unit in units {
                files[0]
                    .bytes
                    .extend_from_slice(format!("{unit}\n").as_bytes());
                files[0].rows += 1;
            }
            Ok(())
        }
    }

    fn run_numbers(
        units: Range<u64>,
        workers: usize,
        fail_at: Option<u64>,
    ) -> (Result<()>, String) {
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let sink = Box::new(Collect(Arc::clone(&bytes)));
        let mut files = [FileOut::binary(
            Entity::Users,
            &users::TABLE,
            sink,
            None,
            "numbers".into(),
        )];
        let progress = ProgressBar::hidden();
        let mut delivery = Delivery {
            files: &mut files,
            leading_separator: 0,
            progress: &progress,
        };
        let encoders = (0..workers)
            .map(|_| Box::new(Numbers { fail_at }) as Box<dyn ChunkEncoder>)
            .collect();
        let result = run(units, encoders, &mut delivery);
        let text = String::from_utf8(bytes.lock().unwrap().clone()).unwrap();
        (result, text)
    }

    /// Runs encoders that write nothing, for what they do rather than what they make.
    fn run_into_no_file(units: Range<u64>, encoders: Vec<Box<dyn ChunkEncoder>>) -> Result<()> {
        let progress = ProgressBar::hidden();
        let mut files: [FileOut; 0] = [];
        let mut delivery = Delivery {
            files: &mut files,
            leading_separator: 0,
            progress: &progress,
        };
        run(units, encoders, &mut delivery)
    }

    #[test]
    fn chunks_are_written_in_order_whichever_worker_finishes_first() {
        let units = 5..20 * CHUNK_UNITS + 17;
        let expected: String = units.clone().map(|u| format!("{u}\n")).collect();
        for workers in [1, 2, 3, 8] {
            let (result, text) = run_numbers(units.clone(), workers, None);
            result.unwrap();
            assert!(text == expected, "{workers} workers");
        }
    }

    #[test]
    fn one_worker_encodes_on_the_calling_thread() {
        struct Where(Arc<Mutex<Vec<std::thread::ThreadId>>>);
        impl ChunkEncoder for Where {
            fn encode(&mut self, _: Range<u64>, _: &mut [Encoded]) -> Result<()> {
                self.0.lock().unwrap().push(std::thread::current().id());
                Ok(())
            }
        }
        for (workers, on_caller) in [(1, true), (2, false)] {
            let seen = Arc::new(Mutex::new(Vec::new()));
            let encoders = (0..workers)
                .map(|_| Box::new(Where(Arc::clone(&seen))) as Box<dyn ChunkEncoder>)
                .collect();
            run_into_no_file(0..4 * CHUNK_UNITS, encoders).unwrap();
            let here = std::thread::current().id();
            let seen = seen.lock().unwrap();
            assert_eq!(seen.len(), 4);
            assert_eq!(
                seen.iter().all(|&id| id == here),
                on_caller,
                "{workers} workers"
            );
        }
    }

    #[test]
    fn a_failed_chunk_ends_the_run_after_the_chunks_before_it() {
        let fail_at = 7 * CHUNK_UNITS + 1;
        for workers in [1, 3] {
            let (result, text) = run_numbers(0..30 * CHUNK_UNITS, workers, Some(fail_at));
            let message = result.unwrap_err().to_string();
            assert!(
                message.contains(&format!("unit {}", 7 * CHUNK_UNITS)),
                "{message}"
            );
            let expected: String = (0..7 * CHUNK_UNITS).map(|u| format!("{u}\n")).collect();
            assert!(text == expected, "{workers} workers wrote past the failure");
        }
    }

    #[test]
    fn a_worker_that_panics_stops_the_run_instead_of_hanging_it() {
        struct Panics;
        impl ChunkEncoder for Panics {
            fn encode(&mut self, units: Range<u64>, _: &mut [Encoded]) -> Result<()> {
                assert!(units.start != 4 * CHUNK_UNITS, "a worker's bug");
                std::thread::sleep(Duration::from_millis(1));
                Ok(())
            }
        }
        // On a thread of its own, so that a hang fails the test instead of the suite.
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| {
                let encoders = (0..2)
                    .map(|_| Box::new(Panics) as Box<dyn ChunkEncoder>)
                    .collect();
                run_into_no_file(0..40 * CHUNK_UNITS, encoders)
            });
            let _ = tx.send(outcome.is_err() || outcome.is_ok_and(|r| r.is_err()));
        });
        let stopped = rx.recv_timeout(Duration::from_secs(60));
        assert_eq!(stopped, Ok(true), "the run did not stop with an error");
    }
}
