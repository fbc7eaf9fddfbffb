//! Resolved settings of a run: command-line values and the optional TOML file, checked
//! for sense and turned into the plain inputs of the plan and the engine. Nothing past
//! this point knows about clap.

mod file;
mod resolve;

pub use file::FileSettings;

use crate::engine::{Job, Output, Parts};
use crate::generate::{CountRule, Plan, PlanInput};
use crate::manifest::Settings;
use crate::output::Format;
use crate::output::sql::Dialect;
use crate::schema::Entity;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Config {
    /// Seed, window, counts and entities: what decides the rows.
    pub input: PlanInput,
    /// True when no seed was given and one was drawn (it is then printed).
    pub seed_drawn: bool,
    pub format: Format,
    /// Database of the SQL format.
    pub dialect: Dialect,
    pub output: Output,
    pub parts: Parts,
    pub quiet: bool,
    /// Start even when the files look too big for the disk.
    pub force: bool,
}

impl Config {
    /// Defaults for a library caller: every entity, default counts, 2023, CSV.
    pub fn new(seed: u64, out: impl Into<PathBuf>) -> Self {
        Config {
            input: PlanInput::new(seed),
            seed_drawn: false,
            format: Format::Csv,
            dialect: Dialect::Postgres,
            output: Output::Dir(out.into()),
            parts: Parts::WHOLE,
            quiet: true,
            force: false,
        }
    }

    pub fn seed(&self) -> u64 {
        self.input.seed
    }

    /// The output directory; standard output runs write no files.
    pub fn out_dir(&self) -> Option<&Path> {
        match &self.output {
            Output::Dir(dir) => Some(dir),
            Output::Stdout => None,
        }
    }

    /// The engine's job for a plan made from this config.
    pub fn job<'a>(&self, plan: &'a Plan) -> Job<'a> {
        Job {
            plan,
            format: self.format,
            dialect: self.dialect,
            output: self.output.clone(),
            parts: self.parts,
            threads: self.input.threads,
            quiet: self.quiet,
            force: self.force,
            settings: self.settings(),
        }
    }

    /// Every setting that decides the output, as the manifest records it.
    pub fn settings(&self) -> Settings {
        let mut counts = BTreeMap::new();
        for entity in Entity::ALL {
            if let CountRule::Set(_) | CountRule::SetRoot(_) = entity.count_rule() {
                counts.insert(entity.name().to_string(), self.input.counts.get(entity));
            }
        }
        let window = self.input.window;
        Settings {
            format: self.format,
            dialect: (self.format == Format::Sql).then_some(self.dialect),
            counts,
            reviews: self.input.review_count,
            entities: self
                .input
                .entities
                .iter()
                .map(|e| e.name().to_string())
                .collect(),
            start_date: window.first_day().to_string(),
            end_date: window.last_day().to_string(),
            opened: Some(
                self.input
                    .opened
                    .unwrap_or_else(|| window.default_opened())
                    .to_string(),
            ),
            currency: Some(self.input.currency.to_string()),
            parts: self.parts.count,
            part: self.parts.index,
        }
    }
}
