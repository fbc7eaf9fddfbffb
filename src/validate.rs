//! `ecomgen validate`: re-reads a dataset in any format and checks every invariant of
//! the data model, so users can check data they edited or exported.

use crate::cli::ValidateArgs;
use crate::error::{Error, Result};

pub fn run_cli(args: &ValidateArgs) -> Result<()> {
    Err(Error::Runtime(format!(
        "validate is not implemented yet ({})",
        args.dir.display()
    )))
}
