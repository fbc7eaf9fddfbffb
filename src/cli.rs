//! Command-line interface: clap types only. Doc comments are the help text; values are
//! parsed by the domain types themselves (an entity, a count, a scale, a date), and
//! checked for sense in config/.

use crate::generate::registry::{CountRule, CountSetting, Scale};
use crate::model::{Currency, Date};
use crate::output::Format;
use crate::output::sql::Dialect;
use crate::schema::Entity;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsStr;
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
    max_term_width = 100,
    // Our own `help` takes `--help` like every other subcommand; clap's refuses it.
    disable_help_subcommand = true
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
    /// Check a dataset (any format but SQL) against every invariant of the data model.
    Validate(ValidateArgs),
    /// Serve the data over HTTP: any page of any entity, of any seed, as JSON, JSON Lines, CSV or XML.
    #[command(after_help = "Examples:\n  \
        ecomgen serve\n  \
        ecomgen serve --port 8080 --scale 100\n  \
        curl \"http://localhost:8000/api/v1/users?format=json&limit=1000&seed=42\"\n  \
        curl \"http://localhost:8000/api/v1/orders?format=csv&seed=42&offset=5000&limit=100\"\n\n\
        Row N of an endpoint is row N of the file `ecomgen generate` writes with the same seed\n\
        and counts. The endpoints and their parameters: http://localhost:8000/docs")]
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum, ignore_case = true)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff) on standard output: ecomgen(1), or a subcommand's.
    Man {
        /// The subcommand whose page to print, e.g. `generate` for ecomgen-generate(1).
        #[arg(value_name = "COMMAND", value_parser = PossibleValuesParser::new(SUBCOMMANDS))]
        command: Option<String>,
    },
    /// Print this message or the help of the given subcommand.
    Help {
        /// The subcommand whose help to print.
        #[arg(value_name = "COMMAND", value_parser = PossibleValuesParser::new(SUBCOMMANDS))]
        command: Option<String>,
    },
}

/// Every subcommand, as `man` and `help` take it (a test keeps it complete).
pub const SUBCOMMANDS: [&str; 8] = [
    "generate",
    "entities",
    "schema",
    "validate",
    "serve",
    "completions",
    "man",
    "help",
];

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Directory holding the dataset's files (those manifest.json lists, when it exists).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// First day of the window the data must fall in [default: from manifest.json, else 2023-01-01].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub start_date: Option<Date>,

    /// Last day of the window [default: from manifest.json, else 2023-12-31].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub end_date: Option<Date>,

    /// Day the shop opened, before which no account dates [default: from manifest.json, else four years before --start-date].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub opened: Option<Date>,

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
    #[arg(long, short, ignore_case = true, value_parser = formats())]
    pub format: Option<Format>,

    /// Database the SQL format is for [default: postgres].
    #[arg(long, ignore_case = true, value_parser = dialects())]
    pub dialect: Option<Dialect>,

    /// Output directory, created if missing; `-` writes one entity to standard output [default: data].
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Write to standard output instead of files (same as --out -): one entity chosen
    /// with --entities, or with --format sql every entity, schema first, for `| psql`.
    #[arg(long, conflicts_with = "out")]
    pub stdout: bool,

    /// Row count of one entity (repeatable), e.g. --count users=5000.
    #[arg(long, value_name = "ENTITY=N", value_parser = CountParser, allow_hyphen_values = true, hide_possible_values = true)]
    pub count: Vec<CountSetting>,

    /// Multiply every default row count by F (e.g. 0.1 or 100); --count wins over it.
    #[arg(long, value_name = "F", value_parser = parse::<Scale>, allow_hyphen_values = true)]
    pub scale: Option<Scale>,

    /// Write only these entities (comma-separated); rows and keys stay those of the full run.
    #[arg(
        long,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "ENTITY,...",
        value_parser = entities()
    )]
    pub entities: Vec<Entity>,

    /// First day of the window every timestamp falls in, YYYY-MM-DD [default: 2023-01-01].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub start_date: Option<Date>,

    /// Last day of the window, included, YYYY-MM-DD [default: 2023-12-31].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub end_date: Option<Date>,

    /// When the shop opened, YYYY-MM-DD: accounts date from then on [default: four years before --start-date].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub opened: Option<Date>,

    /// The shop's currency, an ISO 4217 code; every amount is in it [default: USD].
    #[arg(long, value_name = "CODE", value_parser = parse::<Currency>)]
    pub currency: Option<Currency>,

    /// Worker threads [default: all cores]; 1 does everything on one thread (one core).
    /// Output is identical for every value.
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

    /// Start even if the files look too big for the free disk space.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; 0.0.0.0 (or ::) opens the server to other machines.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub host: String,

    /// Port to listen on; 0 takes a free one (the address is printed at start).
    #[arg(long, short, value_name = "PORT", default_value_t = 8000)]
    pub port: u16,

    /// Seed of the pages that name none; without it one is drawn. Printed at start.
    #[arg(long, value_name = "N", value_parser = parse_seed, allow_hyphen_values = true)]
    pub seed: Option<u64>,

    /// Row count of one entity (repeatable), as for generate.
    #[arg(long, value_name = "ENTITY=N", value_parser = parse::<CountSetting>, allow_hyphen_values = true)]
    pub count: Vec<CountSetting>,

    /// Multiply every default row count by F, as for generate.
    #[arg(long, value_name = "F", value_parser = parse::<Scale>, allow_hyphen_values = true)]
    pub scale: Option<Scale>,

    /// First day of the window, YYYY-MM-DD [default: 2023-01-01].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub start_date: Option<Date>,

    /// Last day of the window, included, YYYY-MM-DD [default: 2023-12-31].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub end_date: Option<Date>,

    /// When the shop opened, YYYY-MM-DD [default: four years before --start-date].
    #[arg(long, value_name = "DATE", value_parser = parse::<Date>)]
    pub opened: Option<Date>,

    /// The shop's currency, an ISO 4217 code [default: USD].
    #[arg(long, value_name = "CODE", value_parser = parse::<Currency>)]
    pub currency: Option<Currency>,

    /// Seed, counts, window and currency from a TOML file, as for generate; flags override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Pages generated at once; a request beyond them gets 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = parse_positive)]
    pub max_requests: u64,

    /// Longest a page may take, in seconds; one still streaming then is cut off.
    #[arg(long, value_name = "SECONDS", default_value_t = 300, value_parser = parse_positive)]
    pub timeout: u64,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Only this entity.
    #[arg(ignore_case = true, value_parser = entities())]
    pub entity: Option<Entity>,

    /// How to print it: a table, JSON, or SQL DDL.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = SchemaFormat::Text)]
    pub format: SchemaFormat,

    /// Database the DDL of --format sql is for [default: postgres].
    #[arg(long, ignore_case = true, value_parser = dialects())]
    pub dialect: Option<Dialect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaFormat {
    Text,
    Json,
    Sql,
}

/// A value its own type parses, with that type's message when it does not.
fn parse<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, String> {
    s.parse()
}

/// Choices clap lists in help and completions, parsed into the type they name.
fn choices<T>(values: impl IntoIterator<Item = PossibleValue>) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(values)
        .map(|name| name.parse::<T>().ok().expect("every listed choice parses"))
}

fn entities() -> impl TypedValueParser<Value = Entity> {
    choices(Entity::ALL.map(|e| PossibleValue::new(e.name())))
}

fn formats() -> impl TypedValueParser<Value = Format> {
    choices(Format::ALL.map(|f| PossibleValue::new(f.name()).help(f.spec().about)))
}

fn dialects() -> impl TypedValueParser<Value = Dialect> {
    choices(Dialect::ALL.map(|d| PossibleValue::new(d.name()).help(d.about())))
}

/// `ENTITY=N`, parsed by `CountSetting`; its possible values (`users=`, ...) are
/// what shells complete, in place of file names.
#[derive(Clone)]
struct CountParser;

impl TypedValueParser for CountParser {
    type Value = CountSetting;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<CountSetting, clap::Error> {
        parse::<CountSetting>.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let settable = Entity::ALL
            .into_iter()
            .filter(|e| !matches!(e.count_rule(), CountRule::Derived(_)))
            .map(|e| PossibleValue::new(format!("{}=", e.name())));
        Some(Box::new(settable))
    }
}

fn parse_seed(s: &str) -> Result<u64, String> {
    s.parse()
        .map_err(|_| format!("a seed is a whole number from 0 to {}", u64::MAX))
}

fn parse_positive(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => {
            Err(format!("expected a whole number from 1 to {}", u64::MAX))
        }
        _ => Err("expected a whole number of at least 1".to_string()),
    }
}

fn parse_max_shown(s: &str) -> Result<usize, String> {
    s.parse()
        .map_err(|_| "expected a whole number, 0 or more".to_string())
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
    fn a_count_too_big_for_its_type_says_the_range_not_at_least_1() {
        assert_eq!(parse_positive("3"), Ok(3));
        for bad in ["0", "-1", "abc", "1.5"] {
            assert_eq!(
                parse_positive(bad),
                Err("expected a whole number of at least 1".to_string()),
                "{bad}"
            );
        }
        let too_big = parse_positive("99999999999999999999").unwrap_err();
        assert!(
            too_big.contains("from 1 to 18446744073709551615"),
            "{too_big}"
        );
    }

    #[test]
    fn subcommands_lists_every_subcommand() {
        let names: Vec<String> = Args::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        assert_eq!(names, SUBCOMMANDS);
    }

    #[test]
    fn choices_parse_in_any_case_and_values_parse_by_their_types() {
        let args = Args::try_parse_from([
            "ecomgen",
            "generate",
            "--format",
            "JSON",
            "--entities",
            "Users,orders",
            "--scale",
            "0.5",
            "--start-date",
            "2024-02-29",
        ])
        .unwrap();
        let Command::Generate(generate) = args.command else {
            panic!("a generate command")
        };
        assert_eq!(generate.format, Some(Format::Json));
        assert_eq!(generate.entities, [Entity::Users, Entity::Orders]);
        assert_eq!(generate.scale.map(|s| s.factor), Some(0.5));
        assert_eq!(
            generate.start_date.map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        for bad in ["2023-02-29", "2023-1-5", "0000-01-01"] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}
