//! `ecomgen completions` and `ecomgen man`: generated from the clap definition at run
//! time, so they cannot drift from the flags (a test compares the committed copies).

/// The completion script of `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = <crate::cli::Args as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "ecomgen", &mut out);
    String::from_utf8(out).expect("completion scripts are UTF-8")
}

/// The man page in roff.
pub fn man_page() -> String {
    let command = <crate::cli::Args as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("the man page is UTF-8")
}
