//! The ecomgen binary: parse arguments, run the command, turn errors into one
//! `ecomgen: ...` line and an exit code.

use clap::{CommandFactory, Parser};
use ecomgen::cli::Args;
use ecomgen::cmd::{self, say};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return clap_error(e),
    };
    match cmd::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            say(format_args!("ecomgen: {e}"));
            ExitCode::from(e.exit_code())
        }
    }
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
