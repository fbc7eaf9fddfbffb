//! Resolved settings of a run: command-line values and the optional TOML file, checked
//! for sense and turned into the types the engine uses. Nothing past this point knows
//! about clap.

use crate::cli::{self, GenerateArgs};
use crate::error::{Error, Result};
use crate::generate::world::Counts;
use crate::generate::{CountRule, Entity};
use crate::model::{Date, Window, time::days_from_civil};
use crate::output::Format;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the files go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Dir(PathBuf),
    /// One entity's rows on standard output.
    Stdout,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    /// True when no seed was given and one was drawn (it is then printed).
    pub seed_drawn: bool,
    pub format: Format,
    /// Database of the SQL format.
    pub dialect: crate::sql::Dialect,
    pub output: Output,
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

/// The settings a `--config` TOML file may hold: the flags' names (`start_date` or
/// `start-date`), with counts as a table (`[counts] users = 5000`) and `out = "-"` for
/// standard output.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct FileSettings {
    pub seed: Option<u64>,
    pub format: Option<Format>,
    pub dialect: Option<crate::sql::Dialect>,
    pub out: Option<PathBuf>,
    pub scale: Option<f64>,
    pub counts: Option<BTreeMap<String, u64>>,
    pub entities: Option<Vec<String>>,
    #[serde(alias = "start-date")]
    pub start_date: Option<String>,
    #[serde(alias = "end-date")]
    pub end_date: Option<String>,
    pub threads: Option<u64>,
    pub parts: Option<u64>,
    pub part: Option<u64>,
    pub quiet: Option<bool>,
}

/// The day a parsed flag names, as rows count days.
pub fn date(d: NaiveDate) -> Date {
    Date(days_from_civil(d.year() as i64, d.month(), d.day()))
}

/// The day `d` as flags write it, for defaults and messages.
pub fn naive_date(d: Date) -> NaiveDate {
    // 719,163 days from 1 January of year 1 (day 1) to 1970-01-01 (Date's day 0).
    NaiveDate::from_num_days_from_ce_opt(d.0 as i32 + 719_163).expect("a date chrono can hold")
}

impl FileSettings {
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            // A mistyped --config is a usage mistake, like any other flag's.
            std::io::ErrorKind::NotFound => {
                Error::Usage(format!("--config {}: no such file", path.display()))
            }
            _ => Error::io(path, e),
        })?;
        toml::from_str(&text).map_err(|e| {
            // serde names Rust types; a config file's author thinks in values.
            let message = e
                .message()
                .replace("expected u64", "expected a whole number, 0 or more")
                .replace("expected f64", "expected a number")
                .replace("expected a boolean", "expected true or false");
            let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
            match line {
                Some(line) => Error::Usage(format!("{}:{line}: {message}", path.display())),
                None => Error::Usage(format!("{}: {message}", path.display())),
            }
        })
    }
}

impl Config {
    /// Defaults for a library caller: every entity, default counts, 2023, CSV.
    pub fn new(seed: u64, out: impl Into<PathBuf>) -> Self {
        Config {
            seed,
            seed_drawn: false,
            format: Format::Csv,
            dialect: crate::sql::Dialect::Postgres,
            output: Output::Dir(out.into()),
            counts: default_counts(1.0).expect("the defaults fit"),
            review_count: None,
            entities: Entity::ALL.to_vec(),
            window: Window::default(),
            threads: 1,
            parts: 1,
            part: 1,
            quiet: true,
        }
    }

    /// The output directory; standard output runs write no files.
    pub fn out_dir(&self) -> Option<&Path> {
        match &self.output {
            Output::Dir(dir) => Some(dir),
            Output::Stdout => None,
        }
    }

    pub fn from_args(args: GenerateArgs) -> Result<Self> {
        let file = match &args.config {
            Some(path) => FileSettings::read(path)?,
            None => FileSettings::default(),
        };
        let in_file = |what: &str| match &args.config {
            Some(path) => format!("{what} in {}", path.display()),
            None => what.to_string(),
        };

        let (seed, seed_drawn) = match args.seed.or(file.seed) {
            Some(seed) => (seed, false),
            None => (draw_seed(), true),
        };
        let mut config = Config::new(seed, "data");
        config.seed_drawn = seed_drawn;
        config.format = args.format.or(file.format).unwrap_or(Format::Csv);
        config.dialect = args.dialect.or(file.dialect).unwrap_or_default();
        if args.dialect.or(file.dialect).is_some() && config.format != Format::Sql {
            return Err(Error::Usage(format!(
                "{} is for --format sql: give both, e.g. --format sql --dialect sqlite",
                if args.dialect.is_some() {
                    "--dialect".to_string()
                } else {
                    in_file("dialect")
                }
            )));
        }
        config.quiet = args.quiet || file.quiet.unwrap_or(false);

        if let Some(scale) = args.scale.or(file.scale) {
            cli::parse_scale(&scale.to_string())
                .map_err(|e| Error::Usage(format!("{}: {e}", in_file("scale"))))?;
            config.counts = default_counts(scale)?;
        }
        let mut counts: Vec<(Entity, u64)> = Vec::new();
        for (name, n) in file.counts.unwrap_or_default() {
            let parsed = cli::parse_count(&format!("{name}={n}"))
                .map_err(|e| Error::Usage(format!("{}: {e}", in_file("counts"))))?;
            counts.push(parsed);
        }
        counts.extend(args.count);
        let explicit: Vec<Entity> = counts.iter().map(|(e, _)| *e).collect();
        for (entity, n) in counts {
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

        config.fit_unset_counts(&explicit);

        let mut entities = args.entities;
        if entities.is_empty() {
            for name in file.entities.unwrap_or_default() {
                let entity = Entity::from_name(&name).ok_or_else(|| {
                    Error::Usage(format!(
                        "{}: unknown entity '{name}' (valid: {})",
                        in_file("entities"),
                        entity_names()
                    ))
                })?;
                entities.push(entity);
            }
        }
        if !entities.is_empty() {
            config.entities = Entity::ALL
                .into_iter()
                .filter(|e| entities.contains(e))
                .collect();
        }

        let file_date = |value: Option<String>, what: &str| -> Result<Option<NaiveDate>> {
            value
                .map(|v| {
                    cli::parse_date(&v).map_err(|e| Error::Usage(format!("{}: {e}", in_file(what))))
                })
                .transpose()
        };
        let start = match args.start_date {
            Some(d) => d,
            None => file_date(file.start_date.clone(), "start_date")?
                .unwrap_or(naive_date(Window::default().first_day())),
        };
        let end = match args.end_date {
            Some(d) => d,
            None => file_date(file.end_date.clone(), "end_date")?
                .unwrap_or(naive_date(Window::default().last_day())),
        };
        if start > end {
            let told = |flag: Option<NaiveDate>, key: &Option<String>, what: &str, day| match (
                flag,
                key,
                &args.config,
            ) {
                (Some(_), _, _) => format!("--{} {day}", what.replace('_', "-")),
                (None, Some(_), Some(path)) => {
                    format!("{what} = {day} in {}", path.display())
                }
                _ => format!("the default {} {day}", what.replace('_', " ")),
            };
            let defaulted = args.start_date.is_none() && file.start_date.is_none()
                || args.end_date.is_none() && file.end_date.is_none();
            return Err(Error::Usage(format!(
                "{} is after {}{}",
                told(args.start_date, &file.start_date, "start_date", start),
                told(args.end_date, &file.end_date, "end_date", end),
                if defaulted { "; give both dates" } else { "" }
            )));
        }
        config.window = Window::new(date(start), date(end));

        config.threads = match args.threads.or(file.threads) {
            Some(0) => {
                return Err(Error::Usage(format!(
                    "{}: expected at least 1",
                    in_file("threads")
                )));
            }
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        match (args.parts.or(file.parts), args.part.or(file.part)) {
            (Some(0), _) | (_, Some(0)) => {
                return Err(Error::Usage(format!(
                    "{}: parts and part start at 1",
                    in_file("parts")
                )));
            }
            (Some(parts), Some(part)) if part > parts => {
                return Err(Error::Usage(format!(
                    "part {part} is not one of the {parts} parts (1..={parts})"
                )));
            }
            (Some(parts), Some(part)) => {
                config.parts = parts;
                config.part = part;
            }
            (None, None) => {}
            _ => {
                return Err(Error::Usage(format!(
                    "{}: parts and part go together (--parts P --part K)",
                    in_file("parts")
                )));
            }
        }

        let out = args
            .out
            .or(file.out)
            .unwrap_or_else(|| PathBuf::from("data"));
        config.output = if args.stdout || out.as_os_str() == "-" {
            Output::Stdout
        } else {
            Output::Dir(out)
        };
        match &config.output {
            Output::Stdout if config.format.is_binary() => {
                return Err(Error::Usage(format!(
                    "--format {} writes binary files, which cannot go to standard output: give --out DIR",
                    config.format.name()
                )));
            }
            // SQL on standard output is one script (tables, then data) for `| psql`.
            Output::Stdout if config.format == Format::Sql => {}
            Output::Stdout => {
                let files = config.entities.len()
                    + usize::from(
                        config.format.is_flat() && config.entities.contains(&Entity::Orders),
                    );
                if files != 1 {
                    return Err(Error::Usage(format!(
                        "standard output takes exactly one file: choose one entity with --entities{}",
                        if config.entities == [Entity::Orders] {
                            " (orders in CSV are two files, orders and order_items; use --format jsonl for items nested in each order)"
                        } else {
                            ""
                        }
                    )));
                }
            }
            Output::Dir(dir) if dir.exists() && !dir.is_dir() => {
                return Err(Error::Usage(format!(
                    "--out {} is {}; give a directory (it is created if missing)",
                    dir.display(),
                    if dir.is_file() {
                        "a file"
                    } else {
                        "not a directory"
                    }
                )));
            }
            Output::Dir(_) => {}
        }
        Ok(config)
    }

    /// Counts nobody set (defaults, or scaled defaults) shrink to what the set ones
    /// allow: `--count products=10` alone should not fail on the default 6,000
    /// inventory rows. Counts set explicitly are checked strictly by the plan.
    fn fit_unset_counts(&mut self, explicit: &[Entity]) {
        use Entity::*;
        let c = &mut self.counts;
        for (entity, a, b) in [
            (Inventory, Products, Warehouses),
            (Wishlists, Users, Products),
        ] {
            if !explicit.contains(&entity) {
                let pairs = c.get(a).saturating_mul(c.get(b));
                c.set(entity, c.get(entity).min(pairs));
            }
        }
    }

    /// Every setting that decides the output, as the manifest records it.
    pub fn settings(&self) -> Settings {
        let mut counts = BTreeMap::new();
        for entity in Entity::ALL {
            if let CountRule::Set(_) = entity.count_rule() {
                counts.insert(entity.name().to_string(), self.counts.get(entity));
            }
        }
        let date = |d: Date| d.to_string();
        Settings {
            format: self.format,
            dialect: (self.format == Format::Sql).then_some(self.dialect),
            counts,
            reviews: self.review_count,
            entities: self.entities.iter().map(|e| e.name().to_string()).collect(),
            start_date: date(self.window.first_day()),
            end_date: date(self.window.last_day()),
            parts: self.parts,
            part: self.part,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Settings {
    pub format: Format,
    /// The SQL dialect, for the SQL format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialect: Option<crate::sql::Dialect>,
    pub counts: BTreeMap<String, u64>,
    /// The review count when set; derived otherwise.
    pub reviews: Option<u64>,
    pub entities: Vec<String>,
    pub start_date: String,
    pub end_date: String,
    pub parts: u64,
    pub part: u64,
}

fn entity_names() -> String {
    Entity::ALL
        .iter()
        .map(|e| e.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Default counts scaled by `scale`.
pub fn default_counts(scale: f64) -> Result<Counts> {
    let mut counts = Counts::zero();
    for entity in Entity::ALL {
        if let CountRule::Set(n) = entity.count_rule() {
            // A scaled shop keeps at least one of everything it had.
            let scaled = if scale > 0.0 {
                (n as f64 * scale).round().max(1.0)
            } else {
                0.0
            };
            if scaled >= u64::MAX as f64 {
                return Err(Error::Usage(format!(
                    "--scale {scale} makes more {} than ecomgen can count",
                    entity.name()
                )));
            }
            counts.set(entity, scaled as u64);
        }
    }
    Ok(counts)
}

/// A seed nobody chose: the standard library's per-process random hash keys, which
/// come from the operating system.
fn draw_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(std::process::id() as u64);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_dates_and_row_dates_name_the_same_days() {
        for (y, m, d) in [
            (1, 1, 1),
            (1969, 12, 31),
            (1970, 1, 1),
            (2024, 2, 29),
            (9999, 12, 31),
        ] {
            let flag = NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
            assert_eq!(date(flag), Date(days_from_civil(y as i64, m, d)));
            assert_eq!(naive_date(date(flag)), flag);
        }
        let year = Window::default();
        assert_eq!(naive_date(year.first_day()).to_string(), "2023-01-01");
        assert_eq!(naive_date(year.last_day()).to_string(), "2023-12-31");
    }
}
