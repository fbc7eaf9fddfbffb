//! `ecomgen serve`: the flags that decide the data resolved as `generate` resolves
//! them (so a page matches the file made with the same flags), then the server.

use super::say;
use crate::cli::{GenerateArgs, ServeArgs};
use crate::config::Config;
use crate::error::Result;
use std::time::Duration;

pub fn run(args: ServeArgs) -> Result<()> {
    let data = GenerateArgs {
        seed: args.seed,
        count: args.count,
        scale: args.scale,
        start_date: args.start_date,
        end_date: args.end_date,
        opened: args.opened,
        currency: args.currency,
        config: args.config,
        // The server writes no files; a directory that always exists keeps the output
        // checks of generate quiet.
        out: Some(".".into()),
        quiet: true,
        ..GenerateArgs::default()
    };
    let config = Config::from_args(data)?;
    let seed = config.seed();
    let settings = crate::serve::Settings {
        input: config.input,
        host: args.host,
        port: args.port,
        max_requests: usize::try_from(args.max_requests).unwrap_or(usize::MAX),
        timeout: Duration::from_secs(args.timeout),
    };
    // Said once the counts are known to work and the port is open, so a refused run
    // says only why.
    crate::serve::run(settings, |address| {
        say(format_args!("seed: {seed}"));
        say(format_args!(
            "serving on http://{address} (the endpoints: http://{address}/docs); Ctrl-C stops"
        ))
    })
}
