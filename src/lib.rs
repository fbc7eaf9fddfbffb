//! ecomgen generates realistic, interconnected, reproducible e-commerce datasets.
//!
//! The binary is a thin shell over this library: [`Config`] describes a run,
//! [`run()`] writes it. Generators in [`generate`] can also be used directly to build
//! rows in memory (see `examples/`).

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod generate;
pub mod model;
pub mod output;
mod parallel;
pub mod rng;
pub mod run;
pub mod schema;
pub mod sql;
pub mod validate;
pub mod words;

pub use commands::plural;
pub use config::Config;
pub use error::{Error, Result};
pub use run::{Summary, run};
