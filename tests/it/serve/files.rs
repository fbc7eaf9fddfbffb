//! A generated file cut into its opening, its rows and its closing, and the page the
//! README promises for any offset and limit: the rows byte for byte, framed as a whole
//! file of the format. Written from the files, not from the server's code, so the two
//! can disagree.

use std::path::Path;

pub struct File {
    format: String,
    /// The header line (CSV), the declaration and root element (XML), `[` (JSON).
    head: Vec<u8>,
    /// Each row's bytes, without JSON's separating comma.
    pub rows: Vec<Vec<u8>>,
    /// The root's end tag (XML), `]` (JSON).
    tail: Vec<u8>,
}

impl File {
    pub fn read(dir: &Path, table: &str, format: &str) -> File {
        let path = dir.join(format!("{table}.{format}"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = File::split(format, &bytes);
        assert_eq!(
            file.page(0, u64::MAX),
            bytes,
            "{} splits back",
            path.display()
        );
        file
    }

    fn split(format: &str, bytes: &[u8]) -> File {
        let mut file = File {
            format: format.to_string(),
            head: Vec::new(),
            rows: Vec::new(),
            tail: Vec::new(),
        };
        match format {
            "csv" => {
                let mut records = csv_records(bytes).into_iter();
                file.head = records.next().expect("a header line");
                file.rows = records.collect();
            }
            "jsonl" => file.rows = lines(bytes),
            "xml" | "json" => {
                let mut lines = lines(bytes);
                file.tail = lines.pop().expect("a closing line");
                let opening = if format == "xml" { 2 } else { 1 };
                file.head = lines.drain(..opening).flatten().collect();
                file.rows = lines;
                if format == "json" {
                    let count = file.rows.len();
                    for (i, row) in file.rows.iter_mut().enumerate() {
                        let last = i + 1 == count;
                        let end: &[u8] = if last { b"\n" } else { b",\n" };
                        assert!(row.ends_with(end), "a JSON row line ends with {end:?}");
                        row.truncate(row.len() - end.len());
                    }
                }
            }
            other => panic!("no pages in {other}"),
        }
        file
    }

    /// Rows `offset .. offset + limit`, framed.
    pub fn page(&self, offset: u64, limit: u64) -> Vec<u8> {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.rows.len());
        let end = start.saturating_add(usize::try_from(limit).unwrap_or(usize::MAX));
        let rows = &self.rows[start..end.min(self.rows.len())];
        let mut page = self.head.clone();
        if self.format == "json" {
            page.extend(rows.join(&b",\n"[..]));
            if !rows.is_empty() {
                page.push(b'\n');
            }
        } else {
            page.extend(rows.concat());
        }
        page.extend(&self.tail);
        page
    }
}

/// Lines with their line ends.
fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// CSV records with their line ends: a line end inside quotes is part of a field.
fn csv_records(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut records = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                records.push(bytes[start..=i].to_vec());
                start = i + 1;
            }
            _ => {}
        }
    }
    assert_eq!(start, bytes.len(), "a CSV file ends with a line end");
    records
}
