//! ecomgen generates realistic, interconnected, reproducible e-commerce datasets.
//!
//! The binary is a thin shell over this library. The generation core (`schema`,
//! `model`, `rng`, `rules`, `generate`, `words`) knows nothing of formats, files or
//! the command line: `generate::Plan` takes plain inputs and its generators build rows
//! in memory (see `examples/`). Around it: `output` (one file per format), `engine`
//! (chunks, threads, the all-or-nothing commit), `manifest`, `validate` (an
//! independent reader of datasets), `serve` (the HTTP service), and `config`, `cli` and
//! `cmd` for the binary.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod engine;
pub mod error;
pub mod generate;
pub mod manifest;
pub mod model;
pub mod output;
mod parallel;
pub mod rng;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod validate;
pub mod words;

pub use config::Config;
pub use error::{Error, Result};

/// Generates and writes the dataset `config` describes.
pub fn run(config: &Config) -> Result<engine::Summary> {
    let plan = generate::Plan::new(&config.input)?;
    engine::run(&config.job(&plan))
}
