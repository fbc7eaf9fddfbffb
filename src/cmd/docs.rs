//! `ecomgen completions`, `ecomgen man` and `ecomgen help`: generated from the clap
//! definition at run time, so they cannot drift from the flags (a test compares the
//! committed copies).

/// The completion script of `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = <crate::cli::Args as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "ecomgen", &mut out);
    String::from_utf8(out).expect("completion scripts are UTF-8")
}

/// The whole command, built: subcommands know their full names (`ecomgen generate`).
fn built() -> clap::Command {
    let mut command = <crate::cli::Args as clap::CommandFactory>::command();
    command.build();
    command
}

/// The built subcommand `name`, one of `cli::SUBCOMMANDS`.
fn subcommand(command: &clap::Command, name: &str) -> clap::Command {
    command
        .find_subcommand(name)
        .expect("the parser only lets subcommand names through")
        .clone()
}

/// A man page in roff: ecomgen(1), which lists the subcommands, or one subcommand's
/// page, ecomgen-NAME(1), with every flag.
pub fn man_page(name: Option<&str>) -> String {
    let top = built();
    // A built subcommand is titled `ecomgen-NAME` and its synopsis says `ecomgen NAME`.
    let page = match name {
        None => top,
        Some(name) => subcommand(&top, name),
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("the man page is UTF-8")
}

/// The long help of ecomgen or of one subcommand, as `--help` prints it.
pub fn help(name: Option<&str>) -> String {
    let mut top = built();
    match name {
        None => top.render_long_help().to_string(),
        Some(name) => subcommand(&top, name).render_long_help().to_string(),
    }
}
