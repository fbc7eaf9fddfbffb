//! A page's bytes: the format's opening, rows `offset .. offset + limit` of the table
//! encoded by the same encoder `ecomgen generate` writes the file with, and the
//! closing, handed on in pieces of about 64 KiB so a page of any size streams in
//! constant memory. A JSON page is then the array of exactly the file's objects, a
//! CSV page the header and the file's lines, an XML page the root wrapping its rows.

use super::endpoints::Endpoint;
use super::query::PageQuery;
use super::shops::Shop;
use crate::error::{Error, Result};
use crate::output::{self, Encoded, Format};
use std::time::Instant;

/// Bytes gathered before they are handed on.
const PIECE: usize = 64 * 1024;

/// Units generated at once: few enough that a small page wastes little work past its
/// last row.
const MAX_BATCH: u64 = 512;

/// How a page ended when it did not end complete.
#[derive(Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The receiver no longer wants bytes (the client went away).
    Refused,
    /// The page took longer than the server allows.
    TimedOut,
}

/// Writes the page `query` asks of `endpoint`, giving each piece to `send`, which
/// returns false once it wants no more.
pub fn write(
    shop: &Shop,
    endpoint: &Endpoint,
    query: &PageQuery,
    deadline: Instant,
    send: &mut dyn FnMut(Vec<u8>) -> bool,
) -> Result<std::result::Result<(), Stopped>> {
    let table = endpoint.spec();
    let entity = table.table.entity().spec();
    let format = query.format;
    let writer = writer(format)?;
    let files = format.files_of(entity.tables);
    let which = files
        .iter()
        .position(|t| t.table == table.table)
        .ok_or_else(|| Error::Usage(format!("{} has no {} file", table.name, format.name())))?;
    let mut encoder = writer.encoder(entity.tables);
    let mut out: Vec<Encoded> = files.iter().map(|_| Encoded::default()).collect();
    writer.prologue(table, &mut out[which].bytes);

    let source = (entity.source)(&shop.plan.world);
    let units = source.units();
    let start = shop.locate(table, query.offset);
    let mut picker = Picker {
        skip: start.skip,
        left: query.limit,
        separator: format.spec().leading_separator,
        first: true,
    };
    let mut unit = start.unit;
    while picker.left > 0 && unit < units {
        if Instant::now() > deadline {
            return Ok(Err(Stopped::TimedOut));
        }
        let batch = (picker.skip.saturating_add(picker.left))
            .clamp(1, MAX_BATCH)
            .min(units - unit);
        let mut failure = None;
        source.cells(unit..unit + batch, &mut |row| {
            if picker.left == 0 || failure.is_some() {
                return;
            }
            let (length, rows) = (out[which].bytes.len(), out[which].rows);
            if let Err(e) = encoder.encode(row, &mut out) {
                failure = Some(e);
                return;
            }
            for (i, other) in out.iter_mut().enumerate() {
                if i != which {
                    other.bytes.clear();
                }
            }
            let added = out[which].rows - rows;
            picker.pick(format, &mut out[which].bytes, length, added);
        });
        if let Some(e) = failure {
            return Err(e);
        }
        unit += batch;
        if out[which].bytes.len() >= PIECE && !send(std::mem::take(&mut out[which].bytes)) {
            return Ok(Err(Stopped::Refused));
        }
    }
    writer.epilogue(table, &mut out[which].bytes);
    if send(std::mem::take(&mut out[which].bytes)) {
        Ok(Ok(()))
    } else {
        Ok(Err(Stopped::Refused))
    }
}

fn writer(format: Format) -> Result<Box<dyn output::Writer>> {
    output::writer(
        format,
        output::WriterSetup {
            dialect: Default::default(),
            single_file: None,
        },
    )
}

/// Keeps the rows of the page among those just encoded.
struct Picker {
    /// Rows still to drop before the page's first.
    skip: u64,
    /// Rows still to keep.
    left: u64,
    /// The format's separator before each row, dropped before the page's first (as
    /// before a file's first).
    separator: usize,
    first: bool,
}

impl Picker {
    /// `bytes[from..]` holds `added` rows just encoded: keeps those of the page.
    fn pick(&mut self, format: Format, bytes: &mut Vec<u8>, from: usize, added: u64) {
        let dropped = self.skip.min(added);
        let kept = self.left.min(added - dropped);
        self.skip -= dropped;
        self.left -= kept;
        if kept == 0 {
            bytes.truncate(from);
            return;
        }
        if kept < added {
            // Only a flat format's child rows come several at once.
            let ends = record_ends(format, &bytes[from..], added as usize);
            let begin = if dropped == 0 {
                0
            } else {
                ends[dropped as usize - 1]
            };
            let end = ends[(dropped + kept) as usize - 1];
            bytes.copy_within(from + begin..from + end, from);
            bytes.truncate(from + end - begin);
        }
        if self.first {
            self.first = false;
            bytes.drain(from..from + self.separator);
        }
    }
}

/// Where each of `rows` CSV records of `bytes` ends: at a line end outside quotes
/// (a quoted field may hold line ends; doubled quotes inside it toggle twice).
fn record_ends(format: Format, bytes: &[u8], rows: usize) -> Vec<usize> {
    debug_assert_eq!(format, Format::Csv, "only CSV writes several rows per unit");
    let mut ends = Vec::with_capacity(rows);
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => ends.push(i + 1),
            _ => {}
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Counts, Plan, PlanInput};
    use crate::schema::Table;

    fn shop(seed: u64) -> Shop {
        let mut input = PlanInput::new(seed);
        input.counts = Counts::scaled(0.05).unwrap();
        Shop::new(Plan::new(&input).unwrap())
    }

    fn page(shop: &Shop, table: Table, format: Format, offset: u64, limit: u64) -> Vec<u8> {
        let endpoint = super::super::endpoints::ENDPOINTS
            .iter()
            .find(|e| e.table == table)
            .unwrap();
        let query = PageQuery {
            format,
            offset,
            limit,
            seed: shop.plan.world.seed,
        };
        let mut bytes = Vec::new();
        let deadline = Instant::now() + std::time::Duration::from_secs(60);
        write(shop, endpoint, &query, deadline, &mut |piece| {
            bytes.extend(piece);
            true
        })
        .unwrap()
        .unwrap();
        bytes
    }

    /// A page's rows are the rows of the whole table's page at the same place: pages
    /// cut at any row, in the middle of an order's items too.
    #[test]
    fn pages_are_slices_of_the_whole() {
        let shop = shop(3);
        for table in [Table::Payments, Table::OrderItems, Table::Users] {
            let whole = page(&shop, table, Format::Csv, 0, u64::MAX);
            let text = String::from_utf8(whole).unwrap();
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            let header = lines.remove(0);
            for (offset, limit) in [(0, 3), (1, 1), (7, 50), (lines.len() as u64 - 2, 10)] {
                let got =
                    String::from_utf8(page(&shop, table, Format::Csv, offset, limit)).unwrap();
                let end = (offset + limit).min(lines.len() as u64) as usize;
                let expected = format!("{header}{}", lines[offset as usize..end].concat());
                assert_eq!(got, expected, "{} {offset}+{limit}", table.name());
            }
        }
    }

    #[test]
    fn a_json_page_is_an_array_and_an_empty_one_too() {
        let shop = shop(4);
        let two = page(&shop, Table::Orders, Format::Json, 5, 2);
        let rows: serde_json::Value = serde_json::from_slice(&two).unwrap();
        assert_eq!(rows.as_array().unwrap().len(), 2);
        assert!(rows[0]["items"].is_array());
        assert_eq!(
            page(&shop, Table::Orders, Format::Json, u64::MAX, 2),
            b"[\n]\n"
        );
        let none = page(&shop, Table::Payments, Format::Xml, 0, 0);
        assert_eq!(
            String::from_utf8(none).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<payments>\n</payments>\n"
        );
    }

    #[test]
    fn quoted_line_ends_are_inside_a_record() {
        let ends = record_ends(Format::Csv, b"a,\"x\ny\"\nb,\"\"\"\"\nc\n", 3);
        assert_eq!(ends, [8, 15, 17]);
    }
}
