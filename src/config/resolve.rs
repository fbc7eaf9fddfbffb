//! From `ecomgen generate`'s flags and config file to a `Config`: one small function
//! per setting, flags winning over the file, every mistake a usage error that names
//! where the value came from.

use super::Config;
use super::file::{FileSettings, Source};
use crate::cli::GenerateArgs;
use crate::engine::{Output, Parts};
use crate::error::{Error, Result};
use crate::generate::CountRule;
use crate::generate::registry::{CountSetting, Counts, Scale};
use crate::model::{Date, Window};
use crate::output::Format;
use crate::schema::Entity;
use std::path::PathBuf;

impl Config {
    pub fn from_args(args: GenerateArgs) -> Result<Self> {
        let file = match &args.config {
            Some(path) => FileSettings::read(path)?,
            None => FileSettings::default(),
        };
        let source = Source(args.config.as_deref());
        let (seed, seed_drawn) = match args.seed.or(file.seed) {
            Some(seed) => (seed, false),
            None => (draw_seed(), true),
        };
        let mut config = Config::new(seed, "data");
        config.seed_drawn = seed_drawn;
        format_and_dialect(&mut config, &args, &file, &source)?;
        config.quiet = args.quiet || file.quiet.unwrap_or(false);
        config.force = args.force;
        counts(&mut config, &args, &file, &source)?;
        config.input.entities = entities(&args, &file, &source)?;
        config.input.window = window(&args, &file, &source)?;
        config.input.opened = match args.opened {
            Some(day) => Some(day),
            None => source.parse::<Date>(file.opened.as_deref(), "opened")?,
        };
        if let Some(opened) = config.input.opened
            && opened > config.input.window.first_day()
        {
            return Err(Error::Usage(format!(
                "--opened {opened} is after the window's first day {}: a shop opens at or before the window",
                config.input.window.first_day()
            )));
        }
        config.input.currency = match args.currency {
            Some(currency) => currency,
            None => source
                .parse::<crate::model::Currency>(file.currency.as_deref(), "currency")?
                .unwrap_or_default(),
        };
        config.input.threads = threads(args.threads.or(file.threads), &source)?;
        config.parts = parts(args.parts.or(file.parts), args.part.or(file.part), &source)?;
        config.output = output(&config, &args, &file)?;
        Ok(config)
    }
}

fn format_and_dialect(
    config: &mut Config,
    args: &GenerateArgs,
    file: &FileSettings,
    source: &Source,
) -> Result<()> {
    config.format = match args.format {
        Some(format) => format,
        None => file.format(source)?.unwrap_or(Format::Csv),
    };
    let dialect = match args.dialect {
        Some(dialect) => Some(dialect),
        None => file.dialect(source)?,
    };
    config.dialect = dialect.unwrap_or_default();
    if dialect.is_some() && config.format != Format::Sql {
        let named = if args.dialect.is_some() {
            "--dialect".to_string()
        } else {
            source.name("dialect")
        };
        return Err(Error::Usage(format!(
            "{named} is for --format sql: give both, e.g. --format sql --dialect sqlite"
        )));
    }
    Ok(())
}

fn counts(
    config: &mut Config,
    args: &GenerateArgs,
    file: &FileSettings,
    source: &Source,
) -> Result<()> {
    let scale = match (&args.scale, file.scale) {
        (Some(scale), _) => Some(scale.clone()),
        (None, Some(factor)) => Some(
            factor
                .to_string()
                .parse::<Scale>()
                .map_err(|e| Error::Usage(format!("{}: {e}", source.name("scale"))))?,
        ),
        (None, None) => None,
    };
    if let Some(scale) = scale {
        config.input.counts = scale.counts().map_err(Error::Usage)?;
    }
    let mut settings: Vec<CountSetting> = Vec::new();
    for (name, rows) in file.counts.iter().flatten() {
        let entity: Entity = name
            .parse()
            .map_err(|e| Error::Usage(format!("{}: {e}", source.name("counts"))))?;
        settings.push(CountSetting {
            entity,
            rows: *rows,
        });
    }
    settings.extend(args.count.iter().copied());
    let explicit: Vec<Entity> = settings.iter().map(|s| s.entity).collect();
    for CountSetting { entity, rows } in settings {
        match entity.count_rule() {
            CountRule::Set(_) | CountRule::SetRoot(_) => config.input.counts.set(entity, rows),
            CountRule::DerivedOrSet(_) => config.input.review_count = Some(rows),
            CountRule::Derived(how) => {
                return Err(Error::Usage(format!(
                    "the count of {} cannot be set: it is {how}",
                    entity.name()
                )));
            }
        }
    }
    fit_unset_counts(&mut config.input.counts, &explicit);
    Ok(())
}

/// Counts nobody set (defaults, or scaled defaults) shrink to what the set ones allow:
/// `--count products=10` alone should not fail on the default 6,000 inventory rows.
/// Counts set explicitly are checked strictly by the plan.
fn fit_unset_counts(counts: &mut Counts, explicit: &[Entity]) {
    use Entity::*;
    // The catalog's names run out before a big shop's categories would: a tree grows
    // more slowly than the goods in it.
    if !explicit.contains(&Categories) {
        let most = crate::generate::categories::Tree::most();
        counts.set(Categories, counts.get(Categories).min(most));
    }
    for (entity, a, b) in [
        (Inventory, Products, Warehouses),
        (Wishlists, Users, Products),
    ] {
        if !explicit.contains(&entity) {
            let pairs = counts.get(a).saturating_mul(counts.get(b));
            counts.set(entity, counts.get(entity).min(pairs));
        }
    }
}

/// The entities to write, in registry order; all of them by default.
fn entities(args: &GenerateArgs, file: &FileSettings, source: &Source) -> Result<Vec<Entity>> {
    let mut chosen = args.entities.clone();
    if chosen.is_empty() {
        for name in file.entities.iter().flatten() {
            let entity = Entity::from_name(name).ok_or_else(|| {
                Error::Usage(format!(
                    "{}: unknown entity '{name}' (valid: {})",
                    source.name("entities"),
                    Entity::names()
                ))
            })?;
            chosen.push(entity);
        }
    }
    if chosen.is_empty() {
        return Ok(Entity::ALL.to_vec());
    }
    Ok(Entity::ALL
        .into_iter()
        .filter(|e| chosen.contains(e))
        .collect())
}

fn window(args: &GenerateArgs, file: &FileSettings, source: &Source) -> Result<Window> {
    let default = Window::default();
    let start = match args.start_date {
        Some(d) => d,
        None => source
            .parse::<Date>(file.start_date.as_deref(), "start_date")?
            .unwrap_or(default.first_day()),
    };
    let end = match args.end_date {
        Some(d) => d,
        None => source
            .parse::<Date>(file.end_date.as_deref(), "end_date")?
            .unwrap_or(default.last_day()),
    };
    if start > end {
        let told = |flag: Option<Date>, key: &Option<String>, what: &str, day: Date| match (
            flag, key, source.0,
        ) {
            (Some(_), _, _) => format!("--{} {day}", what.replace('_', "-")),
            (None, Some(_), Some(path)) => format!("{what} = {day} in {}", path.display()),
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
    Ok(Window::new(start, end))
}

fn threads(threads: Option<u64>, source: &Source) -> Result<usize> {
    match threads {
        Some(0) => Err(Error::Usage(format!(
            "{}: expected at least 1",
            source.name("threads")
        ))),
        Some(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX).min(1024)),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

fn parts(parts: Option<u64>, part: Option<u64>, source: &Source) -> Result<Parts> {
    match (parts, part) {
        (Some(0), _) | (_, Some(0)) => Err(Error::Usage(format!(
            "{}: parts and part start at 1",
            source.name("parts")
        ))),
        (Some(count), Some(index)) if index > count => Err(Error::Usage(format!(
            "part {index} is not one of the {count} parts (1..={count})"
        ))),
        (Some(count), Some(index)) => Ok(Parts { count, index }),
        (None, None) => Ok(Parts::WHOLE),
        _ => Err(Error::Usage(format!(
            "{}: parts and part go together (--parts P --part K)",
            source.name("parts")
        ))),
    }
}

fn output(config: &Config, args: &GenerateArgs, file: &FileSettings) -> Result<Output> {
    let out = args
        .out
        .clone()
        .or(file.out.clone())
        .unwrap_or_else(|| PathBuf::from("data"));
    let output = if args.stdout || out.as_os_str() == "-" {
        Output::Stdout
    } else {
        Output::Dir(out)
    };
    match &output {
        Output::Stdout if config.format.is_binary() => Err(Error::Usage(format!(
            "--format {} writes binary files, which cannot go to standard output: give --out DIR",
            config.format.name()
        ))),
        // SQL on standard output is one script (tables, then data) for `| psql`.
        Output::Stdout if config.format == Format::Sql => Ok(output),
        Output::Stdout => {
            let entities = &config.input.entities;
            let files: usize = entities
                .iter()
                .map(|e| config.format.files_of(e.spec().tables).len())
                .sum();
            if files == 1 {
                return Ok(output);
            }
            Err(Error::Usage(format!(
                "standard output takes exactly one file: choose one entity with --entities{}",
                if entities == &[Entity::Orders] {
                    " (orders in CSV are two files, orders and order_items; use --format jsonl for items nested in each order)"
                } else {
                    ""
                }
            )))
        }
        Output::Dir(dir) => match not_a_directory(dir) {
            None => Ok(output),
            Some(blocker) if blocker == dir.as_path() => Err(Error::Usage(format!(
                "--out {} is {}; give a directory (it is created if missing)",
                dir.display(),
                kind(blocker)
            ))),
            Some(blocker) => Err(Error::Usage(format!(
                "--out {}: {} is {}, so no directory can be made below it; give a directory",
                dir.display(),
                blocker.display(),
                kind(blocker)
            ))),
        },
    }
}

/// The first of `dir` and its ancestors that exists and is no directory: `--out
/// afile` and `--out afile/sub` are the same mistake.
fn not_a_directory(dir: &std::path::Path) -> Option<&std::path::Path> {
    dir.ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .find(|p| p.exists())
        .filter(|p| !p.is_dir())
}

fn kind(path: &std::path::Path) -> &'static str {
    if path.is_file() {
        "a file"
    } else {
        "not a directory"
    }
}

/// A seed nobody chose: the standard library's per-process random hash keys, which
/// come from the operating system. Drawn below 2^53, so a JSON reader that holds
/// numbers as doubles (jq, JavaScript) reads it back exactly from the manifest.
fn draw_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(std::process::id() as u64);
    hasher.finish() & crate::manifest::EXACT_IN_DOUBLES
}
