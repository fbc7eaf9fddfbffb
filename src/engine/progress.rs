//! Progress on stderr while a run writes, never mixed into data, and nothing with
//! --quiet: a bar per entity in a terminal, and where stderr is a log or a pipe (CI,
//! `2> run.log`), a line per entity as it completes, so a long run shows it is alive.

use indicatif::{HumanCount, ProgressBar, ProgressState, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::time::Instant;

/// One entity's progress.
pub struct Progress {
    bar: ProgressBar,
    entity: &'static str,
    started: Instant,
    /// Whether a line is printed when the entity is done.
    lines: bool,
}

pub fn bar(entity: &'static str, units: u64, quiet: bool) -> Progress {
    let terminal = std::io::stderr().is_terminal();
    let bar = if quiet {
        ProgressBar::hidden()
    } else {
        // Drawn only when stderr is a terminal.
        ProgressBar::new(units)
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:>17} [{bar:30}] {human_pos}/{human_len} ({rate}, {eta})",
        )
        .expect("the template is valid")
        .with_key("rate", rate)
        .progress_chars("=> "),
    );
    bar.set_message(entity);
    Progress {
        bar,
        entity,
        started: Instant::now(),
        lines: !quiet && !terminal,
    }
}

fn rate(state: &ProgressState, out: &mut dyn std::fmt::Write) {
    let _ = out.write_str(&per_second(state.per_sec()));
}

/// Units per second as a whole number: the fraction of a rate of thousands is noise.
fn per_second(rate: f64) -> String {
    format!("{}/s", HumanCount(rate.round() as u64))
}

impl Progress {
    /// The entity is written: clear its bar, or say so in a line.
    pub fn done(self, rows: u64) {
        let entity = self.entity;
        self.done_together(&[(entity, rows)]);
    }

    /// Entities written together (the pass over orders) are done: a line for each.
    pub fn done_together(self, written: &[(&'static str, u64)]) {
        self.bar.finish_and_clear();
        if self.lines {
            let seconds = self.started.elapsed().as_secs_f64();
            for (entity, rows) in written {
                // A reader that went away (`2>&1 | head`) must not fail the run.
                let _ = writeln!(
                    std::io::stderr(),
                    "{entity}: {} rows in {seconds:.1}s",
                    HumanCount(*rows)
                );
            }
        }
    }
}

impl std::ops::Deref for Progress {
    type Target = ProgressBar;

    fn deref(&self) -> &ProgressBar {
        &self.bar
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rates_are_whole_numbers() {
        assert_eq!(super::per_second(201_743.954_1), "201,744/s");
        assert_eq!(super::per_second(0.4), "0/s");
    }
}
