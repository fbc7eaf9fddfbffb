//! `ecomgen generate`: resolve the flags, plan, write, and say what was written.

use super::say;
use crate::cli::GenerateArgs;
use crate::config::Config;
use crate::error::Result;
use crate::generate::Plan;
use crate::words::plural;

pub fn run(args: GenerateArgs) -> Result<()> {
    let config = Config::from_args(args)?;
    // On Ctrl-C, stop at the next chunk and remove the temporary files; a second
    // Ctrl-C ends the process at once (nothing is renamed either way).
    let _ = ctrlc::set_handler(|| {
        static SECOND: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if SECOND.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
        crate::engine::interrupt();
    });
    let plan = Plan::new(&config.input)?;
    let summary = crate::engine::run(&config.job(&plan))?;
    if !config.quiet {
        // Said once the run is done, so that a refused run prints its one message.
        if config.seed_drawn {
            say(format_args!("seed: {}", config.seed()));
        }
        for file in &summary.files {
            say(format_args!(
                "wrote {} ({}, {} bytes)",
                file.path.display(),
                plural(file.rows, "row"),
                file.bytes
            ));
        }
    }
    Ok(())
}
