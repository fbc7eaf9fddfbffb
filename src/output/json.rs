//! JSON and JSON Lines with serde_json. In a JSON array every row is preceded by
//! ",\n"; the writer drops the comma before a file's first row, which lets chunks and
//! parts be encoded without knowing what comes before them.

use super::encoding_error;
use crate::error::Result;
use crate::generate::Record;

pub fn encode<R: Record>(row: &R, lines: bool, out: &mut Vec<u8>) -> Result<()> {
    if !lines {
        out.extend_from_slice(b",\n");
    }
    serde_json::to_writer(&mut *out, row).map_err(encoding_error)?;
    if lines {
        out.push(b'\n');
    }
    Ok(())
}
