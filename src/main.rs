//! The ecomgen binary: parse arguments, run the command, turn errors into one
//! `ecomgen: ...` line and an exit code.

use clap::{CommandFactory, Parser};
use ecomgen::cli::{Args, Command, SchemaFormat};
use ecomgen::{Config, Error, commands};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return clap_error(e),
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            say(format_args!("ecomgen: {e}"));
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(args: Args) -> Result<(), Error> {
    match args.command {
        Command::Generate(generate) => {
            let config = Config::from_args(generate)?;
            // On Ctrl-C, stop at the next chunk and remove the temporary files; a
            // second Ctrl-C ends the process at once (nothing is renamed either way).
            let _ = ctrlc::set_handler(|| {
                static SECOND: std::sync::atomic::AtomicBool =
                    std::sync::atomic::AtomicBool::new(false);
                if SECOND.swap(true, std::sync::atomic::Ordering::SeqCst) {
                    std::process::exit(130);
                }
                ecomgen::run::interrupt();
            });
            let plan = ecomgen::generate::Plan::new(&config)?;
            if config.seed_drawn && !config.quiet {
                say(format_args!("seed: {}", config.seed));
            }
            let summary = ecomgen::run::run_plan(&plan, &config)?;
            if !config.quiet {
                for file in &summary.files {
                    say(format_args!(
                        "wrote {} ({}, {} bytes)",
                        file.path.display(),
                        ecomgen::plural(file.rows, "row"),
                        file.bytes
                    ));
                }
            }
            Ok(())
        }
        Command::Validate(validate) => ecomgen::validate::run_cli(&validate),
        Command::Completions { shell } => print(&commands::completions(shell)),
        Command::Man => print(&commands::man_page()),
        Command::Entities => print(&commands::entities_table()),
        Command::Schema(schema) => print(&match (schema.format, schema.dialect) {
            (SchemaFormat::Text, None) => commands::schema_text(schema.entity),
            (SchemaFormat::Json, None) => commands::schema_json(schema.entity),
            (SchemaFormat::Sql, dialect) => {
                ecomgen::sql::ddl_of(dialect.unwrap_or_default(), schema.entity)
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

fn print(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("standard output", e))
}

/// Help and version go to stdout as clap prints them; a usage error becomes one
/// `ecomgen: ...` line (with clap's list of valid values or tip, if any) and exit 2.
fn clap_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind::*;
    if matches!(
        e.kind(),
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let rendered = e.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| {
        !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
    });
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    for extra in lines {
        message.push(' ');
        message.push_str(extra);
    }
    say(format_args!("ecomgen: {message}"));
    // Point at the help of the command that was being typed, when there is one.
    let command = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .filter(|a| Args::command().find_subcommand(a).is_some());
    match command {
        Some(command) => say(format_args!("ecomgen: see 'ecomgen {command} --help'")),
        None => say(format_args!("ecomgen: see 'ecomgen --help'")),
    }
    ExitCode::from(2)
}

/// One line on stderr. Unlike `eprintln!`, a closed stderr (`2>&1 | head -1`) does not
/// panic: the exit code still tells the outcome.
fn say(line: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
