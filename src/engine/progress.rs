//! Progress on stderr while a run writes: a bar per entity in a terminal, never mixed
//! into data, and nothing with --quiet.

use indicatif::{ProgressBar, ProgressStyle};

pub fn bar(entity: &str, units: u64, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    // Drawn only when stderr is a terminal.
    let bar = ProgressBar::new(units);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:>17} [{bar:30}] {human_pos}/{human_len} ({per_sec}, {eta})",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    bar.set_message(entity.to_string());
    bar
}
