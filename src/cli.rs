//! Command-line interface: clap types only. Doc comments are the help text; values are
//! checked for form here, and for sense in config.rs.

use crate::generate::Entity;
use crate::output::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Generate realistic, interconnected, reproducible e-commerce datasets.
///
/// One seed drives every entity: the same arguments always give the same bytes,
/// whatever the thread count, and a subset of entities holds exactly the rows of the
/// full run.
#[derive(Debug, Parser)]
#[command(
    name = "ecomgen",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate a dataset: one file per entity in the output directory.
    #[command(after_help = "Examples:\n  \
        ecomgen generate --seed 42 --format csv --out data/\n  \
        ecomgen generate --seed 42 --format json --count users=5000 --count orders=20000\n  \
        ecomgen generate --seed 42 --entities orders --format jsonl --out data/\n  \
        ecomgen generate --seed 42 --scale 100 --threads 8\n  \
        ecomgen generate --seed 42 --entities users --format jsonl --stdout | jq .email\n  \
        ecomgen generate --config ecomgen.toml --seed 7")]
    Generate(GenerateArgs),
    /// List the entities with their parents and default row counts.
    Entities,
    /// Print the data model: fields, types and keys of every entity, from the code.
    Schema(SchemaArgs),
    /// Check a CSV, JSON, JSON Lines or XML dataset against every invariant of the data model.
    Validate(ValidateArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum, ignore_case = true)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on standard output.
    Man,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Directory holding the dataset's files (those manifest.json lists, when it exists).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// First day of the window the data must fall in [default: from manifest.json, else 2023-01-01].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start_date: Option<chrono::NaiveDate>,

    /// Last day of the window [default: from manifest.json, else 2023-12-31].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub end_date: Option<chrono::NaiveDate>,

    /// Show at most this many violations (all are counted).
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = parse_max_shown)]
    pub max_shown: usize,
}

#[derive(Debug, Default, clap::Args)]
pub struct GenerateArgs {
    /// Seed of the whole dataset; without it one is drawn and printed on stderr.
    #[arg(long, value_name = "N", value_parser = parse_seed, allow_hyphen_values = true)]
    pub seed: Option<u64>,

    /// Output format [default: csv].
    #[arg(long, short, value_enum, ignore_case = true)]
    pub format: Option<Format>,

    /// Database the SQL format is for [default: postgres].
    #[arg(long, value_enum, ignore_case = true)]
    pub dialect: Option<crate::sql::Dialect>,

    /// Output directory, created if missing; `-` writes one entity to standard output [default: data].
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Stream the one entity chosen with --entities to standard output (same as --out -).
    #[arg(long, conflicts_with = "out")]
    pub stdout: bool,

    /// Row count of one entity (repeatable), e.g. --count users=5000.
    #[arg(long, value_name = "ENTITY=N", value_parser = parse_count, allow_hyphen_values = true)]
    pub count: Vec<(Entity, u64)>,

    /// Multiply every default row count by F (e.g. 0.1 or 100); --count wins over it.
    #[arg(long, value_name = "F", value_parser = parse_scale, allow_hyphen_values = true)]
    pub scale: Option<f64>,

    /// Write only these entities (comma-separated); rows and keys stay those of the full run.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "ENTITY,..."
    )]
    pub entities: Vec<Entity>,

    /// First day of the window every timestamp falls in, YYYY-MM-DD [default: 2023-01-01].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start_date: Option<chrono::NaiveDate>,

    /// Last day of the window, included, YYYY-MM-DD [default: 2023-12-31].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub end_date: Option<chrono::NaiveDate>,

    /// Worker threads [default: all cores]; output is identical for every value.
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_positive, allow_hyphen_values = true)]
    pub threads: Option<u64>,

    /// Split every entity into P parts, for runs spread over processes or machines.
    #[arg(long, value_name = "P", value_parser = parse_positive, requires = "part", allow_hyphen_values = true)]
    pub parts: Option<u64>,

    /// Which part to write, 1..=P; files are named ENTITY.part-KKKK-of-PPPP.EXT.
    #[arg(long, value_name = "K", value_parser = parse_positive, requires = "parts", allow_hyphen_values = true)]
    pub part: Option<u64>,

    /// Settings from a TOML file (same names as the flags); flags override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print nothing but errors on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Only this entity.
    #[arg(value_enum, ignore_case = true)]
    pub entity: Option<Entity>,

    /// How to print it: a table, JSON, or SQL DDL.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = SchemaFormat::Text)]
    pub format: SchemaFormat,

    /// Database the DDL of --format sql is for [default: postgres].
    #[arg(long, value_enum, ignore_case = true)]
    pub dialect: Option<crate::sql::Dialect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaFormat {
    Text,
    Json,
    Sql,
}

pub(crate) fn parse_seed(s: &str) -> Result<u64, String> {
    s.parse()
        .map_err(|_| format!("a seed is a whole number from 0 to {}", u64::MAX))
}

pub(crate) fn parse_positive(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a whole number of at least 1".to_string()),
    }
}

pub(crate) fn parse_count(s: &str) -> Result<(Entity, u64), String> {
    let Some((name, n)) = s.split_once('=') else {
        return Err("expected ENTITY=N, e.g. users=5000".to_string());
    };
    let entity = Entity::from_name(name.trim()).ok_or_else(|| {
        let names: Vec<_> = Entity::ALL.iter().map(|e| e.name()).collect();
        format!("unknown entity '{name}' (valid: {})", names.join(", "))
    })?;
    let n = n.trim().replace('_', "").parse::<u64>().map_err(|e| {
        if *e.kind() == std::num::IntErrorKind::PosOverflow {
            format!(
                "'{n}' is more rows than ecomgen can count (at most {})",
                u64::MAX
            )
        } else {
            format!("'{n}' is not a row count (a whole number, 0 or more)")
        }
    })?;
    Ok((entity, n))
}

fn parse_max_shown(s: &str) -> Result<usize, String> {
    s.parse()
        .map_err(|_| "expected a whole number, 0 or more".to_string())
}

pub(crate) fn parse_scale(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(f) if f.is_finite() && f >= 0.0 => Ok(f),
        _ => Err("expected a non-negative number, e.g. 0.5 or 10".to_string()),
    }
}

pub(crate) fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| s.len() == 10 && chrono::Datelike::year(d) >= 1)
        .ok_or_else(|| "expected a real date as YYYY-MM-DD, e.g. 2023-01-31".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_is_well_formed() {
        Args::command().debug_assert();
    }

    #[test]
    fn counts_parse_or_explain() {
        assert_eq!(parse_count("users=5000"), Ok((Entity::Users, 5000)));
        assert_eq!(
            parse_count("orders=1_000_000"),
            Ok((Entity::Orders, 1_000_000))
        );
        assert!(parse_count("users").unwrap_err().contains("ENTITY=N"));
        assert!(
            parse_count("buyers=5")
                .unwrap_err()
                .contains("valid: users")
        );
        assert!(parse_count("users=-5").unwrap_err().contains("row count"));
    }

    #[test]
    fn dates_must_exist() {
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2023-1-5").is_err());
        assert!(parse_date("2024-02-29").is_ok());
    }
}
