//! The subcommands, one file each, as the binary runs them.

pub mod docs;
pub mod generate;
pub mod schema;
pub mod serve;
pub mod validate;

use crate::cli::{Args, Command, SchemaFormat};
use crate::error::{Error, Result};
use std::io::Write;

pub fn run(args: Args) -> Result<()> {
    match args.command {
        Command::Generate(generate) => generate::run(generate),
        Command::Validate(args) => validate::run(&args),
        Command::Serve(args) => serve::run(args),
        Command::Completions { shell } => print(&docs::completions(shell)),
        Command::Man { command } => print(&docs::man_page(command.as_deref())),
        Command::Help { command } => print(&docs::help(command.as_deref())),
        Command::Entities => print(&schema::entities_table()),
        Command::Schema(args) => print(&match (args.format, args.dialect) {
            (SchemaFormat::Text, None) => schema::schema_text(args.entity),
            (SchemaFormat::Json, None) => schema::schema_json(args.entity),
            (SchemaFormat::Sql, dialect) => {
                crate::output::sql::ddl_of(dialect.unwrap_or_default(), args.entity)
            }
            (_, Some(_)) => {
                return Err(Error::Usage(
                    "--dialect is for --format sql: give both, e.g. --format sql --dialect sqlite"
                        .to_string(),
                ));
            }
        }),
    }
}

fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("standard output", e))
}

/// One line on stderr. Unlike `eprintln!`, a closed stderr (`2>&1 | head -1`) does not
/// panic: the exit code still tells the outcome.
pub fn say(line: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
