//! XML with quick-xml's serializer: each row is an element named after the entity's
//! row tag with one child element per field (a missing value is an empty element);
//! nested children go inside a wrapper (`<items><item>...</item></items>`).

use super::encoding_error;
use crate::error::Result;
use crate::generate::Record;

pub struct XmlEncoder {
    text: String,
}

impl XmlEncoder {
    pub fn new() -> Self {
        XmlEncoder {
            text: String::new(),
        }
    }

    pub fn encode<R: Record>(&mut self, row: &R, row_tag: &str, out: &mut Vec<u8>) -> Result<()> {
        self.text.clear();
        let serializer = quick_xml::se::Serializer::with_root(&mut self.text, Some(row_tag))
            .map_err(encoding_error)?;
        serde::Serialize::serialize(row.flat(), serializer).map_err(encoding_error)?;
        if let Some((wrapper, child_tag)) = R::CHILDREN {
            // Reopen the row element to put the children inside it.
            let closing = row_tag.len() + 3;
            self.text.truncate(self.text.len() - closing);
            self.text.push('<');
            self.text.push_str(wrapper);
            self.text.push('>');
            let mut failure = None;
            let text = &mut self.text;
            row.nested_children(&mut |child| {
                if let Err(e) = child.serialize_xml(child_tag, text) {
                    failure.get_or_insert(e);
                }
            });
            if let Some(e) = failure {
                return Err(encoding_error(e));
            }
            self.text.push_str("</");
            self.text.push_str(wrapper);
            self.text.push_str("></");
            self.text.push_str(row_tag);
            self.text.push('>');
        }
        check_characters(&self.text)?;
        out.extend_from_slice(self.text.as_bytes());
        out.push(b'\n');
        Ok(())
    }
}

/// quick-xml passes control characters through, which would make the document
/// ill-formed; no generated value has one, and this keeps it that way.
fn check_characters(text: &str) -> Result<()> {
    match text
        .chars()
        .find(|&c| c < ' ' && c != '\t' && c != '\n' && c != '\r')
    {
        Some(c) => Err(encoding_error(format!(
            "control character U+{:04X} cannot appear in XML",
            c as u32
        ))),
        None => Ok(()),
    }
}
