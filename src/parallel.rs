//! Work split over threads for the passes over every order, user or inventory row
//! that build shared state (delivered-purchase offsets, analytics aggregates, the
//! order book, the stock). Results are combined in block order or with commutative
//! operations, so they never depend on the thread count.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// Calls `f` on consecutive blocks of `0..n` from `threads` threads and returns the
/// results in block order.
pub fn map_blocks<T: Send>(
    n: u64,
    block: u64,
    threads: usize,
    f: impl Fn(Range<u64>) -> T + Sync,
) -> Vec<T> {
    let blocks = n.div_ceil(block);
    let next = AtomicU64::new(0);
    let mut results: Vec<(u64, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let b = next.fetch_add(1, Ordering::Relaxed);
                        if b >= blocks {
                            return done;
                        }
                        done.push((b, f(b * block..((b + 1) * block).min(n))));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker threads do not panic"))
            .collect()
    });
    results.sort_by_key(|(b, _)| *b);
    results.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_block_order() {
        for threads in [1, 2, 5] {
            let sums = map_blocks(1000, 64, threads, |r| r.sum::<u64>());
            assert_eq!(sums.len(), 16);
            assert_eq!(sums.iter().sum::<u64>(), (0..1000).sum::<u64>());
            assert_eq!(sums[0], (0..64).sum::<u64>());
        }
    }
}
