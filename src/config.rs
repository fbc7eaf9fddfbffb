//! Resolved settings of a run: command-line values checked for sense and turned into
//! the types the engine uses. Nothing past this point knows about clap.

use crate::cli::GenerateArgs;
use crate::error::{Error, Result};
use crate::generate::world::Counts;
use crate::generate::{CountRule, Entity};
use crate::model::{Date, Window, time::days_from_civil};
use crate::output::Format;
use chrono::Datelike;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    /// True when no seed was given and one was drawn (it is then printed).
    pub seed_drawn: bool,
    pub format: Format,
    pub out: PathBuf,
    pub counts: Counts,
    /// `--count reviews=N`, when given: reviews are otherwise derived.
    pub review_count: Option<u64>,
    /// Entities to write, in registry order; all of them by default.
    pub entities: Vec<Entity>,
    pub window: Window,
    pub threads: usize,
    pub parts: u64,
    /// 1-based part to write.
    pub part: u64,
    pub quiet: bool,
}

impl Config {
    /// Defaults for a library caller: every entity, default counts, 2023, CSV.
    pub fn new(seed: u64, out: impl Into<PathBuf>) -> Self {
        let mut counts = Counts::zero();
        for entity in Entity::ALL {
            if let CountRule::Set(n) = entity.count_rule() {
                counts.set(entity, n);
            }
        }
        Config {
            seed,
            seed_drawn: false,
            format: Format::Csv,
            out: out.into(),
            counts,
            review_count: None,
            entities: Entity::ALL.to_vec(),
            window: Window::new(
                Date(days_from_civil(2023, 1, 1)),
                Date(days_from_civil(2023, 12, 31)),
            ),
            threads: 1,
            parts: 1,
            part: 1,
            quiet: true,
        }
    }

    pub fn from_args(args: GenerateArgs) -> Result<Self> {
        let (seed, seed_drawn) = match args.seed {
            Some(seed) => (seed, false),
            None => (draw_seed(), true),
        };
        let mut config = Config::new(seed, args.out);
        config.seed_drawn = seed_drawn;
        config.format = args.format;
        config.quiet = args.quiet;

        if let Some(scale) = args.scale {
            for entity in Entity::ALL {
                if let CountRule::Set(n) = entity.count_rule() {
                    let scaled = (n as f64 * scale).round();
                    if scaled >= u64::MAX as f64 {
                        return Err(Error::Usage(format!(
                            "--scale {scale} makes more {} than ecomgen can count",
                            entity.name()
                        )));
                    }
                    config.counts.set(entity, scaled as u64);
                }
            }
        }
        for (entity, n) in args.count {
            match entity.count_rule() {
                CountRule::Set(_) => config.counts.set(entity, n),
                CountRule::DerivedOrSet(_) => config.review_count = Some(n),
                CountRule::Derived(how) => {
                    return Err(Error::Usage(format!(
                        "the count of {} cannot be set: it is {how}",
                        entity.name()
                    )));
                }
            }
        }

        if !args.entities.is_empty() {
            config.entities = Entity::ALL
                .into_iter()
                .filter(|e| args.entities.contains(e))
                .collect();
        }

        if args.start_date > args.end_date {
            return Err(Error::Usage(format!(
                "--start-date {} is after --end-date {}",
                args.start_date, args.end_date
            )));
        }
        let to_date =
            |d: chrono::NaiveDate| Date(days_from_civil(d.year() as i64, d.month(), d.day()));
        config.window = Window::new(to_date(args.start_date), to_date(args.end_date));

        config.threads = match args.threads {
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        if let (Some(parts), Some(part)) = (args.parts, args.part) {
            if part > parts {
                return Err(Error::Usage(format!(
                    "--part {part} is not one of the {parts} parts (1..={parts})"
                )));
            }
            config.parts = parts;
            config.part = part;
        }

        if config.out.is_file() {
            return Err(Error::Usage(format!(
                "--out {} is a file; give a directory (it is created if missing)",
                config.out.display()
            )));
        }
        Ok(config)
    }
}

/// A seed nobody chose: the standard library's per-process random hash keys, which
/// come from the operating system.
fn draw_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(std::process::id() as u64);
    hasher.finish()
}
