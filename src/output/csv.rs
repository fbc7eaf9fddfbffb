//! CSV: the csv crate's serializer, one writer per file of the entity (the order
//! items go to their own file), with the header taken from the schema so that a file
//! with no rows still has one.

use super::{Chunk, encoding_error};
use crate::error::Result;
use crate::generate::Record;
use crate::schema::{FileSpec, header_names};

pub fn header(file: &FileSpec) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(header_names(file.fields))
        .expect("writing to memory cannot fail");
    w.into_inner().expect("writing to memory cannot fail")
}

pub struct CsvEncoder {
    rows: ::csv::Writer<Vec<u8>>,
    children: ::csv::Writer<Vec<u8>>,
}

fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new())
}

impl CsvEncoder {
    pub fn new() -> Self {
        CsvEncoder {
            rows: writer(),
            children: writer(),
        }
    }

    pub fn encode<R: Record>(&mut self, row: &R, chunk: &mut Chunk) -> Result<()> {
        self.rows.serialize(row.flat()).map_err(encoding_error)?;
        let mut failure = None;
        let children = &mut self.children;
        row.child_rows(&mut |child| {
            chunk.rows[1] += 1;
            if let Err(e) = children.serialize(child) {
                failure.get_or_insert(e);
            }
        });
        failure.map_or(Ok(()), |e| Err(encoding_error(e)))
    }

    pub fn finish_chunk(&mut self, chunk: &mut Chunk) -> Result<()> {
        for (writer, bytes) in [&mut self.rows, &mut self.children]
            .into_iter()
            .zip(chunk.bytes.iter_mut())
        {
            let full = std::mem::replace(writer, self::writer());
            bytes.append(&mut full.into_inner().map_err(encoding_error)?);
        }
        Ok(())
    }
}
