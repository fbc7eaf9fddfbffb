//! `cargo bench`: generates a fixed-size dataset in every format through the library
//! and prints rows/s and MB/s. benches/run.sh adds peak memory and larger sizes.

use ecomgen::Config;
use ecomgen::output::Format;
use std::time::Instant;

fn main() {
    // `cargo test --benches` runs this too; keep that quick.
    let quick = std::env::args().any(|a| a == "--test");
    let scale = if quick { 0.2 } else { 20.0 };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("full dataset at --scale {scale}, {threads} threads");
    println!(
        "{:<6} {:>12} {:>9} {:>12} {:>8}",
        "format", "rows", "seconds", "rows/s", "MB/s"
    );
    for format in [Format::Csv, Format::Jsonl, Format::Json, Format::Xml] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut config = Config::new(1, dir.path());
        config.format = format;
        config.input.threads = threads;
        config.input.counts = ecomgen::generate::Counts::scaled(scale).expect("small scales fit");
        let start = Instant::now();
        let summary = ecomgen::run(&config).expect("generation succeeds");
        let seconds = start.elapsed().as_secs_f64();
        let rows: u64 = summary.files.iter().map(|f| f.rows).sum();
        let bytes: u64 = summary.files.iter().map(|f| f.bytes).sum();
        println!(
            "{:<6} {:>12} {:>9.2} {:>12.0} {:>8.1}",
            format.extension(),
            rows,
            seconds,
            rows as f64 / seconds,
            bytes as f64 / seconds / 1e6
        );
    }
}
